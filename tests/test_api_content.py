"""Pages come out of the API ready for a front end: rich text as HTML with public paths,
chooser blocks expanded (images as renditions, pages as title and path), never a bare id
or a Wagtail-internal reference."""

import datetime as dt
import json

import pytest
from api_factories import PAGE_TYPES, add_page, get_json, make_document, make_image, section
from casedata import make_case

from cms.articles.models import InspirationArticlePage, InspirationIndexPage
from cms.cases.models import CaseStoryIndexPage, CaseStoryPage
from cms.core.models import Organisation, StandardPage, Topic
from cms.newsletter.models import NewsletterIndexPage, NewsletterIssuePage
from cms.programme.models import ProgrammeIndexPage, ProgrammePage, ProgrammeSession


@pytest.fixture
def site(db, home, organisation, communicator):
    """A small published site whose pages link to each other, a document and an image."""
    public_case = make_case(
        organisation, case_id="IS-2019-031", title="Tidig upptäckt", publish_as=communicator
    )
    intern_case = make_case(
        organisation,
        case_id="IS-2019-032",
        title="Internt case",
        publication_level="intern",
        publish_as=communicator,
    )
    topic = Topic.objects.create(name="Äldreomsorg")
    article = add_page(
        section(InspirationIndexPage),
        InspirationArticlePage(
            title="Myter om innovation",
            slug="myter",
            published_date=dt.date(2020, 10, 20),
            byline="Idécoach i Idéslussen",
            body=[],
        ),
    )
    article.topics.set([topic])
    article.related_cases.set([public_case, intern_case])
    article.save_revision().publish()
    draft = add_page(
        home, StandardPage(title="Halvfärdig sida", slug="halvfardig", body=[]), publish=False
    )
    document = make_document("Rapport om demens", "demens-rapport.pdf")
    image = make_image("Demensteamet")
    page = add_page(
        home,
        StandardPage(
            title="Så fungerar Idéslussen",
            listing_summary="Från idé till beslut.",
            listing_image=image,
            listing_image_alt="Teamet vid en whiteboard",
            body=[
                {
                    "type": "rich_text",
                    "value": f'<p>Läs <a linktype="page" id="{article.pk}">artikeln</a>, '
                    f'<a linktype="document" id="{document.pk}">rapporten</a> och '
                    '<a href="https://example.org/">en extern sida</a>.</p>',
                },
                {
                    "type": "image",
                    "value": {"image": image.pk, "alt_text": "Fyra personer", "caption": "Teamet"},
                },
                {
                    "type": "call_to_action",
                    "value": {
                        "heading": "Läs mer",
                        "text": "",
                        "link_label": "Till artikeln",
                        "page": article.pk,
                        "url": "",
                    },
                },
                {
                    "type": "fact_box",
                    "value": {
                        "heading": "Fakta",
                        "text": f'<p>Se <a linktype="page" id="{draft.pk}">utkastet</a>.</p>',
                    },
                },
                {"type": "quote", "value": {"quote": "Vi kom in för sent.", "attribution": ""}},
                {"type": "embed", "value": "https://www.youtube.com/watch?v=abc"},
            ],
        ),
    )
    home.contact_text = f'<p>Börja <a linktype="page" id="{page.pk}">här</a>.</p>'
    home.save_revision().publish()
    return {
        "page": page,
        "article": article,
        "draft": draft,
        "document": document,
        "image": image,
        "topic": topic,
        "public_case": public_case,
        "intern_case": intern_case,
    }


def only_item(client, page_type):
    data = get_json(client, f"/api/v2/pages/?type={page_type}&fields=*")
    assert data["meta"]["total_count"] == 1
    return data["items"][0]


def test_rich_text_links_resolve_to_public_paths(client, site):
    item = only_item(client, "core.StandardPage")
    html = item["body"][0]["value"]
    assert '<a href="/inspiration/myter/">artikeln</a>' in html
    doc = site["document"]
    assert (
        f'<a href="/documents/{doc.pk}/demens-rapport.pdf" data-file-extension="pdf" '
        'data-file-size="14">rapporten</a>'
    ) in html
    assert '<a href="https://example.org/">en extern sida</a>' in html
    # A link to a page that is not published keeps its text and loses its target.
    assert item["body"][3]["value"]["text"] == "<p>Se <a>utkastet</a>.</p>"


def test_rich_text_field_on_home_page(client, site):
    item = only_item(client, "core.HomePage")
    assert item["contact_text"] == '<p>Börja <a href="/sa-fungerar-ideslussen/">här</a>.</p>'
    assert item["meta"]["path"] == "/"


def test_image_blocks_are_renditions_with_alt_text(client, site):
    item = only_item(client, "core.StandardPage")
    block = item["body"][1]
    assert block["type"] == "image"
    value = block["value"]
    assert value["alt"] == "Fyra personer" and value["caption"] == "Teamet"
    assert (value["width"], value["height"]) == (1200, 800)
    assert set(value["renditions"]) == {"medium", "large"}
    medium = value["renditions"]["medium"]
    assert medium["url"].startswith("/media/images/") and medium["url"].endswith(".png")
    assert (medium["width"], medium["height"]) == (960, 640)
    assert medium["alt"] == "Fyra personer"

    card = item["listing_image"]
    assert card["alt"] == "Teamet vid en whiteboard"
    assert (card["renditions"]["card"]["width"], card["renditions"]["card"]["height"]) == (
        640,
        360,
    )


def test_page_choosers_are_title_and_path(client, site):
    item = only_item(client, "core.StandardPage")
    cta = item["body"][2]["value"]
    article = site["article"]
    assert cta["page"] == {
        "id": article.pk,
        "type": "articles.InspirationArticlePage",
        "title": "Myter om innovation",
        "path": "/inspiration/myter/",
    }
    assert cta["href"] == "/inspiration/myter/"
    assert item["body"][5] == {
        "type": "embed",
        "value": "https://www.youtube.com/watch?v=abc",
        "id": item["body"][5]["id"],
    }


def test_no_internal_references_reach_the_client(client, site):
    for url in [
        "/api/v2/pages/?type=core.StandardPage&fields=*",
        "/api/v2/pages/?type=core.HomePage&fields=*",
        f"/api/v2/pages/{site['page'].pk}/",
    ]:
        text = client.get(url).content.decode()
        assert "linktype" not in text and "embedtype" not in text, url


def test_detail_view_matches_listing(client, site):
    page = site["page"]
    detail = get_json(client, f"/api/v2/pages/{page.pk}/")
    listed = only_item(client, "core.StandardPage")
    assert detail["body"] == listed["body"]
    assert detail["meta"]["parent"]["path"] == "/"
    published = dt.datetime.fromisoformat(detail["meta"]["last_published_at"])
    assert published == page.last_published_at
    assert set(detail["meta"]) >= {"type", "path", "slug", "last_published_at", "last_changed"}
    assert "html_url" not in detail["meta"] and "owner" not in json.dumps(detail)


def test_article_taxonomies_and_related_cases(client, site):
    item = only_item(client, "articles.InspirationArticlePage")
    assert item["topics"] == [
        {"id": site["topic"].pk, "name": "Äldreomsorg", "slug": "aldreomsorg"}
    ]
    assert item["related_cases"] == [
        {
            "case_id": "IS-2019-031",
            "title": "Tidig upptäckt",
            "path": "/case/tidig-upptackt/",
            "phase": {"code": "utforskas", "label": "Utforskas"},
        }
    ]
    assert item["published_date"] == "2020-10-20"


def test_story_refers_to_its_case_only_if_public(client, site, home):
    index = section(CaseStoryIndexPage)
    add_page(index, CaseStoryPage(title="Demens", case=site["public_case"], body=[]))
    add_page(index, CaseStoryPage(title="Hemligt", case=site["intern_case"], body=[]))
    items = get_json(client, "/api/v2/pages/?type=cases.CaseStoryPage&fields=*")["items"]
    cases = {item["title"]: item["case"] for item in items}
    assert cases["Demens"]["path"] == "/case/tidig-upptackt/"
    assert cases["Hemligt"] is None


def test_newsletter_sections_list_public_cases_and_pages(client, site):
    add_page(
        section(NewsletterIndexPage),
        NewsletterIssuePage(
            title="Oktober 2020",
            issue_date=dt.date(2020, 10, 1),
            issue_number=12,
            body=[
                {
                    "type": "section",
                    "value": {
                        "heading": "Nytt",
                        "text": f'<p><a linktype="page" id="{site["page"].pk}">Läs</a></p>',
                        "image": {"image": None, "alt_text": "", "caption": ""},
                        "cases": [site["public_case"].pk, site["intern_case"].pk],
                        "pages": [site["page"].pk, site["draft"].pk],
                    },
                }
            ],
        ),
    )
    item = only_item(client, "newsletter.NewsletterIssuePage")
    section_value = item["body"][0]["value"]
    assert [c["case_id"] for c in section_value["cases"]] == ["IS-2019-031"]
    assert [p["path"] for p in section_value["pages"]] == ["/sa-fungerar-ideslussen/"]
    assert section_value["image"] is None
    assert section_value["text"] == '<p><a href="/sa-fungerar-ideslussen/">Läs</a></p>'
    assert item["display_title"] == "Aktuellt i Idéslussen – oktober 2020"
    # Nuläget is the register on the issue date, computed: the fixture's cases by then.
    with_date = get_json(client, "/api/v2/stats/?as_of=2020-10-01")
    assert item["status"] == {
        k: with_date[k]
        for k in ("as_of", "received", "in_progress", "in_implementation", "closed", "implemented")
    }


def test_an_issue_revision_from_before_nulaget_was_computed_still_publishes(client, site):
    issue = add_page(
        section(NewsletterIndexPage),
        NewsletterIssuePage(
            title="Mars 2019", issue_date=dt.date(2019, 3, 19), issue_number=5, body=[]
        ),
    )
    revision = issue.save_revision()
    # The figures an issue's revisions held until migration 0004 computed them instead.
    revision.content.update(status_received=99, status_closed=1)
    revision.save(update_fields=["content"])
    revision.refresh_from_db()
    revision.publish()
    item = only_item(client, "newsletter.NewsletterIssuePage")
    assert item["status"]["as_of"] == "2019-03-19"
    assert item["status"]["received"] != 99


def test_programme_page_has_sessions_and_partner(client, site):
    partner = Organisation.objects.create(name="Amplify Innovation AB", type="naringsliv")
    page = ProgrammePage(title="2019", year=2019, participant_count=40, partner=partner, body=[])
    page.sessions = [
        ProgrammeSession(date=dt.date(2019, 2, 1), title="Tjänstedesign", topic="Grunder"),
        ProgrammeSession(date=dt.date(2019, 3, 1), title="Kultur"),
    ]
    add_page(section(ProgrammeIndexPage), page)
    item = only_item(client, "programme.ProgrammePage")
    assert [s["title"] for s in item["sessions"]] == ["Tjänstedesign", "Kultur"]
    assert item["sessions"][0] == {
        "date": "2019-02-01",
        "title": "Tjänstedesign",
        "topic": "Grunder",
        "description": "",
    }
    assert item["partner"]["name"] == "Amplify Innovation AB"
    assert item["participant_count"] == 40


def test_every_page_type_serves_its_api_fields(client, site):
    """One request per page type with ``fields=*`` gives every field its template uses."""
    from wagtail.api.v2.utils import page_models_from_string

    for page_type in PAGE_TYPES:
        (model,) = page_models_from_string(page_type)
        if not model.objects.exists():
            parent = model.allowed_parent_page_models()[0].objects.get()
            fields = SAMPLE_FIELDS.get(page_type, {})
            if page_type == "cases.CaseStoryPage":
                fields = fields | {"case": site["public_case"]}
            add_page(parent, model(title=f"En {model._meta.verbose_name}", **fields))
        data = get_json(client, f"/api/v2/pages/?type={page_type}&fields=*")
        assert data["items"], page_type
        for item in data["items"]:
            assert item["meta"]["type"] == page_type
            assert item["meta"]["path"].startswith("/")
            assert set(item) == {"id", "meta", "title"} | {f.name for f in model.api_fields}


SAMPLE_FIELDS = {
    "cases.CaseStoryPage": {"body": []},
    "programme.ProgrammePage": {"year": 2018, "participant_count": 25, "body": []},
    "newsletter.NewsletterIssuePage": {
        "issue_date": dt.date(2020, 11, 1),
        "issue_number": 13,
        "body": [],
    },
}
