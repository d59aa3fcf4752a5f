"""The admin talks to no one else: an editor whose e-mail address is on record signs in and
works on the dashboard, a page edit, a case record (snippet) edit and the account page,
and the browser records every request made, none of them to another host; nor does any
document name another host for an image, script, style sheet or frame (the avatar is
Wagtail's own picture, never Gravatar's: a hash of staff e-mail addresses stays home).

Headless Chromium (Debian's, through Playwright; see tests/sitefixture.py) against
pytest-django's live server.
"""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from adminbrowser import browser, foreign_resources, sign_in, watch  # noqa: F401 (browser: a fixture)
from casedata import make_case
from conftest import PASSWORD
from django.urls import reverse

pytestmark = [
    pytest.mark.slow,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def case(organisation):
    return make_case(organisation)


def walk(seen, home, case) -> dict[str, list[str]]:
    """Sign in and open the pages editors use; what each document loads from other hosts."""
    sign_in(seen, "kommunikator", PASSWORD)
    assert urlsplit(seen.page.url).path == "/admin/", f"Inloggningen misslyckades: {seen.page.url}"
    pages = {
        "dashboard": "/admin/",
        "page edit": f"/admin/pages/{home.pk}/edit/",
        "case edit": reverse("wagtailsnippets_cases_caserecord:edit", args=[case.pk]),
        "account": reverse("wagtailadmin_account"),
    }
    found = {}
    for name, path in pages.items():
        seen.goto(path)
        seen.wait_for("#wagtail-sidebar:not(.sidebar-loading)", "Sidomenyn")
        assert seen.page.locator(".avatar img, img.avatar").count(), f"no avatar on {name}"
        found[name] = foreign_resources(seen)
    return found


def test_no_admin_page_asks_another_host(communicator, home, case, browser, live_server):  # noqa: F811
    assert communicator.email, "the editor needs an e-mail address for Gravatar to be asked"
    context, seen = watch(browser, live_server.url)
    found = walk(seen, home, case)
    context.close()
    assert len(seen.requests) > 20, seen.requests  # the walk really loaded the admin
    assert seen.foreign_requests == [], seen.foreign_requests
    assert found == {name: [] for name in found}, found


def test_the_check_sees_an_avatar_from_gravatar(
    communicator,
    home,
    case,
    browser,  # noqa: F811
    live_server,
    settings,
):
    # Wagtail's default: what the project's settings turn off. The CSP blocks the request
    # itself, but the walk still finds the document naming gravatar.com.
    settings.WAGTAIL_GRAVATAR_PROVIDER_URL = "//www.gravatar.com/avatar"
    context, seen = watch(browser, live_server.url)
    found = walk(seen, home, case)
    context.close()
    assert all(
        any(urlsplit(url).netloc == "www.gravatar.com" for url in urls) for urls in found.values()
    ), found
