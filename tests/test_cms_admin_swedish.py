"""The admin in Swedish, through the real admin (Django's test client, the real database):
every string of the Wagtail apps the admin runs has Swedish, from Wagtail's own catalogue or
the project's (cms/locale), whose committed .mo files are compiled from its .po files; the
case record is "case" (plural "case"); user pickers show full names; and a coach who links
a good example to a case the site does not show is told so before publishing and after.
"""

from __future__ import annotations

import gettext
import re
from pathlib import Path

import pytest
from casedata import make_case
from conftest import make_user
from django.conf import settings
from django.urls import reverse
from django.utils.translation.trans_real import DjangoTranslation
from pofile import catalogue_key, po_entries, wagtail_locales
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from cms.cases.models import CaseRecord, CaseStoryIndexPage, CaseStoryPage

PROJECT_LOCALE = Path(settings.LOCALE_PATHS[0]) / "sv" / "LC_MESSAGES"
DOMAINS = ["django", "djangojs"]


# ---- Catalogues ---------------------------------------------------------------------------------


@pytest.mark.parametrize("domain", DOMAINS)
def test_every_string_of_the_wagtail_apps_in_use_has_swedish(domain):
    # Django's catalogue for the language, as the admin reads it (the JavaScript one as
    # Wagtail's jsi18n view builds it): LOCALE_PATHS first, then the apps' own.
    locales = wagtail_locales()
    catalogue = DjangoTranslation(
        "sv", domain=domain, localedirs=locales if domain == "djangojs" else None
    )._catalog
    sources = [p / "en" / "LC_MESSAGES" / f"{domain}.po" for p in locales]
    sources = [p for p in sources if p.is_file()]
    assert sources, "no Wagtail app ships its English catalogue"
    missing = sorted(
        {
            entry["id"]
            for source in sources
            for entry in po_entries(source)
            if catalogue_key(entry) not in catalogue
        }
    )
    assert not missing, (
        f"{len(missing)} strings have no Swedish; add them to "
        f"{PROJECT_LOCALE / (domain + '.po')} and compile it:\n" + "\n".join(missing[:40])
    )


@pytest.mark.parametrize("domain", DOMAINS)
def test_the_committed_mo_files_are_compiled_from_the_po_files(domain):
    entries = po_entries(PROJECT_LOCALE / f"{domain}.po")
    with (PROJECT_LOCALE / f"{domain}.mo").open("rb") as mo:
        compiled = gettext.GNUTranslations(mo)._catalog
    expected = {}
    for entry in entries:
        msgid = catalogue_key(entry)
        for index, text in entry["str"].items():
            expected[(msgid[0], index) if "plural" in entry else msgid] = text
    compiled.pop("", None)  # the header
    assert compiled == expected, (
        f"{domain}.mo is not compiled from {domain}.po: "
        f"msgfmt --check -o {domain}.mo {domain}.po in {PROJECT_LOCALE}"
    )


def test_the_case_record_is_ett_case_plural_case():
    assert CaseRecord._meta.verbose_name == "case"
    assert CaseRecord._meta.verbose_name_plural == "case"


# ---- User pickers ------------------------------------------------------------------------------


@pytest.mark.django_db
def test_the_coach_and_contact_pickers_show_full_names(client, communicator, organisation):
    coach = make_user("mariasj", "Idécoacher")
    coach.first_name, coach.last_name = "Maria", "Sjöberg"
    coach.save()
    case = make_case(organisation)
    client.force_login(communicator)
    response = client.get(reverse("wagtailsnippets_cases_caserecord:edit", args=[case.pk]))
    assert response.status_code == 200
    page = response.content.decode()
    for field in ("coach", "contact"):
        select = re.search(rf'<select name="{field}".*?</select>', page, re.S)
        assert select, f"no picker for {field}"
        labels = re.findall(r"<option[^>]*>([^<]*)</option>", select.group(0))
        assert "Maria Sjöberg" in labels, labels
        assert "mariasj" not in labels, labels


# ---- A good example whose case the site does not show ----------------------------------------

WARNING = "visas inte på webbplatsen"


def story_data(case, action: str | None = None) -> dict:
    data = {
        "title": "Så hittade vi demens tidigare",
        "slug": "",
        "case": str(case.pk),
        "byline": "Idécoach",
        "body": streamfield([("rich_text", rich_text("<p>Berättelsen.</p>"))]),
    }
    if action:
        data[action] = action.removeprefix("action-")
    return nested_form_data(data)


@pytest.fixture
def cases(organisation, communicator):
    public = make_case(organisation, publish_as=communicator)
    internal = make_case(
        organisation,
        case_id="IS-2019-002",
        title="Nattfasta på särskilda boenden",
        publication_level="intern",
        publish_as=communicator,
    )
    return public, internal


def warnings_in(response) -> list[str]:
    page = response.content.decode()
    return re.findall(r"data-hub-case-warning>(.*?)</p>", page, re.S)


@pytest.mark.django_db
def test_the_edit_form_warns_of_an_intern_case_before_publishing(client, coach, cases):
    public, internal = cases
    index = CaseStoryIndexPage.objects.get()
    client.force_login(coach)
    add = reverse("wagtailadmin_pages:add", args=("cases", "casestorypage", index.pk))

    # Saved as a draft with the intern case: the coach is told at once, and the edit form
    # says it under the case field for as long as that case is chosen.
    response = client.post(add, story_data(internal), follow=True)
    story = CaseStoryPage.objects.get()
    assert not story.live
    messages = [str(m) for m in response.context["messages"]]
    assert any(WARNING in m and "IS-2019-002" in m for m in messages), messages
    edit = reverse("wagtailadmin_pages:edit", args=[story.pk])
    (warning,) = warnings_in(client.get(edit))
    assert "IS-2019-002" in warning and "Intern" in warning and WARNING in warning

    # A save with errors keeps the chosen case, and the warning.
    data = story_data(internal)
    data["title"] = ""
    response = client.post(edit, data)
    assert response.status_code == 200 and response.context["form"].errors
    assert len(warnings_in(response)) == 1

    # With a public case there is nothing to warn of.
    response = client.post(edit, story_data(public), follow=True)
    assert not any(WARNING in str(m) for m in response.context["messages"])
    assert warnings_in(client.get(edit)) == []

    # Published with the intern case after all: the coach hears it once more.
    response = client.post(edit, story_data(internal, "action-publish"), follow=True)
    story.refresh_from_db()
    assert story.live and story.case == internal
    assert any(WARNING in str(m) for m in response.context["messages"])


@pytest.mark.django_db
def test_an_unpublished_case_is_warned_of_too(client, coach, organisation):
    # Public level, but never published.
    draft = make_case(organisation, case_id="IS-2019-003", slug="utkast", live=False)
    index = CaseStoryIndexPage.objects.get()
    client.force_login(coach)
    add = reverse("wagtailadmin_pages:add", args=("cases", "casestorypage", index.pk))
    client.post(add, story_data(draft))
    edit = reverse("wagtailadmin_pages:edit", args=[CaseStoryPage.objects.get().pk])
    (warning,) = warnings_in(client.get(edit))
    assert "inte publicerat" in warning
