"""The newsletter in a real browser, against a hub running as in production (the CMS, the
worker and the site server, each a process of its own, on the demo content): signing up
from the built site with JavaScript off and on (the form on the site posts to the CMS
across origins, no cookie is set anywhere, and the confirmation link in the e-mail, which
the demo's CMS prints to its log, confirms the subscription after a click); and the e-mail
edition, as the admin shows it, checked by axe-core with the site's WCAG rules.

Headless Chromium (Debian's, driven by Playwright)."""

from __future__ import annotations

import re

import pytest
from sitefixture import browser  # noqa: F401 (fixture)
from test_browser_axe import AXE_TAGS, axe_js, describe  # noqa: F401 (axe_js: fixture)
from test_browser_publish import signed_in

from cms.newsletter.signup import THANKS

pytestmark = [pytest.mark.slow]

ISSUE = "/nyhetsbrev/2020-10/"


@pytest.fixture(scope="module")
def hub(demo_hub):
    """The demo hub with its CMS (tests/conftest.py), shared by the browser tests of the
    editors' loop and of the newsletter."""
    return demo_hub


def confirmation_link(hub, address: str) -> str:
    """The link in the last confirmation mail to ``address``, from the CMS's log."""
    log = (hub.folder / "cms.log").read_text()
    mails = [m for m in log.split("Subject: ") if f"To: {address}" in m]
    assert mails, f"no confirmation mail to {address} in the CMS's log"
    return re.findall(r"http://\S+/prenumeration/bekrafta/\S+/", mails[-1])[-1]


def subscribed(hub, address: str) -> str:
    return hub.cms(
        "from cms.newsletter.subscribers import Subscriber; "
        f"s = Subscriber.objects.filter(email='{address}').first(); "
        "print('none' if s is None else 'confirmed' if s.is_confirmed else 'pending')"
    ).strip()


def test_without_javascript_the_form_posts_and_the_cms_answers_with_a_page(browser, hub):  # noqa: F811
    context = browser.new_context(locale="sv-SE", java_script_enabled=False)
    page = context.new_page()
    page.goto(hub.site_url + "/nyhetsbrev/")
    page.fill("#prenumerera-epost", "utan.skript@example.se")
    page.get_by_role("button", name="Prenumerera").click()
    page.wait_for_load_state()
    assert page.url == hub.cms_url + "/prenumeration/"
    assert page.locator("h1").inner_text() == "Tack för din anmälan"
    assert THANKS in page.locator("main").inner_text()
    back = page.get_by_role("link", name="Tillbaka till webbplatsen")
    assert back.get_attribute("href") == hub.site_url + "/nyhetsbrev/"
    assert subscribed(hub, "utan.skript@example.se") == "pending"

    page.goto(confirmation_link(hub, "utan.skript@example.se"))
    assert subscribed(hub, "utan.skript@example.se") == "pending", "opening it confirms nothing"
    page.get_by_role("button", name="Ja, bekräfta prenumerationen").click()
    page.wait_for_load_state()
    assert page.locator("h1").inner_text() == "Prenumerationen är bekräftad"
    assert subscribed(hub, "utan.skript@example.se") == "confirmed"
    assert context.cookies() == [], "no cookie from the site or the CMS"
    context.close()


def test_with_javascript_the_answer_shows_in_the_form_on_the_site(browser, hub):  # noqa: F811
    context = browser.new_context(locale="sv-SE")
    page = context.new_page()
    problems = []
    # A policy or CORS refusal is logged as a console error (the 400 for the bad address
    # below is logged too, and is expected).
    page.on(
        "console",
        lambda m: m.type == "error" and "status of 400" not in m.text and problems.append(m.text),
    )
    page.on("pageerror", lambda e: problems.append(str(e)))
    page.goto(hub.site_url + ISSUE)
    page.fill("#prenumerera-epost", "med.skript@example.se")
    page.get_by_role("button", name="Prenumerera").click()
    status = page.locator("[data-subscribe-status]")
    status.filter(has_text=THANKS).wait_for()
    assert page.url == hub.site_url + ISSUE, "the visitor stays on the site"
    assert page.input_value("#prenumerera-epost") == ""
    assert subscribed(hub, "med.skript@example.se") == "pending"
    assert "/prenumeration/bekrafta/" in confirmation_link(hub, "med.skript@example.se")

    page.fill("#prenumerera-epost", "inte-en-adress@")
    page.locator("#prenumerera-epost").evaluate("input => input.form.noValidate = true")
    page.get_by_role("button", name="Prenumerera").click()
    status.filter(has_text="E-postadressen").wait_for()
    assert not problems, problems
    assert context.cookies() == []
    context.close()


def test_the_email_edition_passes_the_sites_accessibility_rules(browser, hub, axe_js):  # noqa: F811
    issue = hub.cms(
        "from cms.newsletter.models import NewsletterIssuePage; "
        "print(NewsletterIssuePage.objects.live().order_by('-issue_date').first().pk)"
    ).strip()
    page = signed_in(browser, hub, ("kommunikator", "Idesluss-kommunikator-2026"))
    response = page.goto(f"{hub.cms_url}/admin/nyhetsbrev/{issue}/e-post/html/")
    assert response.status == 200
    assert page.locator("html").get_attribute("lang") == "sv"
    page.evaluate(axe_js)
    result = page.evaluate(
        """tags => axe.run(document, {
            runOnly: {type: "tag", values: tags}, resultTypes: ["violations"]})""",
        AXE_TAGS,
    )
    page.context.close()
    assert result["testEngine"]["name"] == "axe-core"
    assert not result["violations"], describe(result["violations"])
