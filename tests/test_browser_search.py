"""Site search in a real browser: typing a word on the search page finds the pages about it,
loading only what the query needs; a search in the address uses the index of changed pages
(and what was edited out is not found); Swedish stemming; each search is a step in the
history; more results are shown on request and get the focus; the results have no WCAG
violations that axe-core finds.

The site is the demo built whole, then incrementally after edits, once per session
(``search_site`` in tests/sitefixture.py), served on localhost; the browser is Debian's
Chromium driven by Playwright (tests/sitefixture.py).
"""

from __future__ import annotations

import functools
import http.server
import re
import threading
from pathlib import Path
from urllib.parse import quote, urlsplit

import pytest
from sitefixture import CASE, EDITED, OLD_WORD, RETRACTED_WORD, tool_missing

STORY = "/goda-exempel/demenssjukdom-stod-som-kommer-i-tid/"

# Marked as database tests so pytest-django runs them with the other database tests: the
# demo they search (search_site) is loaded before any transactional test (live_server)
# empties the tables the migrations filled.
pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def site(search_site):
    return search_site


@pytest.fixture(scope="module")
def served(site):
    handler = functools.partial(_QuietHandler, directory=str(site.out))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()
    thread.join(5)


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):
        pass


@pytest.fixture
def page(browser):
    context = browser.new_context(locale="sv-SE")
    page = context.new_page()
    page.requests = []
    page.on("request", lambda request: page.requests.append(urlsplit(request.url).path))
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    yield page
    context.close()
    assert not errors, errors


def results(page) -> list[str]:
    return [
        urlsplit(h).path
        for h in page.eval_on_selector_all(
            ".search-result__title a", "links => links.map(a => a.href)"
        )
    ]


def wait_for_answer(page, query: str):
    page.wait_for_function(
        "q => document.querySelector('[data-search-status]').textContent.includes(q)",
        arg=f"”{query}”",
    )


@pytest.mark.slow
def test_typing_demens_finds_the_dementia_story_and_case(served, page):
    page.goto(served + "/")
    assert not [r for r in page.requests if r.startswith("/pagefind/") or "search.js" in r]
    page.get_by_role("banner").get_by_role("link", name="Sök").click()
    page.wait_for_url(served + "/sok/")
    assert not [r for r in page.requests if r.startswith("/pagefind/")], "loaded before use"
    page.get_by_label("Sök på webbplatsen").press_sequentially("demens", delay=40)
    wait_for_answer(page, "demens")
    found = results(page)
    assert {STORY, CASE} <= set(found[:5]), found[:10]
    status = page.locator("[data-search-status]").inner_text()
    assert re.fullmatch(r"\d[\d\u00a0 ]* träffar för ”demens”\.", status), status
    assert page.url == served + "/sok/?q=demens"
    assert page.locator(".search-result mark").first.inner_text().lower().startswith("demens")
    # Every result has the word: none is there for the pronoun "dem" alone, in any part of
    # the index (this one is in two parts and a delta).
    for result in page.locator(".search-result").all():
        marks = [m.lower() for m in result.locator("mark").all_inner_texts()]
        assert any(m.startswith("demens") for m in marks), (result.inner_text(), marks)
    # Only what a query needs: Pagefind's code, one language's metadata, a few chunks. (On
    # a fresh page: while typing, a slow machine lets the debounce run "dem" or "deme" too.)
    page.requests.clear()
    page.goto(served + "/sok/?q=demens")
    wait_for_answer(page, "demens")
    loaded = [r for r in page.requests if r.startswith("/pagefind/")]
    fragments = [r for r in loaded if r.endswith(".pf_fragment")]
    assert 0 < len(fragments) <= 10 and len(loaded) < 30, loaded


@pytest.mark.slow
def test_a_search_in_the_address_uses_the_changed_pages_index(served, page):
    page.goto(served + "/sok/?q=" + quote("blåbärssoppor"))  # another form of the new word
    wait_for_answer(page, "blåbärssoppor")
    assert results(page)[:1] == [EDITED]
    assert page.get_by_label("Sök på webbplatsen").input_value() == "blåbärssoppor"
    page.goto(served + "/sok/?q=" + OLD_WORD)  # in the delta and in the old main entry
    wait_for_answer(page, OLD_WORD)
    assert results(page) == [EDITED]  # once: the old entry is dropped
    page.goto(served + "/sok/?q=" + quote(RETRACTED_WORD))  # edited out two builds ago
    wait_for_answer(page, RETRACTED_WORD)
    assert results(page) == []
    assert page.locator("[data-search-status]").inner_text().startswith("Inga träffar")


@pytest.mark.slow
def test_swedish_stemming_finds_idé_for_idéer(served, page, site):
    page.goto(served + "/sok/?q=" + quote("idéer"))
    wait_for_answer(page, "idéer")
    words = {}
    for path in results(page):
        text = re.sub(r"<[^>]+>", " ", re.search(r"<main\b.*?</main>", site.html(path), re.S)[0])
        words[path] = set(re.findall(r"\w+", text.lower()))
    assert any("idé" in w and "idéer" not in w for w in words.values()), words.keys()


@pytest.mark.slow
def test_each_search_is_a_step_in_the_history(served, page):
    page.goto(served + "/sok/")
    box = page.get_by_label("Sök på webbplatsen")
    box.fill("demens")
    box.press("Enter")
    wait_for_answer(page, "demens")
    box.fill("cykel")
    box.press("Enter")
    wait_for_answer(page, "cykel")
    assert page.url.endswith("/sok/?q=cykel")
    assert any("/goda-exempel/hemtjansten-som-bytte-bil-mot-cykel/" == r for r in results(page))
    page.go_back()
    wait_for_answer(page, "demens")
    assert box.input_value() == "demens" and page.url.endswith("/sok/?q=demens")
    assert CASE in results(page)


@pytest.mark.slow
def test_more_results_are_shown_on_request_and_get_the_focus(served, page):
    page.goto(served + "/sok/?q=case")
    wait_for_answer(page, "case")
    first = results(page)
    assert len(first) == 10
    page.get_by_role("button", name="Visa fler träffar").click()
    page.wait_for_function("() => document.querySelectorAll('.search-result').length > 10")
    focused = page.evaluate("() => document.activeElement.getAttribute('href')")
    assert focused == results(page)[10] and focused not in first


@pytest.mark.slow
def test_the_results_have_no_wcag_violations_that_axe_finds(served, page):
    try:
        import axe_playwright_python
    except ImportError:
        tool_missing("axe-core is missing: install the [test] extra (axe-playwright-python)")
    axe = (Path(axe_playwright_python.__file__).parent / "axe.min.js").read_text("utf-8")
    page.goto(served + "/sok/?q=case")  # more than ten results
    wait_for_answer(page, "case")
    page.get_by_role("button", name="Visa fler träffar").click()
    page.wait_for_function("() => document.querySelectorAll('.search-result').length > 10")
    page.evaluate(axe)
    result = page.evaluate(
        """() => axe.run(document, {resultTypes: ["violations"], runOnly: {type: "tag",
            values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}})"""
    )
    violations = [
        (v["id"], [n["html"][:120] for n in v["nodes"][:3]]) for v in result["violations"]
    ]
    assert not violations, violations
