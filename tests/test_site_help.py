"""Where a visitor who is lost or wants to ask goes, on the demo site: the 404 page searches
the site with the search page's own form (a GET to /sok/, with or without JavaScript), and
the contact page offers only the contact ways the site shows.

The demo site is the one built once per session by the real command line
(tests/sitefixture.py), served on localhost; the browser is Debian's Chromium.
"""

from __future__ import annotations

import json
import re
from urllib.parse import parse_qs, urlsplit

import pytest
from sitehtml import Document, text

CASE = "/case/tidigare-upptackt-av-demenssjukdom/"


@pytest.fixture(scope="module")
def site(built_site):
    return built_site


@pytest.fixture(scope="module")
def site_data(site) -> dict:
    return json.loads((site.content / ".data" / "site.json").read_text(encoding="utf-8"))


def main_html(html: str) -> str:
    match = re.search(r"<main\b.*?</main>", html, re.S)
    assert match, "the page has no <main>"
    return match.group(0)


# ---- 404 --------------------------------------------------------------------------------------


def search_from_404(browser, site, javascript: bool):
    context = browser.new_context(locale="sv-SE", java_script_enabled=javascript)
    page = context.new_page()
    response = page.goto(site.url + "/case/finns-inte/")
    assert response.status == 404
    page.get_by_label("Sök på webbplatsen").fill("demens")
    page.get_by_role("button", name="Sök", exact=True).click()
    page.wait_for_url(re.compile(r"/sok/\?"))
    return context, page


@pytest.mark.slow
def test_the_404_page_searches_without_javascript(browser, site):
    context, page = search_from_404(browser, site, javascript=False)
    url = urlsplit(page.url)
    assert url.path == "/sok/" and parse_qs(url.query) == {"q": ["demens"]}, page.url
    # The search page answers a browser without JavaScript with every page A–Ö.
    assert page.locator("h1").inner_text() == "Sök"
    assert page.locator("#alla-sidor").is_visible()
    context.close()


@pytest.mark.slow
def test_the_404_page_searches_with_javascript(browser, site):
    context, page = search_from_404(browser, site, javascript=True)
    page.wait_for_function(
        "() => document.querySelector('[data-search-status]').textContent.includes('”demens”')"
    )
    found = [
        urlsplit(href).path
        for href in page.eval_on_selector_all(
            ".search-result__title a", "links => links.map(a => a.href)"
        )
    ]
    assert CASE in found[:5], found[:10]
    context.close()


def test_the_404_search_form_is_the_search_pages(site):
    page_404 = Document((site.root / "404.html").read_text(encoding="utf-8"))
    search_page = Document(site.file_for("/sok/").read_text(encoding="utf-8"))
    for doc in (page_404, search_page):
        (form,) = [f for f in doc.all("form") if f.get("role") == "search"]
        assert (form["action"], form["method"]) == ("/sok/", "get")
        (field,) = [i for i in doc.all("input") if i.get("name") == "q"]
        assert field["type"] == "search"
        assert [lab for lab in doc.all("label") if lab.get("for") == field["id"]]


# ---- Contact page ------------------------------------------------------------------------------

# How a text would promise each contact way, and what on the page must then show it.
PROMISES = {
    "e-post": re.compile(r"\b(e-post|mejl|mail)", re.I),
    "telefon": re.compile(r"\b(ring|telefon)", re.I),
    "post": re.compile(r"\b(brev|postadress)", re.I),
}
# Ways of reaching Idéslussen that the site shows nowhere (no calendar, form or accounts).
NEVER_SHOWN = re.compile(
    r"workshop|innovationsdag|formulär|chatt|besök oss|drop-in|öppet hus|facebook|linkedin|"
    r"instagram|sociala medier",
    re.I,
)


def test_the_contact_page_promises_only_the_contact_ways_it_shows(site, site_data):
    path = site_data["contact_page"]
    assert path, "the demo's site settings name no contact page"
    main = main_html(site.file_for(path).read_text(encoding="utf-8"))
    doc = Document(main)
    hrefs = [a.get("href", "") for a in doc.all("a")]
    address = re.search(r"<address\b.*?</address>", main, re.S)
    shown = {
        "e-post": f"mailto:{site_data['contact_email']}" in hrefs,
        "telefon": bool(site_data["contact_phone_uri"]) and site_data["contact_phone_uri"] in hrefs,
        "post": bool(address)
        and all(line in text(address.group(0)) for line in site_data["postal_address"]),
    }
    # The demo's settings give all three, and the page shows each of them.
    assert all(shown.values()), shown
    words = text(main)
    promised = {way for way, pattern in PROMISES.items() if pattern.search(words)}
    assert promised, "the contact page says nothing of how to reach Idéslussen"
    assert all(shown[way] for way in promised), (promised, shown)
    assert not NEVER_SHOWN.search(words), NEVER_SHOWN.search(words).group(0)
