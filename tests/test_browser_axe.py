"""The built demo site in a real browser: no WCAG 2.1 A/AA violations that axe-core can find on
any kind of page (the home page, the case portal filtered and not, "Nuläget över tid" with
its SVG charts and table, a case, an article, the search page with results, the 404 page,
an address that does not exist …).

The browser is Debian's Chromium (/usr/bin/chromium) driven by Playwright; no browser is ever
downloaded (HUB_CHROMIUM names another Chromium binary). axe-core is the copy bundled by the
pinned PyPI package axe-playwright-python (the [test] extra). The site is the demo built
once per session (tests/sitefixture.py). Without Chromium or Playwright these tests are
skipped, and fail when CI is set.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from sitefixture import FILTER_PAGE, BuiltSite, tool_missing

pytestmark = pytest.mark.slow

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


@pytest.fixture(scope="module")
def axe_js() -> str:
    try:
        import axe_playwright_python
    except ImportError:
        tool_missing("axe-core is missing: install the [test] extra (axe-playwright-python)")
    return (Path(axe_playwright_python.__file__).parent / "axe.min.js").read_text("utf-8")


# ---- axe-core -------------------------------------------------------------------------------


def a_filter_page(site: BuiltSite) -> str:
    if site.file_for("/case/fas/testas/"):
        return "/case/fas/testas/"
    built = sorted(p for p in map(site.url_path, site.html_files()) if FILTER_PAGE.match(p))
    if not built:
        pytest.fail("No case filter page was built (/case/fas/testas/ or /case/<dim>/<value>/)")
    return built[0]


def a_case(site: BuiltSite) -> str:
    # The demo's best-known case (DOMAIN.md), with the richest record; else any case.
    rich = "/case/tidigare-upptackt-av-demenssjukdom/"
    return rich if rich in site.cases() else site.first_of_type("caserecord")


PAGES: list[tuple[str, Callable[[BuiltSite], str] | str, int]] = [
    ("startsidan", "/", 200),
    ("case-portalen", "/case/", 200),
    ("nulaget-over-tid", "/case/statistik/", 200),
    ("filtersida", a_filter_page, 200),
    ("case", a_case, 200),
    ("gott-exempel", lambda s: s.first_of_type("casestorypage"), 200),
    ("artikel", lambda s: s.first_of_type("inspirationarticlepage"), 200),
    ("innovationsprogrammet", "/innovationsprogrammet/", 200),
    ("programår", lambda s: s.first_of_type("programmepage"), 200),
    ("nyhetsbrev", "/nyhetsbrev/", 200),
    ("nyhetsbrevsnummer", lambda s: s.first_of_type("newsletterissuepage"), 200),
    ("sok", "/sok/", 200),
    ("sokresultat", "/sok/?q=demens", 200),
    ("filtrerad-portal", "/case/?fas=testas", 200),
    ("tillganglighetsredogorelse", "/tillganglighetsredogorelse/", 200),
    ("404-sidan", "/404.html", 200),
    ("adress-som-saknas", "/det-har-finns-inte/", 404),
]


def describe(violations: list[dict]) -> str:
    lines = []
    for v in violations:
        lines.append(f"- {v['id']} ({v.get('impact')}): {v['help']} [{', '.join(v['tags'])}]")
        for node in v["nodes"][:5]:
            lines.append(f"    {' '.join(map(str, node['target']))}: {node['html'][:160]}")
            summary = (node.get("failureSummary") or "").splitlines()
            if len(summary) > 1:
                lines.append(f"      {summary[1].strip()}")
        if len(v["nodes"]) > 5:
            lines.append(f"    … and {len(v['nodes']) - 5} more")
    return "\n".join(lines)


@pytest.mark.parametrize(("name", "where", "status"), PAGES, ids=[p[0] for p in PAGES])
def test_axe_finds_no_wcag_2_1_a_or_aa_violations(built_site, page, axe_js, name, where, status):
    path = where(built_site) if callable(where) else where
    # networkidle: what scripts add after loading (search results, a filtered list) is
    # checked too.
    response = page.goto(built_site.url + path, wait_until="networkidle")
    assert response is not None and response.status == status, (
        f"{path} answered {response and response.status}, expected {status}"
    )
    page.evaluate(axe_js)
    result = page.evaluate(
        """tags => axe.run(document, {
            runOnly: {type: "tag", values: tags}, resultTypes: ["violations"]})""",
        AXE_TAGS,
    )
    assert result["testEngine"]["name"] == "axe-core"
    violations = result["violations"]
    assert not violations, f"axe-core on {path}:\n{describe(violations)}"
