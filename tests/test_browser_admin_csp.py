"""The Wagtail admin under the CMS's Content-Security-Policy, in a real browser: an editor
signs in through the login form and works in the dashboard, the page editor, the case
record editor and the image editor without a single CSP violation, console error or
request to another host, and the editors' JavaScript really runs. The login and lock-out
pages do the same under the strict policy that every signed-out visitor gets.

Headless Chromium (Debian's, driven by Playwright; see tests/sitefixture.py) against
pytest-django's live server. Without Chromium or Playwright these tests are skipped, and
fail when CI is set.
"""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from adminbrowser import browser, sign_in, watch  # noqa: F401 (browser: a fixture)
from api_factories import make_image
from casedata import make_case
from conftest import PASSWORD
from django.urls import reverse

pytestmark = [
    pytest.mark.slow,
    # The live server answers from another thread: the data must be committed.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def watched(browser, live_server):  # noqa: F811 (the fixture imported above)
    context, seen = watch(browser, live_server.url)
    yield seen
    context.close()


@pytest.fixture
def case(organisation):
    return make_case(organisation)


@pytest.fixture
def image(db):
    return make_image("Fokuspunkt")


# The data fixtures come before ``watched``. Django keeps a database connection per context,
# and code run once Playwright's sync API has started is in another one: its queries would
# open a second connection that the test database's teardown never closes (PostgreSQL then
# refuses to drop the test database).
def test_editors_work_in_the_admin_under_the_csp(communicator, home, case, image, watched):
    page = watched.page

    sign_in(watched, "kommunikator", PASSWORD)
    assert urlsplit(page.url).path == "/admin/", f"Inloggningen misslyckades: {page.url}"
    # The dashboard: Wagtail's Stimulus controllers ran (w-init marks the body "ready") and
    # the React sidebar replaced its placeholder.
    watched.wait_for("body.ready", "Stimulus-kontrollerna")
    watched.wait_for("#wagtail-sidebar:not(.sidebar-loading)", "Sidomenyn")

    # The page editor: the rich-text field became a Draftail editor.
    watched.goto(f"/admin/pages/{home.pk}/edit/")
    assert page.locator("form[data-edit-form]").count() == 1, "sidans redigeringsformulär saknas"
    watched.wait_for(".Draftail-Editor", "Texteditorn (Draftail)")

    # The case record editor: the date pickers (inline scripts) are set up, and the inline
    # panel's script adds a phase change when its button is pressed.
    watched.goto(reverse("wagtailsnippets_cases_caserecord:edit", args=[case.pk]))
    assert page.locator("form[data-edit-form]").count() == 1, "casets redigeringsformulär saknas"
    watched.wait_for(".xdsoft_datetimepicker", "Datumväljaren")
    forms = int(page.input_value("#id_phase_history-TOTAL_FORMS"))
    page.evaluate("document.getElementById('id_phase_history-ADD').click()")
    page.wait_for_function(
        f"Number(document.getElementById('id_phase_history-TOTAL_FORMS').value) === {forms + 1}"
    )

    # The image editor: the focal-point cropper (Jcrop) is running.
    watched.goto(reverse("wagtailimages:edit", args=[image.pk]))
    watched.wait_for(".jcrop-holder", "Fokuspunktsväljaren (Jcrop)")

    watched.assert_clean()


def test_login_and_lockout_pages_keep_the_strict_csp(communicator, settings, watched):
    page = watched.page
    response = page.goto(watched.base + "/admin/login/")
    policy = response.headers["content-security-policy"]
    assert "'unsafe-inline'" not in policy, policy
    watched.wait_for("body.ready", "Stimulus-kontrollerna")

    for _ in range(settings.AXES_FAILURE_LIMIT):
        page.fill("#id_username", "kommunikator")
        page.fill("#id_password", "fel-lösenord")
        with page.expect_navigation() as navigation:
            page.click("form.login-form button[type=submit]")
    page.wait_for_load_state("networkidle")

    assert navigation.value.status == 429
    assert page.locator("h1").inner_text() == "Inloggningen är spärrad"
    assert page.locator("html").get_attribute("lang") == "sv"
    assert "kommunikatör" in page.locator("main").inner_text()
    # The lock-out page is Wagtail's login page layout: its scripts run under the strict CSP.
    watched.wait_for("body.ready", "Stimulus-kontrollerna")
    watched.assert_clean(status=429)
