"""The preview in a real browser: an editor changes a page in the admin without saving,
opens Wagtail's preview panel ("Växla förhandsgranskning") and sees the draft in the site's
layout, styled by the theme's stylesheet, and the same in a new tab; with no CSP violation,
console error or request to another host.

Headless Chromium (Debian's, driven by Playwright) against pytest-django's live server, as
in tests/test_browser_admin_csp.py, whose fixtures this module shares.
"""

from __future__ import annotations

import datetime as dt

import pytest
from adminbrowser import browser, sign_in  # noqa: F401 (browser: a fixture)
from api_factories import add_page
from conftest import PASSWORD
from test_browser_admin_csp import watched  # noqa: F401 (a fixture)

from cms.articles.models import InspirationArticlePage, InspirationIndexPage

pytestmark = [
    pytest.mark.slow,
    # The live server answers from another thread: the data must be committed.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

DRAFT = "Utkast som bara finns i formuläret"
#: The header's background in themes/hub/assets/hub.css (--brand): the stylesheet applies.
BRAND = "rgb(15, 53, 87)"


@pytest.fixture
def article(db):
    return add_page(
        InspirationIndexPage.objects.get(),
        InspirationArticlePage(
            title="Myter om innovation",
            published_date=dt.date(2020, 10, 20),
            body=[("rich_text", "<p>Brödtext.</p>")],
        ),
    )


def assert_site_layout(frame, title: str = DRAFT) -> None:
    """``frame`` (a page or a frame locator) shows the draft titled ``title`` as the site
    shows a page: the preview banner, the site's header and footer, its stylesheet."""
    frame.locator(".preview-banner").wait_for(timeout=30_000)
    assert "Förhandsvisning" in frame.locator(".preview-banner").inner_text()
    assert frame.locator("main h1").inner_text() == title
    assert frame.locator("header.site-header").count() == 1
    assert frame.locator("footer.site-footer").count() == 1
    background = frame.locator("header.site-header").evaluate(
        "element => getComputedStyle(element).backgroundColor"
    )
    assert background == BRAND, "temats stilmall laddades inte i förhandsvisningen"


# The data fixtures come before ``watched`` (see tests/test_browser_admin_csp.py), which is
# the fixture imported above (hence F811).
def test_the_preview_panel_shows_the_draft_in_the_site_layout(communicator, article, watched):  # noqa: F811
    page = watched.page
    sign_in(watched, "kommunikator", PASSWORD)
    watched.goto(f"/admin/pages/{article.pk}/edit/")
    watched.wait_for("body.ready", "Stimulus-kontrollerna")

    page.fill("#id_title", DRAFT)
    page.click('[data-side-panel-toggle="preview"]')

    assert_site_layout(page.frame_locator("#w-preview-iframe"))

    with page.context.expect_page() as opened:
        page.click('[data-w-preview-target="newTab"]')
    tab = opened.value
    tab.wait_for_load_state("networkidle")
    assert "/admin/preview/" in tab.url
    assert_site_layout(tab)

    watched.assert_clean()
