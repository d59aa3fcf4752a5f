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


STORY = "/goda-exempel/"
BIKE_STORY = f"{STORY}hemtjansten-som-bytte-bil-mot-cykel/"
MOT_CASE = "/case/utmaning-mot-engangsplast-mellan-forskolorna/"
#: Pages whose only word in common with the query is a word that merely stems like it, or
#: starts like its stem, are named in the second list: they must never come near the top.
QUERIES = [
    Query(
        "demens",
        (
            f"{STORY}demenssjukdom-stod-som-kommer-i-tid/",
            "/case/tidigare-upptackt-av-demenssjukdom/",
        ),
        (  # "dem", the pronoun
            "/case/boken-kommer-hem-till-dorren/",
            "/case/konserter-som-sands-till-aldreboenden/",
            "/case/introduktionen-i-sma-digitala-delar/",
            "/case/ungdomarnas-egen-bokklubb/",
        ),
    ),
    Query("möten", ("/case/vegetariskt-som-forval-vid-moten/",), (MOT_CASE, BIKE_STORY)),
    Query("möte", ("/case/taligenkanning-for-anteckningar-efter-motet/",), (MOT_CASE, BIKE_STORY)),
    Query(
        "nyhetsbrev",
        ("/nyhetsbrev/",),
        (  # "Caset i nyhetsbrevet", a heading over a list of links
            "/case/larmknappen-far-en-ny-form/",
            "/case/foraldragrupper-innan-oron-blir-kris/",
        ),
    ),
    Query(
        "mat",
        (f"{STORY}nar-eleverna-sjalva-vagde-maten/",),
        (  # "mätaren", "mätas": Pagefind folds ä into a
            "/case/sensor-som-varnar-for-frusna-vattenmatare/",
            "/case/fler-i-telefon-nar-snon-kommer/",
        ),
    ),
    Query("cykel", (BIKE_STORY,), ("/case/bokade-tider-for-lastbilarna-i-terminalen/",)),
    Query(
        "tjänstedesign",
        ("/inspiration/tjanstedesign-borja-i-behovet/",),
        ("/case/ansoka-om-forsorjningsstod-i-en-e-tjanst/",),
    ),
    Query(
        "vattenmätare",
        (
            "/case/sensor-som-varnar-for-frusna-vattenmatare/",
            f"{STORY}iden-som-hittade-hem-hos-inkubatorn/",
        ),
        ("/case/fler-i-telefon-nar-snon-kommer/", "/case/frukt-och-vatten-i-skolans-korridorer/"),
    ),
    Query(
        "bygglov",
        ("/case/bygglovsguide-som-visar-vagen/", f"{STORY}kundresan-som-andrade-bygglovet/"),
        ("/case/exempel-pa-godkanda-underlag-for-fastighetsbildning/",),
    ),
    Query(
        "försörjningsstöd",
        (
            "/case/chattbot-for-fragor-om-forsorjningsstod/",
            "/case/ansoka-om-forsorjningsstod-i-en-e-tjanst/",
        ),
        ("/case/anmalan-till-jobbtorget-utan-pappersbunt/",),
    ),
    Query(
        "återbruk",
        (
            "/case/mobelbanken-aterbruk-mellan-forvaltningar/",
            f"{STORY}mobler-som-far-ett-andra-liv/",
        ),
        ("/case/porslinsmuggen-tillbaka-i-fikarummet/",),
    ),
    Query(
        "trygghetslarm",
        (
            "/case/larmcentralen-ringer-upp-innan-nagon-aker-ut/",
            "/case/larmknappen-far-en-ny-form/",
        ),
        (
            "/case/trygghetsvandring-runt-idrottsplatsen/",
            "/case/trygghet-med-i-detaljplanen-fran-borjan/",
        ),
    ),
    Query(
        "sömn",
        ("/case/somndagbok-i-stallet-for-somntablett/", "/case/somnskola-for-trotta-tonaringar/"),
        ("/case/trapporna-blir-roligare-an-hissen/",),
    ),
    Query(
        "tillgänglighet", ("/tillganglighetsredogorelse/",), ("/behandling-av-personuppgifter/",)
    ),
    Query(
        "personuppgifter", ("/behandling-av-personuppgifter/",), ("/tillganglighetsredogorelse/",)
    ),
    Query(
        "innovationsprogrammet",
        ("/innovationsprogrammet/",),
        ("/inspiration/fem-myter-om-innovation-i-offentlig-sektor/",),
    ),
    Query(
        "kundresor",
        (
            "/inspiration/kundresor-och-processkartlaggning-tva-verktyg-som-hor-ihop/",
            f"{STORY}kundresan-som-andrade-bygglovet/",
        ),
        ("/case/aterkoppling-till-kunderna-om-sorteringen/",),
    ),
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


def test_the_queries_name_pages_the_demo_has(built_site):
    named = {path for query in QUERIES for path in (*query.top3, *query.not_top10)}
    assert not {path for path in named if built_site.file_for(path) is None}


@pytest.mark.parametrize("query", QUERIES, ids=str)
def test_a_query_finds_its_pages_first(answers, query):
    found = answers[query.text]
    assert set(query.top3) <= set(found[:3]), (query.text, found)
    assert not set(query.not_top10) & set(found[:10]), (query.text, found)
