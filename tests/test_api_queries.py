"""A listing costs the same number of SQL queries for 10 items as for 100: every relation
and reference is loaded in batches, never once per item."""

import datetime as dt

import pytest
from api_factories import add_page, count_queries, get_json, make_document, make_image, section
from casedata import make_case
from django.utils import timezone

from cms.articles.models import InspirationArticlePage, InspirationIndexPage
from cms.cases.models import CasePartner, CaseResearchProject, CaseSolution, IdeaCarrier
from cms.cases.stats import status_as_of
from cms.core.models import Organisation, StandardPage, SustainableDevelopmentGoal, Topic
from cms.newsletter.models import NewsletterIndexPage, NewsletterIssuePage

N = 100


@pytest.fixture
def many_pages(db, home):
    """100 pages, each with an image (ten images in turn), a link to another page and to a
    document, a call to action and a listing image."""
    target = add_page(home, StandardPage(title="Mål", body=[]))
    document = make_document()
    topic = Topic.objects.create(name="Skola")
    index = section(InspirationIndexPage)
    images = [make_image(f"Bild {i}", size=(64, 48)) for i in range(10)]
    for i in range(N):
        image = images[i % 10]
        # Created live in one save (a revision per page would only slow the test down).
        page = index.add_child(
            instance=InspirationArticlePage(
                title=f"Artikel {i}",
                last_published_at=timezone.now(),
                published_date=dt.date(2020, 1, 1),
                listing_image=image,
                listing_image_alt="Alt",
                body=[
                    {
                        "type": "rich_text",
                        "value": f'<p><a linktype="page" id="{target.pk}">mål</a> '
                        f'<a linktype="document" id="{document.pk}">fil</a></p>',
                    },
                    {"type": "image", "value": {"image": image.pk, "alt_text": "Alt"}},
                    {
                        "type": "call_to_action",
                        "value": {"heading": "H", "link_label": "L", "page": target.pk},
                    },
                ],
            )
        )
        page.topics.set([topic])


@pytest.fixture
def many_cases(db, organisation, communicator):
    partner = Organisation.objects.create(name="Mittuniversitetet", type="forskning")
    topic = Topic.objects.create(name="Demens")
    goal = SustainableDevelopmentGoal.objects.get(number=3)
    for i in range(N):
        case = make_case(
            organisation,
            case_id=f"IS-2019-{i + 1:03d}",
            title=f"Case {i}",
            phase="testas",
            publication_level="publik",
        )
        case.participating_organisations.set([partner])
        case.topics.set([topic])
        case.sdgs.set([goal])
        IdeaCarrier.objects.create(case=case, role="Sjuksköterska", name="X")
        CasePartner.objects.create(case=case, organisation=partner, partner_type="forskning")
        CaseSolution.objects.create(case=case, title="Lösning")
        CaseResearchProject.objects.create(case=case, title="Projekt", organisation=partner)


def test_page_listing_queries_do_not_grow_with_page_size(client, many_pages):
    url = "/api/v2/pages/?type=articles.InspirationArticlePage&fields=*&limit={}"
    # The first request creates the renditions; after that they are only read.
    get_json(client, url.format(N))
    small, large = count_queries(client, url.format(10)), count_queries(client, url.format(N))
    assert small == large
    assert large < 30
    items = get_json(client, url.format(N))["items"]
    assert len(items) == N and all(item["body"][1]["value"]["renditions"] for item in items)


def test_case_listing_queries_do_not_grow_with_page_size(client, many_cases):
    url = "/api/v2/cases/?limit={}"
    small, large = count_queries(client, url.format(10)), count_queries(client, url.format(N))
    assert small == large
    assert large < 20
    items = get_json(client, url.format(N))["items"]
    assert len(items) == N and all(item["research_projects"] for item in items)


def test_manifest_queries_do_not_grow(client, home, organisation):
    def add(count):
        for _ in range(count):
            n = next(numbers)
            home.add_child(instance=StandardPage(title=f"Sida {n}", body=[]))
            make_case(organisation, case_id=f"IS-2020-{n:03d}", title=f"Case {n}")

    numbers = iter(range(1, 200))
    add(3)
    get_json(client, "/api/v2/manifest/")  # fills Django's content type cache
    few = count_queries(client, "/api/v2/manifest/")
    add(30)
    assert len(get_json(client, "/api/v2/manifest/")["items"]) == 5 + 2 * 33
    assert count_queries(client, "/api/v2/manifest/") == few


@pytest.mark.parametrize("endpoint", ["images", "documents"])
def test_media_listing_queries_do_not_grow_with_the_site(client, many_pages, home, endpoint):
    """Which media public pages use is read for all pages of a type at once."""
    url = f"/api/v2/{endpoint}/?limit=50"
    get_json(client, url)  # fills Django's content type cache
    before = count_queries(client, url)
    index = section(InspirationIndexPage)
    image = make_image("Ny bild", size=(64, 48))
    for i in range(20):
        index.add_child(
            instance=InspirationArticlePage(
                title=f"Ny artikel {i}",
                published_date=dt.date(2020, 1, 1),
                body=[{"type": "image", "value": {"image": image.pk, "alt_text": "Alt"}}],
            )
        )
    home.add_child(
        instance=StandardPage(
            title="Sida med bild", listing_image=image, listing_image_alt="Alt", body=[]
        )
    )
    assert count_queries(client, url) == before
    assert before < 25
    titles = {item["title"] for item in get_json(client, url)["items"]}
    assert titles == (
        {f"Bild {i}" for i in range(10)} | {"Ny bild"} if endpoint == "images" else {"Rapport"}
    )


def test_newsletter_listing_reads_the_register_once(client, organisation):
    """Each issue shows Nuläget on its date, yet a listing of issues reads the register
    once, not once per issue."""
    for i, received in enumerate(dt.date(2019, month, 4) for month in (1, 4, 7, 10)):
        make_case(
            organisation, case_id=f"IS-2019-{i + 1:03d}", title=f"Case {i}", received_date=received
        )
    index = section(NewsletterIndexPage)
    for month in range(1, 13):
        index.add_child(
            instance=NewsletterIssuePage(
                title=f"Nummer {month}",
                issue_date=dt.date(2019, month, 20),
                issue_number=month,
                last_published_at=timezone.now(),
                body=[],
            )
        )
    url = "/api/v2/pages/?type=newsletter.NewsletterIssuePage&fields=status&limit={}"
    get_json(client, url.format(12))  # fills Django's content type cache
    assert count_queries(client, url.format(2)) == count_queries(client, url.format(12))
    items = get_json(client, url.format(12))["items"]
    assert [item["status"]["received"] for item in items] == [1, 1, 1, 2, 2, 2, 3, 3, 3, 4, 4, 4]
    for item in items:
        day = dt.date.fromisoformat(item["status"]["as_of"])
        assert item["status"] == status_as_of(day).headline()
