"""The editors' loop in a real browser, on a hub running as in production (the CMS, the
worker and the site server, each a process of its own, on the demo content): a coach
writes a good example about a case record, sees the draft in the site's layout, publishes
it, and the site serves it after the rebuild the publish asked for, with no command run by
hand. A coach finds no build button and cannot edit a case record; a communicator's
"Bygg webbplatsen nu" adds a build to the history.

Headless Chromium (Debian's, driven by Playwright)."""

from __future__ import annotations

import json

import pytest
from sitefixture import browser  # noqa: F401 (fixture)
from test_browser_preview import assert_site_layout

pytestmark = [pytest.mark.slow]

COACH = ("idecoach", "Idesluss-coach-2026")  # the demo logins, as in the README
COMMUNICATOR = ("kommunikator", "Idesluss-kommunikator-2026")
TITLE = "Ett gott exempel skrivet i webbläsaren"
TEXT = "Så gick det till när idén prövades på riktigt."


@pytest.fixture(scope="module")
def hub(demo_hub):
    """The demo hub with its CMS (tests/conftest.py), shared by the browser tests of the
    editors' loop and of the newsletter."""
    return demo_hub


@pytest.fixture(scope="module")
def ids(hub):
    """The good examples' list page, and a public case record (id, title)."""
    return json.loads(
        hub.cms(
            "import json; from cms.cases.models import CaseRecord, CaseStoryIndexPage; "
            "case = CaseRecord.objects.public().order_by('case_id').first(); "
            "print(json.dumps({'index': CaseStoryIndexPage.objects.get().pk, "
            "'case': case.pk, 'case_title': case.title}))"
        )
    )


def signed_in(browser, hub, who):  # noqa: F811 (the fixture imported above)
    page = browser.new_context(locale="sv-SE").new_page()
    page.goto(hub.cms_url + "/admin/login/")
    page.fill("#id_username", who[0])
    page.fill("#id_password", who[1])
    page.click("form.login-form button[type=submit]")
    page.wait_for_load_state("networkidle")
    assert "/admin/login/" not in page.url, "inloggningen misslyckades"
    return page


def test_a_coach_writes_previews_and_publishes_and_the_site_shows_it(browser, hub, ids):  # noqa: F811
    page = signed_in(browser, hub, COACH)
    page.goto(f"{hub.cms_url}/admin/pages/add/cases/casestorypage/{ids['index']}/")
    page.wait_for_selector("body.ready")
    page.fill("#id_title", TITLE)

    # The case record, through its chooser.
    page.locator("[data-chooser-action-choose]").first.click()
    page.locator(".modal [data-chooser-modal-choice]").first.wait_for()
    page.locator(".modal input[name=q]").fill(ids["case_title"])
    choice = page.locator(".modal [data-chooser-modal-choice]", has_text=ids["case_title"])
    choice.first.click()
    page.locator(".modal").wait_for(state="hidden")

    # The story: one text block.
    page.locator("button.c-sf-add-button").first.click()
    page.locator(".w-combobox__option", has_text="Text").first.click()
    page.locator(".Draftail-Editor [contenteditable=true]").first.click()
    page.keyboard.type(TEXT)
    # Draftail hands the text to the form a moment later; the preview sends what the form
    # holds when the panel opens, so wait for it as an editor's pause would.
    page.wait_for_function(
        "text => [...document.querySelectorAll('[data-edit-form] input[type=hidden]')]"
        ".some(input => input.value.includes(text))",
        arg=TEXT,
    )

    # The draft, in the site's own layout.
    page.click('[data-side-panel-toggle="preview"]')
    frame = page.frame_locator("#w-preview-iframe")
    assert_site_layout(frame, TITLE)
    # The panel shows the form as it is; it refreshes once the editor has handed it the text.
    frame.locator("main", has_text=TEXT).wait_for(timeout=30_000)

    # Publish; the worker rebuilds; the site server has the page.
    page.locator("footer [data-w-dropdown-target='toggle']").last.click()
    page.locator("button[name='action-publish']").click()
    page.wait_for_load_state("networkidle")
    path = "/goda-exempel/ett-gott-exempel-skrivet-i-webblasaren/"
    hub.wait_for("the published page on the site", lambda: hub.get(path)[0] == 200)
    html = hub.get(path)[1]
    assert TITLE in html and TEXT in html and ids["case_title"] in html
    build = hub.builds()[-1]
    assert build["status"] == "done"
    assert f"Sidan ”{TITLE}” publicerades" in build["triggers"]


def test_a_coach_finds_no_build_button_and_cannot_edit_a_case_record(browser, hub, ids):  # noqa: F811
    page = signed_in(browser, hub, COACH)
    page.goto(hub.cms_url + "/admin/builds/")
    assert "Webbplatsbyggen" in page.locator("h1").inner_text()
    assert page.get_by_role("button", name="Bygg webbplatsen nu").count() == 0

    page.goto(f"{hub.cms_url}/admin/snippets/cases/caserecord/edit/{ids['case']}/")
    assert "/edit/" not in page.url or page.locator("#id_title").count() == 0

    # A forged request is refused.
    token = page.context.cookies()
    csrf = next(c["value"] for c in token if c["name"] == "csrftoken")
    response = page.request.post(
        hub.cms_url + "/admin/builds/",
        headers={"X-CSRFToken": csrf, "Referer": hub.cms_url + "/admin/builds/"},
    )
    assert response.status == 403


def test_a_communicator_starts_a_build_from_the_history(browser, hub):  # noqa: F811
    before = len(hub.builds())
    page = signed_in(browser, hub, COMMUNICATOR)
    page.goto(hub.cms_url + "/admin/builds/")
    page.get_by_role("button", name="Bygg webbplatsen nu").click()
    page.wait_for_load_state("networkidle")
    assert "Bygg webbplatsen nu" in page.locator("table.listing").inner_text()
    builds = hub.builds()
    assert len(builds) == before + 1
    assert builds[-1]["triggers"] == ["Bygg webbplatsen nu"]
    hub.wait_for("the build is over", hub.settled)
    assert hub.builds()[-1]["status"] == "done"
