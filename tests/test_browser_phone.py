"""The demo site on a phone (390 × 844 CSS pixels) in a real browser: the header keeps to
two lines, its menu opens with a button that needs no JavaScript, and on /case/ the first
case card starts within the first two screens, the filters folded away behind "Visa
filter". Measured in Chromium with Playwright on the demo built once per session
(tests/sitefixture.py), with and without JavaScript; on a wide screen nothing folds away.
"""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow

PHONE = {"width": 390, "height": 844}
WIDE = {"width": 1280, "height": 900}
#: The header may be two lines of text; with its padding, two lines are never this tall.
HEADER_MAX_HEIGHT = 150

#: The lines of text the header shows: the line boxes of its text nodes, those that share
#: a line (overlap vertically) counted once. Hidden parts have no boxes.
HEADER_LINES = """() => {
  const header = document.querySelector("header.site-header");
  const boxes = [];
  const walker = document.createTreeWalker(header, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    if (!walker.currentNode.textContent.trim()) continue;
    const range = document.createRange();
    range.selectNodeContents(walker.currentNode);
    for (const r of range.getClientRects()) {
      if (r.width > 0 && r.height > 0) boxes.push([r.top, r.bottom]);
    }
  }
  boxes.sort((a, b) => a[0] - b[0]);
  const lines = [];
  for (const [top, bottom] of boxes) {
    const last = lines[lines.length - 1];
    if (last && top < last[1] - 1) last[1] = Math.max(last[1], bottom);
    else lines.push([top, bottom]);
  }
  return {lines: lines.length, height: header.getBoundingClientRect().height};
}"""

FIRST_CARD_TOP = """() => {
  const card = document.querySelector("[data-case-list] li.card");
  return card ? card.getBoundingClientRect().top + window.scrollY : null;
}"""


@pytest.fixture(params=[True, False], ids=["med-javascript", "utan-javascript"])
def phone(browser, request):
    context = browser.new_context(locale="sv-SE", viewport=PHONE, java_script_enabled=request.param)
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def wide(browser):
    context = browser.new_context(locale="sv-SE", viewport=WIDE)
    page = context.new_page()
    yield page
    context.close()


def open_page(page, site, path):
    response = page.goto(site.url + path, wait_until="networkidle")
    assert response is not None and response.status == 200, path


@pytest.mark.parametrize(
    "where",
    ["/", "/case/", "/sok/", lambda s: s.first_of_type("inspirationarticlepage")],
    ids=["startsidan", "case-portalen", "sok", "artikel"],
)
def test_the_header_keeps_to_two_lines_on_a_phone(built_site, phone, where):
    path = where(built_site) if callable(where) else where
    open_page(phone, built_site, path)
    measured = phone.evaluate(HEADER_LINES)
    assert measured["lines"] <= 2, f"{path}: the header has {measured['lines']} lines"
    assert measured["height"] <= HEADER_MAX_HEIGHT, f"{path}: the header is {measured}"
    # The site's name, the search link and the menu button are all on screen.
    assert phone.locator(".site-header__name > a").is_visible()
    assert phone.locator(".site-header__search a").is_visible()
    assert phone.locator(".menu-toggle summary").is_visible()


def test_the_menu_button_opens_the_menu_without_javascript(built_site, phone):
    open_page(phone, built_site, "/")
    menu = phone.get_by_role("navigation", name="Huvudmeny")
    programme = menu.get_by_role("link", name="Innovationsprogrammet")
    assert not programme.is_visible()
    button = phone.locator(".menu-toggle summary")
    assert button.get_attribute("aria-controls") == "huvudmeny"
    button.click()
    assert programme.is_visible()
    programme.click()
    phone.wait_for_url("**/innovationsprogrammet/")
    # Closed again on the next page.
    assert (
        not phone.get_by_role("navigation", name="Huvudmeny")
        .get_by_role("link", name="Case", exact=True)
        .is_visible()
    )


#: Whether the filters themselves show: with JavaScript its form, without it the links.
FILTERS_SHOWN = """() => [...document.querySelectorAll(
  ".case-filters form[data-case-filter], .case-filters [data-filter-links]"
)].some(e => e.getClientRects().length > 0)"""


def test_the_first_case_is_within_two_screens_and_the_filters_fold_away(built_site, phone):
    open_page(phone, built_site, "/case/")
    top = phone.evaluate(FIRST_CARD_TOP)
    assert top is not None, "no case card on /case/"
    assert top <= 2 * PHONE["height"], f"the first case card starts at {top:.0f} px"
    toggle = phone.locator(".case-filters .filters-toggle summary")
    assert toggle.is_visible() and toggle.inner_text() == "Visa filter"
    assert not phone.evaluate(FILTERS_SHOWN)
    toggle.click()
    assert phone.evaluate(FILTERS_SHOWN)


def test_on_a_filter_page_the_filters_are_open(built_site, phone):
    open_page(phone, built_site, "/case/fas/testas/")
    assert phone.locator(".filters-toggle").get_attribute("open") is not None
    assert phone.evaluate(FILTERS_SHOWN)


def test_nothing_folds_away_on_a_wide_screen(built_site, wide):
    open_page(wide, built_site, "/case/")
    assert not wide.locator(".menu-toggle").is_visible()
    assert not wide.locator(".filters-toggle").is_visible()
    menu = wide.get_by_role("navigation", name="Huvudmeny")
    assert menu.get_by_role("link", name="Innovationsprogrammet").is_visible()
    assert wide.locator("form[data-case-filter]").is_visible()


def test_cards_the_filter_script_builds_name_the_goals(built_site, wide):
    """The script's cards show the goals like the pre-rendered ones: number and name."""
    open_page(wide, built_site, "/case/?mal=10")
    wide.wait_for_function(
        """() => document.querySelector("[data-case-count]").textContent.includes("Mål 10")"""
    )
    goals = wide.locator("[data-case-list] .card__sdgs").all_inner_texts()
    assert goals and all("10 Minskad ojämlikhet" in text for text in goals), goals


def test_the_statistics_fit_a_phone_and_the_table_scrolls_in_its_own_box(built_site, phone):
    open_page(phone, built_site, "/case/statistik/")
    measured = phone.evaluate(
        """() => {
            const box = document.querySelector(".table-scroll");
            return {
                page: document.documentElement.scrollWidth,
                screen: window.innerWidth,
                charts: [...document.querySelectorAll("svg.chart")].map(
                    svg => svg.getBoundingClientRect().right),
                box: box.clientWidth,
                table: box.scrollWidth,
            };
        }"""
    )
    # The page never scrolls sideways; the charts scale down to the screen.
    assert measured["page"] <= measured["screen"], measured
    assert len(measured["charts"]) == 2
    assert all(right <= measured["screen"] for right in measured["charts"]), measured
    # The wide table scrolls within its box, which a keyboard reaches and which is named.
    assert measured["table"] > measured["box"], measured
    box = phone.locator(".table-scroll")
    assert box.get_attribute("tabindex") == "0" and box.get_attribute("role") == "region"
    label = phone.locator("#" + box.get_attribute("aria-labelledby")).inner_text()
    assert label.startswith("Nuläget vid varje års slut")
    box.focus()
    assert phone.evaluate("document.activeElement.classList.contains('table-scroll')")
