"""The demo content (``load_demo``): the article's figures, the pages an editor and a visitor
expect, and a second run that changes nothing.

The demo is loaded once for the module inside a transaction that is rolled back at the end,
so the other test modules see the empty site tree the migrations create.
"""

import datetime as dt
import io
import re

import pytest
from django.apps import apps
from django.contrib.auth import authenticate
from django.core.management import call_command
from django.db import transaction
from django.test import RequestFactory
from django.utils import timezone
from wagtail.images.models import Image
from wagtail.models import Page

from cms.articles.models import InspirationArticlePage
from cms.cases.choices import Outcome, Phase, PublicationLevel
from cms.cases.models import CaseRecord, CaseStoryPage, IdeaCarrier
from cms.cases.stats import HOME_FOUND_OUTCOMES, status_as_of
from cms.core.models import HomePage, StandardPage
from cms.newsletter.models import NewsletterIssuePage
from cms.programme.models import ProgrammePage

ARTICLE_DAY = dt.date(2020, 10, 20)
INTERNAL_LINK = re.compile(r'<a linktype="page" id="(\d+)">')


@pytest.fixture(scope="module", autouse=True)
def demo(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("load_demo", quiet=True)
        yield
        transaction.set_rollback(True)


pytestmark = pytest.mark.django_db


def test_register_reproduces_the_articles_figures():
    assert CaseRecord.objects.count() == 128
    assert CaseRecord.objects.filter(phase=Phase.IMPLEMENTERAS).count() == 8
    assert CaseRecord.objects.filter(phase=Phase.AVSLUTAD).count() == 88
    implemented = CaseRecord.objects.filter(outcome__in=HOME_FOUND_OUTCOMES).count()
    for day in (timezone.localdate(), ARTICLE_DAY):
        status = status_as_of(day)
        assert (status.received, status.in_implementation, status.closed) == (128, 8, 88)
        assert status.in_progress == 40
        assert status.implemented == implemented


def test_case_records_are_valid_published_and_have_a_dated_history():
    outcomes = set()
    for record in CaseRecord.objects.prefetch_related("phase_history"):
        record.full_clean()
        assert re.fullmatch(rf"IS-{record.received_date.year}-\d{{3}}", record.case_id)
        assert dt.date(2017, 3, 1) <= record.received_date <= ARTICLE_DAY
        assert record.live and record.live_revision_id == record.latest_revision_id
        history = sorted(record.phase_history.all(), key=lambda h: (h.date, h.sort_order))
        assert (history[0].phase, history[0].date) == (Phase.INKOMMEN, record.received_date)
        assert history[-1].phase == record.phase
        assert all(a.date < b.date for a, b in zip(history, history[1:], strict=False))
        assert history[-1].date <= dt.date(2020, 11, 30)
        assert record.coach.groups.filter(name="Idécoacher").exists()
        assert record.contact.username == "kommunikator"
        if record.outcome in (Outcome.OVERLAMNAT, Outcome.HITTAT_HEM):
            assert record.taken_over_by_id
        outcomes.add(record.outcome)
    assert outcomes - {""} == set(Outcome.values)
    titles = CaseRecord.objects.values_list("title", flat=True)
    assert len(set(titles)) == 128


def test_case_titles_read_as_distinct_cases():
    """No title is another one with a unit swapped in ("Färre larm i hemtjänsten", "Färre
    larm på boendena"): no two titles begin with the same two words or end with them."""
    titles = CaseRecord.objects.values_list("title", flat=True)
    for words in (slice(0, 2), slice(-2, None)):
        seen = {}
        for title in titles:
            key = tuple(title.lower().split()[words])
            assert key not in seen, (seen.get(key), title)
            seen[key] = title


def test_publication_levels_and_idea_carriers_protect_people():
    levels = CaseRecord.objects.values_list("publication_level", flat=True)
    assert list(levels).count(PublicationLevel.INTERN) >= 5
    assert PublicationLevel.ANONYMISERAD in levels
    assert list(levels).count(PublicationLevel.PUBLIK) > 64
    carriers = IdeaCarrier.objects.all()
    assert all(c.role and c.unit for c in carriers)
    assert carriers.filter(name="", consent_to_publish_name=False).exists()
    assert carriers.exclude(name="").filter(consent_to_publish_name=False).exists()
    consented = carriers.filter(consent_to_publish_name=True)
    assert consented.exists()
    assert all(c.name and c.consent_date for c in consented)


def test_dementia_case_and_its_story():
    record = CaseRecord.objects.get(title="Tidigare upptäckt av demenssjukdom")
    assert record.publication_level == PublicationLevel.PUBLIK
    assert record.phase in (Phase.KONCEPTUTVECKLING, Phase.TESTAS)
    assert record.team_size == 10
    assert record.solutions.count() == 4
    projects = record.research_projects.all()
    assert len(projects) == 4
    assert {p.organisation.name for p in projects} == {"Mittuniversitetet"}
    assert {"processkartlaggning", "kundresa", "faktainsamling"} <= set(record.methods)
    assert "för sent" in record.results or "sent skede" in record.results
    assert CaseStoryPage.objects.live().filter(case=record).exists()


def test_stories_each_tell_a_distinct_public_case():
    stories = CaseStoryPage.objects.live().select_related("case")
    assert stories.count() >= 7
    assert len({s.case_id for s in stories}) == stories.count()
    for story in stories:
        assert story.case.publication_level != PublicationLevel.INTERN
        assert story.listing_summary and story.listing_image_id and story.listing_image_alt
        kinds = {block.block_type for block in story.body}
        assert {"rich_text", "image", "quote", "fact_box", "call_to_action"} <= kinds
        assert story.owner.groups.filter(name="Idécoacher").exists()


def test_articles_and_programme():
    articles = InspirationArticlePage.objects.live()
    assert articles.count() == 6
    assert sum(article.topics.exists() for article in articles) >= 5
    for article in articles:
        assert article.published_date <= ARTICLE_DAY
        assert article.related_cases.exists()
        assert not article.related_cases.filter(publication_level=PublicationLevel.INTERN)
    for year, participants in ((2018, 25), (2019, 40)):
        page = ProgrammePage.objects.live().get(year=year)
        assert page.participant_count == participants
        assert page.days == 10
        assert page.partner.name == "Amplify Innovation AB"
        sessions = page.sessions.all()
        assert len(sessions) == 8
        assert {s.date.year for s in sessions} == {year}


def test_newsletter_issues_report_the_register_on_their_date():
    issues = NewsletterIssuePage.objects.live().order_by("issue_number")
    assert [i.issue_number for i in issues] == list(range(1, 25))
    for issue in issues:
        status = status_as_of(issue.issue_date)
        assert issue.title == issue.display_title
        assert issue.slug == issue.issue_date.strftime("%Y-%m")
        assert issue.status == {
            "as_of": issue.issue_date.isoformat(),
            "received": status.received,
            "in_progress": status.in_progress,
            "in_implementation": status.in_implementation,
            "closed": status.closed,
            "implemented": status.implemented,
        }
        for section in issue.body:
            assert all(c.publication_level != "intern" for c in section.value["cases"])
    mentioned = [c for i in issues for s in i.body for c in s.value["cases"]]
    linked = [p for i in issues for s in i.body for p in s.value["pages"]]
    assert mentioned and linked
    last = issues.last()
    figures = last.status
    assert (figures["received"], figures["in_implementation"], figures["closed"]) == (128, 8, 88)


def test_fixed_pages_and_home():
    home = HomePage.objects.get()
    assert home.intro and home.body and home.contact_text
    slugs = set(home.get_children().type(StandardPage).values_list("slug", flat=True))
    assert {
        "sa-arbetar-ideslussen",
        "tillganglighetsredogorelse",
        "behandling-av-personuppgifter",
        "kontakta-oss",
    } <= slugs
    statement = str(StandardPage.objects.get(slug="tillganglighetsredogorelse").body.raw_data)
    for words in ("helt förenlig", "https://www.digg.se/tdosanmalan", "oskäligt betungande"):
        assert words in statement
    privacy = str(StandardPage.objects.get(slug="behandling-av-personuppgifter").body.raw_data)
    assert "samtycke" in privacy and "Sundsvalls kommun" in privacy


def test_every_page_is_live_with_a_revision_and_internal_links_resolve():
    pages = Page.objects.filter(depth__gte=2)
    assert pages.count() >= 1 + 4 + 4 + 7 + 6 + 2 + 24
    assert not pages.filter(live=False).exists()
    assert not pages.filter(latest_revision__isnull=True).exists()
    page_ids = set(Page.objects.values_list("pk", flat=True))
    linked = set()
    for page in pages.specific():
        for name in ("body", "contact_text"):
            value = getattr(page, name, "")
            stored = str(value.raw_data) if hasattr(value, "raw_data") else str(value)
            linked |= {int(i) for i in INTERNAL_LINK.findall(stored)}
    assert len(linked) >= 10
    assert linked <= page_ids


def test_images_have_alt_text_and_users_can_log_in():
    images = Image.objects.all()
    assert images.count() == 12
    assert all(i.description and i.width == 1600 and i.height == 900 for i in images)
    logins = {
        "kommunikator": ("Idesluss-kommunikator-2026", "Kommunikatörer"),
        "idecoach": ("Idesluss-coach-2026", "Idécoacher"),
        "idecoach2": ("Idesluss-coach-2026", "Idécoacher"),
    }
    # django-axes counts login attempts per request: authenticate() needs the login request.
    login = RequestFactory().post("/admin/login/")
    for username, (password, group) in logins.items():
        user = authenticate(login, username=username, password=password)
        assert user and user.groups.filter(name=group).exists()
        assert user.email.endswith("@example.org") and user.first_name and user.last_name
    assert authenticate(login, username="admin", password="Idesluss-admin-2026").is_superuser


def _snapshot():
    counts = {m._meta.label: m._default_manager.count() for m in apps.get_models()}
    revisions = list(Page.objects.order_by("pk").values_list("pk", "latest_revision_id"))
    revisions += list(CaseRecord.objects.order_by("pk").values_list("pk", "latest_revision_id"))
    return counts, revisions


def test_a_second_run_changes_nothing():
    before = _snapshot()
    out = io.StringIO()
    call_command("load_demo", stdout=out)
    assert _snapshot() == before
    assert "0 nya" in out.getvalue() and "kommunikator" in out.getvalue()
