"""Nothing the site must not show ever leaves the API.

Each secret is created with its own marker string; the test then fetches every endpoint
(listings with every field, details of every object that exists, including the hidden
ones, the manifest, statistics, taxonomies) and asserts that no marker appears anywhere.
The same crawl must find the public control content, so an API that returned nothing
would fail too.
"""

import datetime as dt
import json

import pytest
from api_factories import PAGE_TYPES, add_page, get_json, make_document, make_image
from casedata import make_case
from django.utils import timezone
from wagtail.actions.edit import EditAction
from wagtail.api.v2.utils import page_models_from_string
from wagtail.models import Collection, CollectionViewRestriction, Page, PageViewRestriction

from cms.cases.models import CaseRecord, IdeaCarrier
from cms.core.models import StandardPage

MARKERS = {
    "draft": "Zqxneverpublished",
    "draft_child": "Zqxchildofdraft",
    "draft_changes": "Zqxunpublishedchanges",
    "unpublished": "Zqxunpublishedpage",
    "unpublished_child": "Zqxchildofunpublished",
    "scheduled": "Zqxscheduledpage",
    "scheduled_change": "Zqxscheduledrevision",
    "expired": "Zqxexpiredpage",
    "restricted": "Zqxrestrictedpage",
    "restricted_child": "Zqxchildofrestricted",
    "intern_case": "Zqxinterncase",
    "case_draft": "Zqxcasedraftchange",
    "case_never_published": "Zqxcasenotpublished",
    "internal_notes": "Zqxinternalnotes",
    "phase_note": "Zqxphasenote",
    "name_without_consent": "Zqxnoconsentname",
    "name_on_anonymised": "Zqxanonymisedname",
    "coach_name": "Zqxcoachsurname",
    "communicator_name": "Zqxcommunicatorsurname",
    "restricted_document": "Zqxprivatedocument",
    "draft_image": "Zqxdraftimage",
    "draft_document": "Zqxdraftdocument",
    "unused_image": "Zqxunusedimage",
}
EMAILS = ["idecoach@example.org", "kommunikator@example.org"]


def body(marker, link_to=None):
    link = f' <a linktype="page" id="{link_to.pk}">länk</a>' if link_to else ""
    return [{"type": "rich_text", "value": f"<p>{marker}{link}</p>"}]


def standard(marker, **extra):
    return StandardPage(title=marker, listing_summary=marker, body=body(marker), **extra)


@pytest.fixture
def secrets(db, home, organisation, coach, communicator):
    coach.last_name = MARKERS["coach_name"]
    coach.save()
    communicator.last_name = MARKERS["communicator_name"]
    communicator.save()
    now = timezone.now()

    # Pages -----------------------------------------------------------------------------
    draft = add_page(home, standard(MARKERS["draft"], owner=coach), publish=False)
    add_page(draft, standard(MARKERS["draft_child"]))  # live itself, below a draft

    live = add_page(home, standard("Öppen sida", owner=coach))
    live.title = MARKERS["draft_changes"]
    draft_image = make_image(MARKERS["draft_image"])
    draft_document = make_document(MARKERS["draft_document"], "utkast.pdf")
    live.body = body(MARKERS["draft_changes"]) + [
        {"type": "image", "value": {"image": draft_image.pk, "alt_text": "Bild"}},
        {
            "type": "rich_text",
            "value": f'<p><a linktype="document" id="{draft_document.pk}">fil</a></p>',
        },
    ]
    # Saved as a draft (as the admin's "Save draft" does), not published.
    EditAction(live, user=communicator).execute(skip_permission_checks=True)

    unpublished = add_page(home, standard(MARKERS["unpublished"]))
    add_page(unpublished, standard(MARKERS["unpublished_child"]))
    unpublished.unpublish()

    scheduled = standard(MARKERS["scheduled"], go_live_at=now + dt.timedelta(days=7))
    add_page(home, scheduled)  # publishing with a future go-live date only schedules it

    later = add_page(home, standard("Planerad ändring"))
    later.title = MARKERS["scheduled_change"]
    later.go_live_at = now + dt.timedelta(days=7)
    later.save_revision().publish()

    add_page(home, standard(MARKERS["expired"], expire_at=now - dt.timedelta(minutes=1)))

    restricted = add_page(home, standard(MARKERS["restricted"]))
    add_page(restricted, standard(MARKERS["restricted_child"]))
    PageViewRestriction.objects.create(
        page=restricted, restriction_type=PageViewRestriction.PASSWORD, password="hemligt"
    )

    # A public page linking to hidden pages must not reveal their paths; it shows the
    # public control image and document (media that nothing public uses stay hidden).
    public_image = make_image("Offentlig bild", uploaded_by_user=coach)
    public_document = make_document("Offentlig rapport", uploaded_by_user=communicator)
    make_image(MARKERS["unused_image"])
    add_page(
        home,
        StandardPage(
            title="Länksida",
            body=body("Kontroll", link_to=draft)
            + body("", link_to=restricted)
            + [
                {"type": "image", "value": {"image": public_image.pk, "alt_text": "Bild"}},
                {
                    "type": "rich_text",
                    "value": f'<p><a linktype="document" id="{public_document.pk}">fil</a></p>',
                },
            ],
        ),
    )

    # Case records ----------------------------------------------------------------------
    make_case(
        organisation,
        case_id="IS-2019-101",
        title=MARKERS["intern_case"],
        summary=MARKERS["intern_case"],
        publication_level="intern",
        publish_as=communicator,
    )
    make_case(
        organisation,
        case_id="IS-2019-102",
        title=MARKERS["case_never_published"],
        live=False,
        publication_level="publik",
    )
    public = make_case(
        organisation,
        case_id="IS-2019-103",
        title="Öppet case",
        publication_level="publik",
        internal_notes=MARKERS["internal_notes"],
        coach=coach,
        contact=communicator,
        publish_as=communicator,
    )
    first_change = public.phase_history.first()
    first_change.note = MARKERS["phase_note"]
    first_change.save()
    IdeaCarrier.objects.create(
        case=public, role="Sjuksköterska", name=MARKERS["name_without_consent"]
    )
    IdeaCarrier.objects.create(
        case=public,
        role="Enhetschef",
        name="Anna Samtyckesson",
        consent_to_publish_name=True,
        consent_date=dt.date(2020, 1, 1),
    )
    anonymised = make_case(
        organisation,
        case_id="IS-2019-104",
        title="Anonymiserat case",
        publication_level="anonymiserad",
        coach=coach,
        publish_as=communicator,
    )
    IdeaCarrier.objects.create(
        case=anonymised,
        role="Undersköterska",
        name=MARKERS["name_on_anonymised"],
        consent_to_publish_name=True,
        consent_date=dt.date(2020, 1, 1),
    )
    public = CaseRecord.objects.get(pk=public.pk)
    public.title = MARKERS["case_draft"]
    public.summary = MARKERS["case_draft"]
    # A draft revision of a live record.
    EditAction(public, user=communicator).execute(skip_permission_checks=True)

    # Media -----------------------------------------------------------------------------
    private = Collection.get_first_root_node().add_child(name="Internt")
    CollectionViewRestriction.objects.create(
        collection=private, restriction_type=CollectionViewRestriction.LOGIN
    )
    make_document(MARKERS["restricted_document"], collection=private, uploaded_by_user=coach)


def crawl(client) -> dict[str, str]:
    """Every URL the API offers for the objects in the database, with its body."""
    urls = [
        "/api/v2/pages/?fields=*&limit=500",
        "/api/v2/pages/?published_since=2000-01-01&fields=*&limit=500",
        *(f"/api/v2/pages/?type={t}&fields=*&limit=500" for t in PAGE_TYPES),
        "/api/v2/images/?fields=*&limit=500",
        "/api/v2/documents/?fields=*&limit=500",
        "/api/v2/cases/?limit=1000",
        "/api/v2/taxonomies/",
        "/api/v2/stats/",
        "/api/v2/stats/years/",
        "/api/v2/site/",
        "/api/v2/manifest/",
        "/api/schema/?format=json",
    ]
    for page in Page.objects.all():
        urls.append(f"/api/v2/pages/{page.pk}/?fields=*")
        urls.append(f"/api/v2/pages/find/?html_path={page.url_path.removeprefix('/home')}")
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model

    for image in get_image_model().objects.all():
        urls.append(f"/api/v2/images/{image.pk}/?fields=*")
    for doc in get_document_model().objects.all():
        urls.append(f"/api/v2/documents/{doc.pk}/?fields=*")
    for case_id in CaseRecord.objects.values_list("case_id", flat=True):
        urls.append(f"/api/v2/cases/{case_id}/")
    bodies = {}
    for url in urls:
        response = client.get(url, follow=True)
        assert response.status_code in (200, 404), (url, response.status_code)
        bodies[url] = response.content.decode()
    return bodies


def test_no_secret_leaves_the_api(client, secrets):
    bodies = crawl(client)
    everything = "\n".join(bodies.values()).casefold()
    leaked = {
        name: [url for url, text in bodies.items() if marker.casefold() in text.casefold()]
        for name, marker in MARKERS.items()
        if marker.casefold() in everything
    }
    assert leaked == {}
    for email in EMAILS:
        assert email not in everything
    # The crawl saw the public content, so it did not pass by seeing nothing.
    for expected in [
        "öppen sida",
        "länksida",
        "öppet case",
        "anna samtyckesson",
        "offentlig bild",
        "offentlig rapport",
    ]:
        assert expected in everything, expected


def test_hidden_content_is_not_found_and_live_versions_are_served(client, secrets):
    # Hidden pages and records are not found, not even by id.
    hidden = Page.objects.filter(title__startswith="Zqx")
    assert hidden.count() == 8
    for page in hidden:
        get_json(client, f"/api/v2/pages/{page.pk}/", status=404)
    for case_id in ["IS-2019-101", "IS-2019-102"]:
        get_json(client, f"/api/v2/cases/{case_id}/", status=404)

    # The record and the pages with pending drafts or schedules appear as last published.
    case = get_json(client, "/api/v2/cases/IS-2019-103/")
    assert case["title"] == "Öppet case"
    assert [c["role"] for c in case["idea_carriers"]] == ["Sjuksköterska", "Enhetschef"]
    assert [c["name"] for c in case["idea_carriers"]] == [None, "Anna Samtyckesson"]
    anonymised = get_json(client, "/api/v2/cases/IS-2019-104/")
    # An anonymised record shows people as roles only.
    assert anonymised["idea_carriers"] == [{"role": "Undersköterska", "unit": None, "name": None}]
    pages = get_json(client, "/api/v2/pages/?type=core.StandardPage&fields=*&limit=500")
    by_title = {item["title"]: item for item in pages["items"]}
    assert set(by_title) == {"Öppen sida", "Planerad ändring", "Länksida"}

    # Links to hidden pages keep their text and lose their target.
    assert [block["value"] for block in by_title["Länksida"]["body"][:2]] == [
        "<p>Kontroll <a>länk</a></p>",
        "<p> <a>länk</a></p>",
    ]

    # A page's meta carries nothing personal or internal.
    detail = get_json(client, f"/api/v2/pages/{by_title['Öppen sida']['id']}/?fields=*")
    assert set(detail["meta"]) == {
        "type",
        "detail_url",
        "path",
        "slug",
        "seo_title",
        "search_description",
        "show_in_menus",
        "first_published_at",
        "last_published_at",
        "last_changed",
        "parent",
    }
    text = json.dumps(detail)
    for word in ["owner", "draft_title", "latest_revision", "locked", "has_unpublished_changes"]:
        assert word not in text


@pytest.mark.parametrize(
    "url",
    [
        "/api/v2/pages/?owner=1",
        "/api/v2/pages/?draft_title=x",
        "/api/v2/pages/?search=Zqx",
        "/api/v2/images/?uploaded_by_user=1",
        "/api/v2/documents/?uploaded_by_user=1",
        "/api/v2/images/?fields=uploaded_by_user",
        "/api/v2/documents/?fields=collection",
        "/api/v2/pages/?fields=owner",
        "/api/v2/pages/?type=core.StandardPage&fields=draft_title",
    ],
)
def test_internal_fields_cannot_be_asked_for(client, db, url):
    data = get_json(client, url, status=400)
    assert data["errors"]


def test_every_page_type_is_crawled():
    """The crawl covers every page model, so a new page type cannot slip past it."""
    from wagtail.models import get_page_models

    ours = {
        f"{m._meta.app_label}.{m.__name__}"
        for m in get_page_models()
        if m._meta.app_label not in ("wagtailcore",)
    }
    assert ours == set(PAGE_TYPES)
    assert all(len(page_models_from_string(t)) == 1 for t in PAGE_TYPES)
