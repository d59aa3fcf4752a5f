"""Personal data stays in the CMS: an audit of everything that leaves it.

The rule (DOMAIN.md, "Public-sector requirements"): an idea carrier's name is shown only
where consent is recorded (``consent_to_publish_name`` and ``consent_date``) on a live
``publik`` record; users' names and e-mail addresses (coach, contact person, editors, page
owners, revision authors, uploaders), internal notes and newsletter subscribers' addresses
never leave the CMS.

The demo content is loaded, with records made to tempt a leak (``tempt_a_leak``), and the
site is built once, as ``hub build`` builds it, through a transport that keeps every API
response the build step reads. Then the audit reads all of it:

- those responses, and every URL of ``/api/v2/`` a crawl reaches from the listings,
  following every link, ``next`` and detail URL (Django's test client, the real URLconf);
- every file of ``content/`` and of the built site (HTML, JSON, feeds, sitemap, the search
  index, whose gzip-compressed files are read decompressed).

What counts as personal is read from the models, so new data is audited too: every idea
carrier's name without a public one, every user's full name and e-mail address, every
internal note. The names that may be shown must be found, so the audit cannot pass by
reading nothing. Withdrawing consent removes the name from the site at the next ordinary
(incremental) build, the search index included.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

import pytest
from api_factories import add_page, make_document, make_image
from casedata import make_case
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.db import transaction
from django.test import Client
from leakaudit import API, Recording, crawl, leaks, normalise, readable_all, site_files
from sitebuild_helpers import Site

from cms.cases.choices import PublicationLevel
from cms.cases.models import CaseRecord, IdeaCarrier
from cms.core.models import HomePage, Organisation, StandardPage
from cms.newsletter.subscribers import Subscriber
from sitebuild.local_cms import transport
from sitebuild.pull.client import ApiClient

pytestmark = [pytest.mark.slow]

# The tempting records: distinctive strings, so that a hit is unambiguous ------------------
# Every one of their secrets holds MARK (and nothing public does), so a part of one that
# leaks (a last name alone, an e-mail's user part, a sentence of a note) is found too.
MARK = "hemligsson"

#: Names that may be shown: consent with a date, on a live publik record.
CONSENTED = "Petra Samtyckesdotter"
NO_CONSENT = "Nils Hemligsson"  # a name given, no consent
NO_CONSENT_DATE = "Olga Datumlösa-Hemligsson"  # consent ticked, no date (an old import)
ON_ANONYMISED = "Anna Anonymhemligsson"  # consent with a date, on an anonymiserad record
ON_INTERN = "Ivar Internhemligsson"  # consent with a date, on an intern record
ON_DRAFT = "Dora Utkasthemligsson"  # consent with a date, on a record never published
IN_DRAFT = "Vera Revisionshemligsson"  # consent with a date, in a draft not yet published
NOTE = "Hemlig anteckning: Zorro Hemligsson har sagt upp sig"
INTERN_NOTE = "Intern anteckning om upphandlingen med Hemligsson AB"
PHASE_NOTE = "Fasanteckning Hemligssons begäran"
PEOPLE = {
    # username: first name, last name (e-mail: <username>.hemligsson@example.org)
    "coachen": ("Greta", "Coachhemligsson"),
    "kontakten": ("Kalle", "Kontakthemligsson"),
    "redaktoren": ("Rut", "Redaktörhemligsson"),
    "agaren": ("Åke", "Ägarhemligsson"),
}


def tempt_a_leak() -> None:
    """Records built to tempt a leak, beside the demo content."""
    User = get_user_model()
    users = {
        username: User.objects.create_user(
            username,
            email=f"{username}.hemligsson@example.org",
            first_name=first,
            last_name=last,
            password=None,
        )
        for username, (first, last) in PEOPLE.items()
    }
    users["redaktoren"].groups.add(Group.objects.get(name="Kommunikatörer"))
    # Newsletter subscribers, one confirmed and one not: their addresses never leave.
    for address, confirmed in (("prenumerant.hemligsson@example.org", True),
                               ("anmald.hemligsson@example.org", False)):  # fmt: skip
        subscriber = Subscriber(email=address)
        subscriber.new_token()
        subscriber.save()
        if confirmed:
            subscriber.confirm()
    organisation = Organisation.objects.order_by("pk").first()
    consent = dt.date(2024, 3, 1)

    public = make_case(
        organisation,
        case_id="IS-2024-971",
        title="Ett öppet case med idébärare",
        received_date=dt.date(2024, 2, 1),
        publication_level=PublicationLevel.PUBLIK,
        internal_notes=NOTE,
        coach=users["coachen"],
        contact=users["kontakten"],
    )
    public.idea_carriers = [
        IdeaCarrier(role="Sjuksköterska", unit="Hemtjänst Syd", name=CONSENTED,
                    consent_to_publish_name=True, consent_date=consent),
        IdeaCarrier(role="Undersköterska", name=NO_CONSENT),
        # The form refuses consent without a date; an import or an old row may have it.
        IdeaCarrier(role="Enhetschef", name=NO_CONSENT_DATE, consent_to_publish_name=True),
    ]  # fmt: skip
    public.save()
    first_change = public.phase_history.first()
    first_change.note = PHASE_NOTE
    first_change.save()
    public.save_revision(user=users["redaktoren"]).publish(user=users["redaktoren"])
    # A draft of the public record adds a person: only the revision has it, not the tables.
    public.idea_carriers.add(
        IdeaCarrier(role="Kurator", name=IN_DRAFT, consent_to_publish_name=True,
                    consent_date=consent)
    )  # fmt: skip
    public.save_revision(user=users["redaktoren"])

    anonymised = make_case(
        organisation,
        case_id="IS-2024-972",
        title="Ett anonymiserat case",
        received_date=dt.date(2024, 2, 2),
        publication_level=PublicationLevel.ANONYMISERAD,
        coach=users["coachen"],
    )
    anonymised.idea_carriers = [
        IdeaCarrier(role="Lärare", name=ON_ANONYMISED, consent_to_publish_name=True,
                    consent_date=consent),
    ]  # fmt: skip
    anonymised.save()
    anonymised.save_revision(user=users["redaktoren"]).publish(user=users["redaktoren"])

    for case_id, name, level, live in [
        ("IS-2024-973", ON_INTERN, PublicationLevel.INTERN, True),
        ("IS-2024-974", ON_DRAFT, PublicationLevel.PUBLIK, False),
    ]:
        case = make_case(
            organisation,
            case_id=case_id,
            title=f"Ett case med {name}",
            summary=f"{name} har en idé.",
            received_date=dt.date(2024, 2, 3),
            publication_level=level,
            internal_notes=INTERN_NOTE,
            contact=users["kontakten"],
            live=False,
        )
        case.idea_carriers = [
            IdeaCarrier(role="Kock", name=name, consent_to_publish_name=True, consent_date=consent)
        ]
        case.save()
        revision = case.save_revision(user=users["redaktoren"])
        if live:
            revision.publish(user=users["redaktoren"])

    # A page owned by one user, last edited and published by another, with an image and a
    # document uploaded by them.
    image = make_image("Bild till sidan om samtycke", uploaded_by_user=users["agaren"])
    document = make_document(
        "Rapport om samtycke", "samtycke.pdf", uploaded_by_user=users["agaren"]
    )
    page = StandardPage(
        title="Om samtycke",
        slug="om-samtycke",
        owner=users["agaren"],
        body=[
            ("rich_text", f'<p>Läs <a linktype="document" id="{document.pk}">rapporten</a>.</p>'),
            ("image", {"image": image, "alt_text": "En grön yta", "caption": ""}),
        ],
    )
    page = add_page(HomePage.objects.get(), page, publish=False)
    page.save_revision(user=users["redaktoren"]).publish(user=users["redaktoren"])


# What is personal, from the models -------------------------------------------------------


def shown_names() -> set[str]:
    """Idea carriers' names that may be shown: recorded consent on a live publik record."""
    return {
        carrier.public_name
        for carrier in IdeaCarrier.objects.filter(
            case__in=CaseRecord.objects.public().filter(publication_level=PublicationLevel.PUBLIK)
        )
        if carrier.public_name
    }


def personal_data() -> dict[str, str]:
    """Every text that must not leave the CMS → what it is. A text that is also a name
    that may be shown (two people with one name) cannot be told apart, so it is left out."""
    shown = {normalise(name) for name in shown_names()}
    found = {}
    for carrier in IdeaCarrier.objects.select_related("case").exclude(name=""):
        found[carrier.name] = (
            f"idébärarens namn ({carrier.case.case_id}, {carrier.case.publication_level}, "
            f"samtycke {carrier.consent_to_publish_name}, datum {carrier.consent_date})"
        )
    for user in get_user_model().objects.all():
        if user.first_name.strip() and user.last_name.strip():
            found[f"{user.first_name} {user.last_name}"] = f"användarens namn ({user.username})"
        if user.email:
            found[user.email] = f"användarens e-postadress ({user.username})"
    for address in Subscriber.objects.values_list("email", flat=True):
        found[address] = "en prenumerants e-postadress"
    for case_id, notes in CaseRecord.objects.exclude(internal_notes="").values_list(
        "case_id", "internal_notes"
    ):
        for line in notes.splitlines():
            if len(line.strip()) >= 12:
                found[line.strip()] = f"intern anteckning ({case_id})"
    found[PHASE_NOTE] = "kommentar i fashistoriken (IS-2024-971)"
    found[MARK] = "del av en av testets hemliga uppgifter"
    return {text: what for text, what in found.items() if normalise(text) not in shown}


@dataclass
class Audit:
    site: Site
    api: dict[str, str]  # where → text of every API response the build and the crawl read
    files: dict[str, str]  # where → text of every file of content/ and the site


@pytest.fixture(scope="module")
def audit(django_db_setup, django_db_blocker, tmp_path_factory):
    """The demo with the tempting records, built once and read (rolled back at the end)."""
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("load_demo", quiet=True)
        tempt_a_leak()
        site = Site(tmp_path_factory.mktemp("audit"))
        recording = Recording(transport())
        with ApiClient(transport=recording) as client:
            site.build(client=client)
        read_by_build = {f"API (bygget) {url}": body for url, body in recording.bodies.items()}
        crawled = {f"API {url}": body for url, body in crawl().items()}
        yield Audit(site, readable_all(read_by_build | crawled), site_files(site))
        transaction.set_rollback(True)


def test_no_personal_data_leaves_the_cms(audit, db):
    secrets = personal_data()
    # The audit knows the tempting records and read what the site is made of.
    assert {NO_CONSENT, NO_CONSENT_DATE, ON_ANONYMISED, ON_INTERN, ON_DRAFT, NOTE} <= set(secrets)
    assert {f"{first} {last}" for first, last in PEOPLE.values()} <= set(secrets)
    assert sum("(bygget)" in where for where in audit.api) > 50
    crawled = {where.removeprefix("API ") for where in audit.api}
    public_cases = CaseRecord.objects.public().values_list("case_id", flat=True)
    assert {f"{API}cases/{case_id}/" for case_id in public_cases} <= crawled
    assert len([url for url in crawled if re.fullmatch(r"/api/v2/pages/\d+/", url)]) > 40
    assert any("/pagefind/" in where for where in audit.files)

    found = leaks(audit.api | audit.files, secrets)

    assert not found, f"{len(found)} läckor av personuppgifter:\n" + "\n".join(found)


def test_the_names_that_may_be_shown_are_in_the_api_the_site_and_its_search(audit, db):
    """The audit is not passed by reading nothing: every name with recorded consent on a
    public record is found where the build step and a visitor find it."""
    names = shown_names()
    assert CONSENTED in names and len(names) >= 5
    places = {
        "API:t": audit.api,
        "content/": {k: v for k, v in audit.files.items() if k.startswith("content/")},
        "sidornas HTML": {k: v for k, v in audit.files.items() if k.endswith(".html")},
        "sökindexet": {k: v for k, v in audit.files.items() if "/pagefind/" in k},
    }
    missing = [
        f"{name} saknas i {place}"
        for place, texts in places.items()
        for name in sorted(names)
        if not leaks(texts, {name: "namn"})
    ]
    assert not missing, "\n".join(missing)


def test_withdrawn_consent_removes_the_name_at_the_next_build(audit, db, tmp_path):
    site = audit.site.copy_to(tmp_path / "site")
    carrier = IdeaCarrier.objects.get(name=CONSENTED)
    case = CaseRecord.objects.get(pk=carrier.case_id)
    indexed = [w for w in leaks(audit.files, {CONSENTED: "namn"}) if "/pagefind/" in w]
    assert indexed, "the name was never in the search index"

    # The communicator unticks the consent and publishes the record; the worker rebuilds.
    carrier.consent_to_publish_name = False
    carrier.save()
    case.save_revision().publish()
    summary = site.build()

    assert not summary.skipped
    # An ordinary, incremental build: the case's page is rendered again, not the whole site.
    assert f"case/{case.slug}/index.md" in site.rendered
    assert summary.rendered < len(site.page_paths()) / 4
    assert leaks(site_files(site), {CONSENTED: "namn"}) == []
    assert CONSENTED not in Client().get(f"{API}cases/{case.case_id}/").text
    assert "Sjuksköterska" in site.html(f"/case/{case.slug}/")  # still shown, by role
