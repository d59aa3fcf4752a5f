"""Every page type can be created where it belongs in the tree, and nowhere else."""

import pytest
from django.urls import reverse
from wagtail.models import Page
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from cms.articles.models import InspirationArticlePage, InspirationIndexPage
from cms.cases.models import CaseStoryIndexPage, CaseStoryPage
from cms.core.models import HomePage, StandardPage
from cms.newsletter.models import NewsletterIndexPage, NewsletterIssuePage
from cms.programme.models import ProgrammeIndexPage, ProgrammePage

PAGE_TYPES = [
    HomePage,
    StandardPage,
    CaseStoryIndexPage,
    CaseStoryPage,
    InspirationIndexPage,
    InspirationArticlePage,
    ProgrammeIndexPage,
    ProgrammePage,
    NewsletterIndexPage,
    NewsletterIssuePage,
]

# Where each type belongs. Index pages exist once (created by migration), so a second one
# cannot be created anywhere; the home page likewise.
ALLOWED_PARENTS = {
    HomePage: set(),
    StandardPage: {HomePage, StandardPage},
    CaseStoryIndexPage: set(),
    CaseStoryPage: {CaseStoryIndexPage},
    InspirationIndexPage: set(),
    InspirationArticlePage: {InspirationIndexPage},
    ProgrammeIndexPage: set(),
    ProgrammePage: {ProgrammeIndexPage},
    NewsletterIndexPage: set(),
    NewsletterIssuePage: {NewsletterIndexPage},
}


@pytest.fixture
def one_of_each(home):
    """One live instance of every page type, in its proper place."""
    from cms.cases.models import CaseRecord  # noqa: F401  (imported for side effects)

    pages = {HomePage: home}
    for model in (
        CaseStoryIndexPage,
        InspirationIndexPage,
        ProgrammeIndexPage,
        NewsletterIndexPage,
    ):
        pages[model] = model.objects.get()
    pages[StandardPage] = home.add_child(
        instance=StandardPage(title="Om oss", body=[("rich_text", "<p>Text</p>")])
    )
    return pages


@pytest.mark.django_db
@pytest.mark.parametrize("child", PAGE_TYPES, ids=lambda m: m.__name__)
def test_page_type_can_be_created_only_where_it_belongs(child, one_of_each):
    root = Page.get_first_root_node()
    assert child.can_create_at(root) == (child is HomePage and not HomePage.objects.exists())
    for parent_model, parent in one_of_each.items():
        expected = parent_model in ALLOWED_PARENTS[child]
        assert child.can_create_at(parent) == expected, (
            f"{child.__name__} under {parent_model.__name__}: expected {expected}"
        )


@pytest.mark.django_db
def test_site_tree_from_migrations(home):
    assert home.url_path == "/home/"
    slugs = [p.slug for p in home.get_children()]
    assert slugs == ["goda-exempel", "inspiration", "innovationsprogrammet", "nyhetsbrev"]
    assert all(p.live for p in home.get_children())
    # The tree is consistent (no treebeard path/numchild errors).
    assert Page.find_problems() == ([], [], [], [], [])


@pytest.mark.django_db
def test_admin_creates_standard_page_with_swedish_slug(client, communicator, home):
    client.force_login(communicator)
    url = reverse("wagtailadmin_pages:add", args=("core", "standardpage", home.pk))
    data = nested_form_data(
        {
            "title": "Så här fungerar Idéslussen – översikt",
            "slug": "",
            "body": streamfield([("rich_text", rich_text("<p>Hej</p>"))]),
            "action-publish": "publish",
        }
    )
    response = client.post(url, data)
    assert response.status_code == 302, response.context["form"].errors
    page = StandardPage.objects.get(title__startswith="Så här")
    assert page.slug == "sa-har-fungerar-ideslussen-oversikt"
    assert page.live


@pytest.mark.django_db
def test_admin_refuses_page_type_in_wrong_place(client, communicator, home):
    client.force_login(communicator)
    url = reverse("wagtailadmin_pages:add", args=("newsletter", "newsletterissuepage", home.pk))
    response = client.get(url)
    assert response.status_code in (302, 403)
    assert not NewsletterIssuePage.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("Äldreomsorg på Östermalm", "aldreomsorg-pa-ostermalm"),
        ("Café för unga", "cafe-for-unga"),
        ("ÅÄÖ åäö", "aao-aao"),
    ],
)
def test_page_slug_is_transliterated_the_swedish_way(home, typed, expected):
    page = StandardPage(title=typed, slug="", body=[])
    home.add_child(instance=page)
    assert page.slug == expected
    page2 = StandardPage(title="Annan", slug=typed + " 2", body=[])
    home.add_child(instance=page2)
    assert page2.slug == expected + "-2"


@pytest.mark.django_db
def test_an_issues_edit_form_shows_its_computed_nulaget(client, communicator, organisation):
    import datetime as dt

    from api_factories import add_page, section
    from casedata import make_case

    make_case(organisation, case_id="IS-2019-001", received_date=dt.date(2019, 3, 4))
    later = dict(case_id="IS-2019-002", title="Skolmat", received_date=dt.date(2019, 11, 4))
    make_case(organisation, **later)
    issue = add_page(
        section(NewsletterIndexPage),
        NewsletterIssuePage(
            title="Oktober 2019", issue_date=dt.date(2019, 10, 15), issue_number=7, body=[]
        ),
    )
    client.force_login(communicator)
    html = client.get(reverse("wagtailadmin_pages:edit", args=(issue.pk,))).content.decode()
    box = html.split("data-hub-issue-status", 1)[1].split("</div>", 1)[0]
    # One case by 15 October 2019 (the other came in later), exploring: nothing typed.
    assert "15 oktober 2019" in box
    assert "Inkomna case: 1" in box and "Pågående: 1, varav 0 i implementering" in box
    assert 'name="status_received"' not in html
