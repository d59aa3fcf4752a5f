"""The preview: every page type and case records, with unsaved edits, through Wagtail's own
preview views, rendered by the CMS with the site's theme; what it loads; and the Swedish
refusals of a missing, unknown, tampered or expired token."""

from __future__ import annotations

import datetime as dt
import re
from urllib.parse import urlsplit

import pytest
from api_factories import PAGE_TYPES, add_page, make_image
from casedata import case_form_data, make_case
from django.core import signing
from django.urls import reverse
from sitebuild_helpers import cms_in_this_transaction
from wagtail.models import Page
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield
from wagtail_headless_preview.models import PagePreview

from cms.articles.models import InspirationArticlePage, InspirationIndexPage
from cms.cases.models import CaseRecord, CaseStoryIndexPage, CaseStoryPage
from cms.core.models import HomePage, StandardPage
from cms.core.paths import page_path
from cms.core.preview import SitePreviewMixin
from cms.newsletter.models import NewsletterIndexPage, NewsletterIssuePage
from cms.programme.models import ProgrammeIndexPage, ProgrammePage
from sitebuild.contract import LISTING_FIELDS, is_case_item
from sitebuild.frontmatter import loads
from sitebuild.local_cms import api_client
from sitebuild.paths import content_file
from sitebuild.preview import remote_image
from sitebuild.pull import pull
from sitebuild.pull.mapping import case_entry, page_entry

#: Written into every draft and saved nowhere: a preview that shows it shows unsaved edits.
DRAFT = "Osparad ändring 7391"
STYLESHEET = '<link rel="stylesheet" href="/admin/preview/files/assets/hub.css">'
REFUSED = "Förhandsvisningen kan inte visas"


def body(text=DRAFT):
    return streamfield([("rich_text", rich_text(f"<p>{text}</p>"))])


def make_pages(case) -> dict[str, Page]:
    """One published page of every type (the home and section pages come with the site)."""
    return {
        "core.HomePage": HomePage.objects.get(),
        "core.StandardPage": add_page(
            HomePage.objects.get(),
            StandardPage(title="Så arbetar Idéslussen", body=[("rich_text", "<p>Text</p>")]),
        ),
        "cases.CaseStoryIndexPage": CaseStoryIndexPage.objects.get(),
        "cases.CaseStoryPage": add_page(
            CaseStoryIndexPage.objects.get(),
            CaseStoryPage(title="Demens i tid", slug="demens", case=case, body=[]),
        ),
        "articles.InspirationIndexPage": InspirationIndexPage.objects.get(),
        "articles.InspirationArticlePage": add_page(
            InspirationIndexPage.objects.get(),
            InspirationArticlePage(
                title="Myter om innovation", published_date=dt.date(2020, 10, 20), body=[]
            ),
        ),
        "programme.ProgrammeIndexPage": ProgrammeIndexPage.objects.get(),
        "programme.ProgrammePage": add_page(
            ProgrammeIndexPage.objects.get(),
            ProgrammePage(
                title="Innovationsprogrammet 2021",
                year=2021,
                participant_count=30,
                days=10,
                body=[],
            ),
        ),
        "newsletter.NewsletterIndexPage": NewsletterIndexPage.objects.get(),
        "newsletter.NewsletterIssuePage": add_page(
            NewsletterIndexPage.objects.get(),
            NewsletterIssuePage(
                title="Nummer 1",
                issue_date=dt.date(2020, 10, 20),
                issue_number=1,
                body=[],
            ),
        ),
    }


def form_data(page_type: str, page: Page, case) -> dict:
    """The edit form of ``page`` as the browser sends it, with DRAFT in the title and, where
    the type has a body, in the text too."""
    data = {"title": f"{DRAFT}: {page.title}", "slug": page.slug}
    if page_type == "core.HomePage":
        data |= {"intro": "Idéslussen", "body": body(), "contact_text": rich_text("")}
    elif page_type.endswith("IndexPage"):
        data |= {"intro": DRAFT, "body": streamfield([])}  # the programme index has a body
    elif page_type == "cases.CaseStoryPage":
        data |= {"case": str(case.pk), "byline": "Idécoach", "body": body()}
    elif page_type == "articles.InspirationArticlePage":
        data |= {"published_date": "2020-10-20", "byline": "", "body": body()}
    elif page_type == "programme.ProgrammePage":
        data |= {
            "year": "2021",
            "cohort_name": "",
            "participant_count": "30",
            "days": "10",
            "partner": "",
            "body": body(),
            "sessions": inline_formset(
                [{"date": "2021-02-01", "title": DRAFT, "topic": "", "description": ""}]
            ),
        }
    elif page_type == "newsletter.NewsletterIssuePage":
        data |= {"issue_date": "2020-10-20", "issue_number": "1", "intro": DRAFT}
        data |= {"body": streamfield([])}
    else:
        data |= {"body": body()}
    return nested_form_data(data)


def preview_through_admin(client, preview_url: str, data: dict):
    """What Wagtail's side panel does: send the form, then load the preview (which
    wagtail-headless-preview redirects to the CMS's preview view)."""
    sent = client.post(preview_url, data)
    assert sent.json() == {"is_valid": True, "is_available": True}, sent.content
    shown = client.get(preview_url, {"mode": "", "in_preview_panel": "true"})
    assert shown.status_code == 302, shown.content[:500]
    target = urlsplit(shown.url)
    assert target.path == reverse("publishing_preview")
    return client.get(shown.url)


def assert_site_layout(html: str) -> None:
    assert '<html lang="sv">' in html
    assert 'class="site-header"' in html and 'class="site-footer"' in html
    assert STYLESHEET in html
    assert '<meta name="robots" content="noindex">' in html
    assert re.search(r'class="preview-banner"[^>]*aria-label="Förhandsvisning"', html)
    assert "<strong>Förhandsvisning.</strong>" in html


@pytest.fixture
def case(organisation, communicator):
    return make_case(organisation, publish_as=communicator)


@pytest.mark.django_db
def test_every_page_type_previews_with_unsaved_edits_in_the_site_layout(client, communicator, case):
    pages = make_pages(case)
    assert set(pages) == set(PAGE_TYPES)
    client.force_login(communicator)
    for page_type, page in pages.items():
        url = reverse("wagtailadmin_pages:preview_on_edit", args=[page.pk])

        response = preview_through_admin(client, url, form_data(page_type, page, case))

        assert response.status_code == 200, (page_type, response.content[:1000])
        html = response.content.decode()
        assert_site_layout(html)
        assert DRAFT in html, page_type  # in the title (an issue's intro: it shows no title)
        assert response["X-Robots-Tag"] == "noindex"
        assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]
        # Shown in the admin's frame and under the CMS's own policy.
        assert response["X-Frame-Options"] == "SAMEORIGIN"
        assert "frame-ancestors 'self'" in response["Content-Security-Policy"]
        # Nothing was saved.
        assert not Page.objects.filter(title__startswith=DRAFT).exists()


@pytest.mark.django_db
def test_a_new_page_previews_before_it_is_saved(client, communicator):
    client.force_login(communicator)
    index = InspirationIndexPage.objects.get()
    url = reverse(
        "wagtailadmin_pages:preview_on_add",
        args=["articles", "inspirationarticlepage", index.pk],
    )
    data = nested_form_data(
        {"title": DRAFT, "slug": "", "published_date": "2021-05-04", "body": body("Ny text")}
    )

    html = preview_through_admin(client, url, data).content.decode()

    assert_site_layout(html)
    assert DRAFT in html and "Ny text" in html and "4\u00a0maj\u00a02021" in html
    assert not InspirationArticlePage.objects.filter(title=DRAFT).exists()


@pytest.mark.django_db
def test_a_case_record_previews_with_unsaved_edits(client, communicator, organisation, case):
    client.force_login(communicator)
    url = reverse("wagtailsnippets_cases_caserecord:preview_on_edit", args=[case.pk])
    data = case_form_data(organisation, case_id=case.case_id, title=DRAFT, slug=case.slug)

    html = preview_through_admin(client, url, data).content.decode()

    assert_site_layout(html)
    assert DRAFT in html and case.case_id in html
    assert "Testas" in html  # the draft's phase; the live record's is Utforskas
    assert CaseRecord.objects.get(pk=case.pk).title != DRAFT


@pytest.mark.django_db
def test_the_preview_loads_the_theme_from_the_cms_and_nothing_else(client, communicator):
    client.force_login(communicator)
    files = reverse("publishing_preview_file", args=[""])

    css = client.get(files + "assets/hub.css")
    assert css.status_code == 200 and css["Content-Type"].startswith("text/css")
    assert b".preview-banner" in b"".join(css.streaming_content)
    assert client.get(files + "favicon.ico").status_code == 200
    # The theme's templates, content/'s pages and anything outside are not served.
    for path in ("", "main.html", "partials/header.html", "index.md", "media/"):
        assert client.get(files + path).status_code == 404, path
    assert client.get(files + "assets/../main.html").status_code in (400, 404)
    client.logout()
    assert client.get(files + "assets/hub.css").status_code == 302  # to the login


@pytest.mark.django_db
def test_listings_in_a_preview_show_what_is_published(
    client, communicator, case, tmp_path, settings
):
    image = make_image("Skog")
    story = add_page(
        CaseStoryIndexPage.objects.get(),
        CaseStoryPage(
            title="Publicerad berättelse",
            case=case,
            listing_image=image,
            listing_image_alt="Skog",
            body=[],
        ),
    )
    add_page(
        InspirationIndexPage.objects.get(),
        InspirationArticlePage(
            title="Publicerad artikel", published_date=dt.date(2020, 10, 20), body=[]
        ),
    )
    with cms_in_this_transaction(), api_client() as api:
        pull(api, tmp_path / "content")
    settings.HUB_CONTENT_DIR = tmp_path / "content"
    client.force_login(communicator)

    def preview(obj, data, view="wagtailadmin_pages:preview_on_edit"):
        response = preview_through_admin(client, reverse(view, args=[obj.pk]), data)
        assert response.status_code == 200, response.content[:1000]
        return response.content.decode()

    home = HomePage.objects.get()
    html = preview(home, form_data("core.HomePage", home, case))
    assert "Publicerad berättelse" in html and "Publicerad artikel" in html
    assert 'class="status' in html  # Nuläget, from the last pull
    # The card's image is the pull's file, served by the CMS for the preview.
    src = re.search(r'<img[^>]+src="(/admin/preview/files/media/[^"]+)"', html).group(1)
    assert client.get(src).status_code == 200

    stories = CaseStoryIndexPage.objects.get()
    html = preview(stories, form_data("cases.CaseStoryIndexPage", stories, case))
    assert "Publicerad berättelse" in html and DRAFT in html

    data = case_form_data(case.home_organisation, case_id=case.case_id, slug=case.slug)
    html = preview(case, data, "wagtailsnippets_cases_caserecord:preview_on_edit")
    assert "Publicerad berättelse" in html  # the stories about this case
    # Links to other pages lead to the site, not to the CMS.
    story_path = page_path(story.url_path, home.url_path)
    assert f'href="{settings.HUB_SITE_URL.rstrip("/")}{story_path}"' in html


# Tokens ------------------------------------------------------------------------------------


@pytest.fixture
def stored(db) -> PagePreview:
    """A draft stored for preview as Wagtail's preview stores it: DRAFT in its title."""
    page = add_page(HomePage.objects.get(), StandardPage(title="Om oss", body=[]))
    page.title = DRAFT
    return page.create_page_preview()


def expired_token() -> str:
    """A token signed properly, two hours ago."""
    signer = SitePreviewMixin.get_preview_signer()
    two_hours_ago = int(dt.datetime.now().timestamp()) - 7200
    value = f"id=1;old{signer.sep}{signing.b62_encode(two_hours_ago)}"
    return f"{value}{signer.sep}{signer.signature(value)}"


def bad_query(kind: str, stored: PagePreview) -> dict:
    if kind == "missing":
        return {}
    if kind == "empty":
        return {"token": ""}
    if kind == "tampered":
        token = stored.token
        return {"token": token[:-1] + ("A" if token[-1] != "A" else "B")}
    if kind == "expired":
        old = PagePreview.objects.create(
            token=expired_token(),
            content_type=stored.content_type,
            content_json=stored.content_json,
        )
        return {"token": old.token}
    if kind == "unknown":
        return {"token": SitePreviewMixin.get_preview_signer().sign("id=1;nothing-stored")}
    assert kind == "of another type"
    return {"token": stored.token, "content_type": "core.homepage"}


@pytest.mark.django_db
@pytest.mark.parametrize(
    "kind, status, reason",
    [
        ("missing", 404, "saknar förhandsvisningens nyckel"),
        ("empty", 404, "saknar förhandsvisningens nyckel"),
        ("tampered", 403, "inte giltig"),
        ("expired", 403, "har gått ut"),
        ("unknown", 404, "finns inte längre"),
        ("of another type", 404, "finns inte längre"),
    ],
)
def test_a_bad_token_gets_a_swedish_refusal_and_no_draft(
    client, communicator, stored, kind, status, reason
):
    client.force_login(communicator)

    response = client.get(reverse("publishing_preview"), bad_query(kind, stored))

    assert response.status_code == status
    html = response.content.decode()
    assert '<html lang="sv"' in html
    assert REFUSED in html and reason in html
    assert DRAFT not in html


@pytest.mark.django_db
def test_a_good_token_shows_the_draft_to_editors_only(client, communicator, stored):
    params = {"token": stored.token, "content_type": "core.standardpage"}
    url = reverse("publishing_preview")

    anonymous = client.get(url, params)
    assert anonymous.status_code == 302 and DRAFT not in anonymous.content.decode()

    client.force_login(communicator)
    assert DRAFT in client.get(url, params).content.decode()


@pytest.mark.django_db
def test_the_listing_fields_are_those_the_pull_derives(client, case, tmp_path):
    """The preview takes ``contract.LISTING_FIELDS`` from the published page: exactly what
    the pull writes into a page beyond the page's own item."""
    pages = make_pages(case)
    with cms_in_this_transaction(), api_client() as api:
        pull(api, tmp_path)
    items = [client.get(f"/api/v2/pages/{page.pk}/").json() for page in pages.values()]
    items.append(client.get(f"/api/v2/cases/{case.case_id}/").json())

    for item in items:
        entry = case_entry(item) if is_case_item(item) else page_entry(item, remote_image)
        written, _body = loads((tmp_path / content_file(entry.path)).read_text("utf-8"))
        derived = set(written) - set(entry.meta)
        assert derived == set(LISTING_FIELDS.get(entry.type, {})), entry.type
