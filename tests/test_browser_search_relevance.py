"""Search relevance: Swedish queries over the demo, typed on the search page of the built demo
site in a real browser, answered by the real Pagefind index.

Each query names pages that must be among its first three results, and pages that must not
be among its first ten: pages that match only through another word that Swedish stemming
makes look like the query ("dem" for "demens", "mot" for "möten") or that only share the
first letters of its stem. The site is the demo built once per session (``built_site`` in
tests/sitefixture.py); the browser is Debian's Chromium driven by Playwright.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import quote, urlsplit

import pytest

pytestmark = pytest.mark.slow


@dataclass(frozen=True)
class Query:
    text: str
    top3: tuple[str, ...]  # each of these among the first three results
    not_top10: tuple[str, ...]  # none of these among the first ten

    def __str__(self) -> str:
        return self.text


DEMENTIA_STORY = "/goda-exempel/demenssjukdom-stod-som-kommer-i-tid/"
DEMENTIA_CASE = "/case/tidigare-upptackt-av-demenssjukdom/"

QUERIES = [
    Query("demens", (DEMENTIA_STORY, DEMENTIA_CASE), ()),
]


def _results(page) -> list[str]:
    return [
        urlsplit(href).path
        for href in page.eval_on_selector_all(
            ".search-result__title a", "links => links.map(a => a.href)"
        )
    ]


@pytest.fixture(scope="module")
def answers(built_site, browser) -> dict[str, list[str]]:
    """The first ten results of every query, as the search page lists them."""
    context = browser.new_context(locale="sv-SE")
    page = context.new_page()
    found = {}
    for query in QUERIES:
        page.goto(f"{built_site.url}/sok/?q={quote(query.text)}")
        page.wait_for_function(
            "q => document.querySelector('[data-search-status]').textContent.includes(q)",
            arg=f"”{query.text}”",
        )
        found[query.text] = _results(page)
    context.close()
    return found


@pytest.mark.parametrize("query", QUERIES, ids=str)
def test_a_query_finds_its_pages_first(answers, query):
    found = answers[query.text]
    assert set(query.top3) <= set(found[:3]), (query.text, found)
    assert not set(query.not_top10) & set(found[:10]), (query.text, found)
