"""Media, people and figures are shown only as far as the site publishes them.

- The images and documents endpoints list only media that live public pages or public case
  records use (in the fields the API shows), never media of a restricted collection.
- ``/media/`` serves such files to anyone; every other file only to editors (a 404 for
  everybody else), and Wagtail's ``/documents/<id>/<name>`` refuses the same documents.
- Idea carriers on an ``anonymiserad`` record are roles only.
- "Nuläget" by organisation names no organisation whose cases are all internal.
"""

import datetime as dt
import json
from pathlib import Path

import pytest
from api_factories import add_page, get_json, make_document, make_image
from casedata import make_case
from django.conf import settings
from django.utils import timezone
from wagtail.actions.edit import EditAction
from wagtail.models import Collection, CollectionViewRestriction, Page, PageViewRestriction

from cms.cases.models import IdeaCarrier
from cms.core.models import Organisation, StandardPage

SMALL = (64, 48)


def image_block(image):
    return {"type": "image", "value": {"image": image.pk, "alt_text": "Bild"}}


def document_link(document):
    return {
        "type": "rich_text",
        "value": f'<p><a linktype="document" id="{document.pk}">{document.title}</a></p>',
    }


def page(title, body=(), **extra):
    return StandardPage(title=title, body=list(body), **extra)


def restricted_collection(name="Internt"):
    collection = Collection.get_first_root_node().add_child(name=name)
    CollectionViewRestriction.objects.create(
        collection=collection, restriction_type=CollectionViewRestriction.LOGIN
    )
    return collection


@pytest.fixture
def media(db, home, communicator):
    """Images and documents, each used in one way; the name says how (and is the start of
    the file name, so it can be looked for in the API's answers)."""
    made = {name: make_image(name, size=SMALL) for name in HIDDEN_IMAGES + SHOWN_IMAGES}
    private = restricted_collection()
    made["vis-private-image"] = make_image("vis-private-image", size=SMALL, collection=private)
    made["vis-public-doc"] = make_document("vis-public-doc", "vis-public-doc.pdf")
    made["vis-home-doc"] = make_document("vis-home-doc", "vis-home-doc.pdf")
    made["vis-draft-doc"] = make_document("vis-draft-doc", "vis-draft-doc.pdf")
    made["vis-private-doc"] = make_document(
        "vis-private-doc", "vis-private-doc.pdf", collection=private
    )

    # Used by live public pages: as listing image, image block, image in rich text, in a
    # rich-text field of the home page; the restricted ones as well.
    embed = f'<p><embed embedtype="image" id="{made["vis-embedded"].pk}" alt="Bild"/></p>'
    add_page(
        home,
        page(
            "Öppen sida",
            [
                image_block(made["vis-block"]),
                {"type": "rich_text", "value": embed},
                image_block(made["vis-private-image"]),
                document_link(made["vis-public-doc"]),
                document_link(made["vis-private-doc"]),
            ],
            listing_image=made["vis-listing"],
            listing_image_alt="Bild",
        ),
    )
    home.contact_text = f'<p><a linktype="document" id="{made["vis-home-doc"].pk}">fil</a></p>'
    home.save_revision().publish()

    # Used only by a draft revision of a live page: its row holds the published content.
    live = add_page(home, page("Sida med utkast"))
    live.body = [image_block(made["vis-draft"]), document_link(made["vis-draft-doc"])]
    EditAction(live, user=communicator).execute(skip_permission_checks=True)

    # Used only by pages the site does not show.
    add_page(home, page("Aldrig publicerad", [image_block(made["vis-unpublished"])]), False)
    unpublished = add_page(home, page("Avpublicerad"))
    add_page(unpublished, page("Barn till avpublicerad", [image_block(made["vis-orphaned"])]))
    unpublished.unpublish()
    restricted = add_page(home, page("Skyddad"))
    add_page(restricted, page("Barn till skyddad", [image_block(made["vis-restricted"])]))
    PageViewRestriction.objects.create(
        page=restricted, restriction_type=PageViewRestriction.PASSWORD, password="hemligt"
    )
    expired = page("Utgången", [image_block(made["vis-expired"])])
    expired.expire_at = timezone.now() - dt.timedelta(minutes=1)
    add_page(home, expired)
    # "vis-unused" is used by nothing.
    return made


#: Images that nothing public uses, by how they are (not) used; see the fixture.
HIDDEN_IMAGES = [
    "vis-draft",
    "vis-unpublished",
    "vis-orphaned",
    "vis-restricted",
    "vis-expired",
    "vis-unused",
]
SHOWN_IMAGES = ["vis-listing", "vis-block", "vis-embedded"]


def api_answers(client) -> dict[str, str]:
    """Every API answer that could show an image or a document."""
    urls = [
        "/api/v2/images/?fields=*&limit=500",
        "/api/v2/documents/?fields=*&limit=500",
        "/api/v2/pages/?fields=*&limit=500",
        "/api/v2/pages/?type=core.StandardPage&fields=*&limit=500",
        "/api/v2/pages/?type=core.HomePage&fields=*",
        "/api/v2/cases/?limit=1000",
    ]
    urls += [f"/api/v2/pages/{pk}/?fields=*" for pk in Page.objects.values_list("pk", flat=True)]
    answers = {}
    for url in urls:
        response = client.get(url)
        assert response.status_code in (200, 404), url
        answers[url] = response.content.decode()
    return answers


def listed(client, endpoint) -> set[str]:
    items = get_json(client, f"/api/v2/{endpoint}/?limit=500")["items"]
    return {item["title"] for item in items}


def fetch(client, url) -> tuple[int, bytes]:
    response = client.get(url)
    body = b"".join(response.streaming_content) if response.streaming else response.content
    return response.status_code, body


# The API ---------------------------------------------------------------------------------


def test_images_listed_are_those_public_pages_show(client, media):
    assert listed(client, "images") == set(SHOWN_IMAGES)
    for name in SHOWN_IMAGES:
        get_json(client, f"/api/v2/images/{media[name].pk}/")


def test_documents_listed_are_those_public_pages_link_to(client, media):
    assert listed(client, "documents") == {"vis-public-doc", "vis-home-doc"}
    for name in ["vis-draft-doc", "vis-private-doc"]:
        get_json(client, f"/api/v2/documents/{media[name].pk}/", status=404)


@pytest.mark.parametrize("name", [*HIDDEN_IMAGES, "vis-private-image"])
def test_an_image_no_public_content_shows_is_in_no_answer(client, media, name):
    get_json(client, f"/api/v2/images/{media[name].pk}/", status=404)
    get_json(client, f"/api/v2/images/find/?id={media[name].pk}", status=404)
    answers = api_answers(client)
    assert [url for url, text in answers.items() if name in text] == []
    # The same answers show the public images, so they were not simply empty.
    for shown in SHOWN_IMAGES:
        assert any(shown in text for text in answers.values()), shown


def test_a_draft_document_link_is_in_no_answer(client, media):
    answers = api_answers(client)
    assert [url for url, text in answers.items() if "vis-draft-doc" in text] == []
    assert any("vis-public-doc" in text for text in answers.values())


def open_page(client) -> dict:
    items = get_json(client, "/api/v2/pages/?type=core.StandardPage&fields=*")["items"]
    (item,) = [item for item in items if item["title"] == "Öppen sida"]
    return item


def test_a_public_page_still_shows_its_images_and_documents(client, media):
    item = open_page(client)
    assert item["listing_image"]["id"] == media["vis-listing"].pk
    body = item["body"]
    assert body[0]["value"]["id"] == media["vis-block"].pk
    assert 'src="/media/images/vis-embedded' in body[1]["value"]
    assert body[2]["value"] is None  # an image of a restricted collection
    assert f'href="{media["vis-public-doc"].url}"' in body[3]["value"]
    assert "href" not in body[4]["value"]  # a document of a restricted collection


# /media/ and /documents/ ------------------------------------------------------------------


def test_public_renditions_originals_and_documents_are_served_to_anyone(client, media):
    renditions = open_page(client)["listing_image"]["renditions"]
    urls = [rendition["url"] for rendition in renditions.values()]
    for name in SHOWN_IMAGES:
        urls.append(get_json(client, f"/api/v2/images/{media[name].pk}/")["meta"]["download_url"])
    for name in ["vis-public-doc", "vis-home-doc"]:
        urls += [media[name].url, media[name].file.url]
    assert all(url.startswith(("/media/", "/documents/")) for url in urls), urls
    for url in urls:
        status, body = fetch(client, url)
        assert (status, bool(body)) == (200, True), url


@pytest.mark.parametrize("field", ["listing_image", "body"])
def test_a_file_leaves_media_with_the_last_page_that_shows_it(client, home, field):
    """The search for a file's users stops at the first one (foreign keys first): once the
    only page that shows the image is unpublished, its files are a 404 at the next request."""
    image = make_image(f"vis-once-{field}", size=SMALL)
    extra = (
        {"listing_image": image, "listing_image_alt": "Bild"} if field == "listing_image" else {}
    )
    shown = add_page(home, page("Visas en gång", [image_block(image)] * (field == "body"), **extra))
    urls = [image.file.url, image.get_rendition("max-960x960").url]
    assert [fetch(client, url)[0] for url in urls] == [200, 200]
    shown.unpublish()
    assert [fetch(client, url)[0] for url in urls] == [404, 404]


@pytest.mark.parametrize("name", [*HIDDEN_IMAGES, "vis-private-image"])
def test_files_of_hidden_images_are_served_to_editors_only(client, media, communicator, name):
    image = media[name]
    urls = [image.file.url, image.get_rendition("max-960x960").url]
    assert urls[1].startswith("/media/images/")
    for url in urls:
        assert fetch(client, url)[0] == 404, url
    client.force_login(communicator)  # the admin shows the image's thumbnails
    for url in urls:
        status, body = fetch(client, url)
        assert (status, bool(body)) == (200, True), url


@pytest.mark.parametrize("name", ["vis-draft-doc", "vis-private-doc"])
def test_hidden_documents_are_served_to_editors_only(client, media, communicator, name):
    document = media[name]
    urls = [document.url, document.file.url]  # /documents/<id>/<name> and /media/documents/…
    assert urls[0].startswith(f"/documents/{document.pk}/{name}")
    for url in urls:
        assert fetch(client, url)[0] == 404, url
    client.force_login(communicator)
    for url in urls:
        status, body = fetch(client, url)
        assert (status, body) == (200, b"%PDF-1.4 test\n"), url


def test_other_files_below_media_are_served_to_editors_only(client, media, communicator):
    stray = Path(settings.MEDIA_ROOT) / "vis-stray.txt"
    stray.write_text("Inte för besökare.")
    hidden = media["vis-draft"].file.name
    urls = [
        "/media/vis-stray.txt",
        f"/media/images/../{hidden}",
        f"/media/images/%2E%2E/{hidden}",
        f"/media/./{hidden}",
        f"/media//{hidden}",
    ]
    for url in urls:
        assert fetch(client, url)[0] == 404, url
    client.force_login(communicator)
    assert fetch(client, "/media/vis-stray.txt") == (200, "Inte för besökare.".encode())
    assert fetch(client, "/media/../pyproject.toml")[0] in (400, 404)
    assert fetch(client, "/media/vis-missing.png")[0] == 404


def test_a_user_without_admin_access_is_a_visitor(client, media):
    from conftest import make_user

    client.force_login(make_user("besokare"))
    assert fetch(client, media["vis-draft"].file.url)[0] == 404
    assert fetch(client, media["vis-draft-doc"].url)[0] == 404
    assert fetch(client, media["vis-public-doc"].url)[0] == 200


# People on case records ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("level", "expected"),
    [
        (
            "anonymiserad",
            [
                {"role": "Sjuksköterska", "unit": None, "name": None},
                {"role": "Enhetschef", "unit": None, "name": None},
            ],
        ),
        (
            "publik",
            [
                {"role": "Sjuksköterska", "unit": "Hemtjänst Nord", "name": None},
                {"role": "Enhetschef", "unit": "Äldreomsorgen", "name": "Anna Samtyckesson"},
            ],
        ),
    ],
)
def test_idea_carriers_by_publication_level(client, organisation, level, expected):
    case = make_case(organisation, case_id="IS-2020-001", publication_level=level)
    IdeaCarrier.objects.create(
        case=case, role="Sjuksköterska", unit="Hemtjänst Nord", name="Utan Samtycke"
    )
    IdeaCarrier.objects.create(
        case=case,
        role="Enhetschef",
        unit="Äldreomsorgen",
        name="Anna Samtyckesson",
        consent_to_publish_name=True,
        consent_date=dt.date(2020, 1, 1),
    )
    detail = get_json(client, "/api/v2/cases/IS-2020-001/")
    (listed_case,) = get_json(client, "/api/v2/cases/")["items"]
    assert detail["idea_carriers"] == listed_case["idea_carriers"] == expected
    text = json.dumps(detail, ensure_ascii=False)
    assert "Utan Samtycke" not in text
    if level == "anonymiserad":
        assert "Hemtjänst Nord" not in text and "Äldreomsorgen" not in text


def test_schema_says_unit_and_name_may_be_null(client, db):
    response = client.get("/api/schema/?format=json")
    assert response.status_code == 200
    schema = json.loads(response.content)
    carrier = schema["components"]["schemas"]["IdeaCarrier"]["properties"]
    for name in ["unit", "name"]:
        assert carrier[name]["type"] == "string" and carrier[name]["nullable"] is True
    assert "anonymiserad" in carrier["unit"]["description"]


# Nuläget by organisation -----------------------------------------------------------------


def test_by_organisation_names_only_organisations_with_public_cases(client, organisation):
    internal_only = Organisation.objects.create(name="Kommunstyrelsekontoret", type="forvaltning")
    unpublished_only = Organisation.objects.create(name="Sundsvall Vatten", type="bolag")
    for n, (home_organisation, level, live) in enumerate(
        [
            (organisation, "publik", True),
            (organisation, "anonymiserad", True),
            (organisation, "intern", True),
            (internal_only, "intern", True),
            (unpublished_only, "publik", False),
        ]
    ):
        case_id = f"IS-2020-{n + 1:03d}"
        make_case(
            home_organisation, case_id=case_id, title=case_id, publication_level=level, live=live
        )

    status = get_json(client, "/api/v2/stats/?as_of=2020-12-31")
    assert status["by_organisation"] == {organisation.name: 2}
    # The portal lists the same two cases for the organisation.
    cases = get_json(client, "/api/v2/cases/")["items"]
    assert [c["home_organisation"]["name"] for c in cases] == [organisation.name] * 2
    # The other figures still count the whole register.
    assert status["received"] == 5 == sum(status["by_phase"].values())


def test_a_rendition_another_process_saved_first_is_the_one_given(db):
    """Two processes of one pull make the same renditions at once: the one whose insert was
    skipped holds Wagtail's unsaved copies, whose files /media/ never serves. The API must
    give the files that were saved."""
    from cms.api.renditions import BODY_RENDITIONS
    from cms.api.resolver import Resolver

    image = make_image("vis-race", size=SMALL)

    class LostRace(Resolver):
        def _load_images(self, ids):
            loaded = super()._load_images(ids)  # prefetched before the other process saved
            stale = loaded[image.pk]
            winner = type(image).objects.get(pk=image.pk)
            for saved in winner.get_renditions(*BODY_RENDITIONS.values()).values():
                stale.prefetched_renditions.append(
                    type(saved)(
                        image=stale,
                        filter_spec=saved.filter_spec,
                        focal_point_key=saved.focal_point_key,
                        file="images/lost-copy.png",
                        width=saved.width,
                        height=saved.height,
                    )
                )
            return loaded

    given = LostRace().image(image.pk)
    rendition_model = type(image).get_rendition_model()
    saved_urls = {r.url for r in rendition_model.objects.filter(image=image)}
    urls = {r["url"] for r in given["renditions"].values()}
    assert urls and urls <= saved_urls, (urls, saved_urls)
