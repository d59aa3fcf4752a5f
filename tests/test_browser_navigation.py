"""The built demo site in a real browser without a mouse or without JavaScript: usable with the
keyboard alone, from the skip link through a case filter to a case; and with JavaScript off
every case filter (its links and its forms) lists exactly the cases with its value, and the
search form finds pages.

The browser is Debian's Chromium (/usr/bin/chromium) driven by Playwright; no browser is ever
downloaded (HUB_CHROMIUM names another Chromium binary). The site is the demo built once per
session (tests/sitefixture.py). Without Chromium or Playwright these tests are skipped, and
fail when CI is set.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from urllib.parse import parse_qsl, unquote, urlsplit

import pytest
from sitefixture import FILTER_PAGE, BuiltSite

from swedish import swedish_slugify

pytestmark = pytest.mark.slow


@pytest.fixture
def page_without_js(browser):
    context = browser.new_context(locale="sv-SE", java_script_enabled=False)
    page = context.new_page()
    yield page
    context.close()


def path_of(url: str) -> str:
    parts = urlsplit(url)
    return unquote(parts.path) + (f"?{parts.query}" if parts.query else "")


# ---- What a filter page must list -----------------------------------------------------------


def facets(meta: dict) -> dict[str, set[str]]:
    """Every value a case could be filtered by, as codes or slugs, per field."""

    def slugs(values) -> set[str]:
        return {swedish_slugify(str(v)) for v in values if v}

    def named(items, key="name") -> list:
        return [i.get(key) for i in items or [] if isinstance(i, dict)]

    phase = meta.get("phase") or {}
    outcome = meta.get("outcome") or {}
    organisation = meta.get("organisation") or {}
    sdgs = meta.get("sdgs") or []
    return {
        "phase": {phase.get("code")} | slugs([phase.get("label")]),
        "outcome": {outcome.get("code")} | slugs([outcome.get("label")]),
        "organisation": {organisation.get("slug")} | slugs([organisation.get("name")]),
        "participating": slugs(meta.get("participating") or []),
        "year": {str(meta.get("received") or "")[:4]},
        "sdg": {str(n) for n in named(sdgs, "number")}
        | {f"mal-{n}" for n in named(sdgs, "number")}
        | slugs(named(sdgs)),
        "topic": set(named(meta.get("topics"), "slug")) | slugs(named(meta.get("topics"))),
        "target_group": slugs(meta.get("target_groups") or []),
        "innovation_type": slugs(meta.get("innovation_types") or []),
        "method": slugs(meta.get("methods") or []),
        "origin": slugs([meta.get("origin_label")]),
        "partner": slugs(named(meta.get("partners"))),
        "partner_type": slugs(named(meta.get("partners"), "type_label")),
    }


def filter_problem(site: BuiltSite, url_path: str, listed: set[str]) -> str | None:
    """None if the cases listed at url_path are exactly the cases with the filter's value
    in one field (phase, organisation, year, goal, topic …); else what is wrong."""
    parts = urlsplit(url_path)
    values = [v for _k, v in parse_qsl(parts.query)] or [parts.path.rstrip("/").split("/")[-1]]
    if not listed:
        return f"{url_path} lists no case"
    cases = site.cases()
    all_facets = {path: facets(meta) for path, meta in cases.items()}
    best = None
    for field in next(iter(all_facets.values())):
        expected = {p for p, f in all_facets.items() if all(v in f[field] for v in values)}
        if expected == listed:
            return None
        if expected:
            overlap = len(expected & listed) / len(expected | listed)
            if best is None or overlap > best[0]:
                best = (overlap, field, expected)
    hint = ""
    if best:
        _o, field, expected = best
        hint = (
            f"; closest is {field}={values}: {len(expected)} cases, "
            f"{len(listed - expected)} listed wrongly, {len(expected - listed)} missing"
        )
    return f"{url_path} lists {len(listed)} cases that match no single filter value{hint}"


CASE_LINKS = """els => els.filter(e => e.getClientRects().length > 0).map(e => e.href)"""


def listed_cases(site: BuiltSite, page) -> set[str]:
    """The cases a listing shows (visible links in main), following its "next" links."""
    cases = site.cases()
    found: set[str] = set()
    seen: set[str] = set()
    view = page
    while True:
        seen.add(view.url)
        found |= {path_of(h) for h in view.eval_on_selector_all("main a[href]", CASE_LINKS)}
        following = view.eval_on_selector_all("a[rel~=next][href]", "els => els.map(e => e.href)")
        following = [u for u in following if u not in seen]
        if not following:
            break
        if view is page:
            view = page.context.new_page()
        view.goto(following[0])
    if view is not page:
        view.close()
    return found & set(cases)


# ---- Keyboard only --------------------------------------------------------------------------

FOCUSED = """() => {
  const e = document.activeElement;
  if (!e || e === document.body) return null;
  const form = e.form || null;
  return {
    tag: e.tagName.toLowerCase(),
    href: e.tagName === "A" ? e.href : null,
    type: (e.getAttribute("type") || "").toLowerCase(),
    value: e.value === undefined ? null : String(e.value),
    action: form ? form.action : null,
    open: e.tagName === "SUMMARY" ? e.parentElement.open : null,
    inMain: !!e.closest("main"),
    id: e.id || "",
    text: (e.innerText || e.value || "").trim().slice(0, 60),
  };
}"""


def tab_until(page, wanted: Callable[[dict], bool], limit: int = 400) -> dict:
    """Press Tab until the focused element is the one wanted (opening closed <details> on
    the way with Enter, as a keyboard user would); fail with the focus path otherwise."""
    trail = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        info = page.evaluate(FOCUSED)
        if info is None:
            continue
        trail.append(f"<{info['tag']}> {info['href'] or info['text']}")
        if wanted(info):
            return info
        if info["tag"] == "summary" and info["open"] is False:
            page.keyboard.press("Enter")
    pytest.fail(
        f"Tab never reached the element wanted on {page.url}; focus went through:\n"
        + "\n".join(trail[-80:]),
        pytrace=False,
    )


def is_filter_control(site: BuiltSite):
    def check(info: dict) -> bool:
        if info["tag"] == "a" and info["href"]:
            return bool(FILTER_PAGE.match(urlsplit(info["href"]).path))
        if info["action"] and urlsplit(info["action"]).path.startswith("/case/"):
            return info["tag"] == "select" or info["type"] in ("radio", "checkbox")
        return False

    return check


def new_address(page, before: str, timeout: float = 5000) -> bool:
    """Wait until the page's address differs from before (a navigation, or a script's
    history.replaceState), then until the network is quiet."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    try:
        page.wait_for_url(lambda url: url != before, timeout=timeout, wait_until="commit")
    except PlaywrightTimeout:
        return False
    page.wait_for_load_state("networkidle")
    return True


def settled(check: Callable[[], str | None], seconds: float = 5) -> str | None:
    """check() until it finds no problem or the time is up (a script may still be drawing
    the list); the last problem otherwise."""
    deadline = time.monotonic() + seconds
    while True:
        problem = check()
        if problem is None or time.monotonic() > deadline:
            return problem
        time.sleep(0.2)


def is_submit(info: dict) -> bool:
    return (info["tag"] == "button" and info["type"] in ("", "submit")) or (
        info["tag"] == "input" and info["type"] == "submit"
    )


def test_keyboard_only_from_the_skip_link_through_a_filter_to_a_case(built_site, page):
    site = built_site
    page.goto(site.url + "/case/")

    page.keyboard.press("Tab")
    first = page.evaluate(FOCUSED)
    assert first and first["tag"] == "a" and (first["href"] or "").endswith("#innehall"), (
        f"the first Tab stop on /case/ is not the skip link: {first}"
    )
    page.keyboard.press("Enter")
    assert page.evaluate("() => !!document.activeElement.closest('main')"), (
        "the skip link does not move the focus to the main content"
    )

    control = tab_until(page, is_filter_control(site))
    before = page.url
    if control["tag"] == "a":
        page.keyboard.press("Enter")
    elif control["tag"] == "select":
        for _ in range(60):
            page.keyboard.press("ArrowDown")
            if page.evaluate("() => document.activeElement.value"):
                break
    else:
        page.keyboard.press("Space")
    # A link navigates; a script may filter at once and write the state into the address;
    # otherwise the form is submitted from its button.
    if not new_address(page, before):
        tab_until(page, is_submit)
        page.keyboard.press("Enter")
        assert new_address(page, before), f"applying the filter {control} changed nothing"
    filtered = path_of(page.url)
    problem = settled(lambda: filter_problem(site, filtered, listed_cases(site, page)))
    assert problem is None, problem

    # From the filtered list, on to a case.
    visible = {path_of(h) for h in page.eval_on_selector_all("main a[href]", CASE_LINKS)}
    visible &= set(site.cases())
    target = tab_until(
        page, lambda i: i["tag"] == "a" and i["inMain"] and path_of(i["href"] or "") in visible
    )
    before = page.url
    page.keyboard.press("Enter")
    assert new_address(page, before), f"Enter on {target['href']} did not open it"
    case_path = path_of(target["href"])
    assert path_of(page.url) == case_path
    assert case_path in site.cases()
    heading = page.locator("main h1").first.inner_text()
    assert heading.strip() == site.cases()[case_path]["title"]


# ---- Without JavaScript ---------------------------------------------------------------------


def test_every_case_filter_leads_to_the_right_cases_without_javascript(built_site, page_without_js):
    site, page = built_site, page_without_js
    page.goto(site.url + "/case/")
    links = sorted(
        {
            path_of(h)
            for h in page.eval_on_selector_all("a[href]", "els => els.map(e => e.href)")
            if FILTER_PAGE.match(urlsplit(h).path)
        }
    )
    form_count = page.locator("form[action*='/case/']").count()
    assert links or form_count, "/case/ has no filter (links to /case/<dim>/<value>/ or a form)"

    problems = []
    for link in links:
        response = page.goto(site.url + link)
        if response is None or response.status != 200:
            problems.append(f"{link} answered {response and response.status}")
            continue
        problem = filter_problem(site, link, listed_cases(site, page))
        if problem:
            problems.append(problem)

    # Filter forms: every choice of every select, radio button and checkbox, submitted.
    for index in range(form_count):
        page.goto(site.url + "/case/")
        form = page.locator("form[action*='/case/']").nth(index)
        choices = []
        for select in form.locator("select").all():
            name = select.get_attribute("name")
            for value in select.locator("option").evaluate_all("os => os.map(o => o.value)"):
                if value:
                    choices.append(("select", name, value))
        for box in form.locator("input[type=radio], input[type=checkbox]").all():
            choices.append(("check", box.get_attribute("name"), box.get_attribute("value")))
        for kind, name, value in choices:
            page.goto(site.url + "/case/")
            form = page.locator("form[action*='/case/']").nth(index)
            if kind == "select":
                form.locator(f"select[name='{name}']").select_option(value)
            else:
                form.locator(f"input[name='{name}'][value='{value}']").check()
            with page.expect_navigation():
                form.locator("button, input[type=submit]").first.click()
            problem = filter_problem(site, path_of(page.url), listed_cases(site, page))
            if problem:
                problems.append(f"form {name}={value}: {problem}")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("query", ["demenssjukdom", "cykel"])
def test_the_search_form_finds_pages_without_javascript(built_site, page_without_js, query):
    site, page = built_site, page_without_js
    response = page.goto(site.url + "/sok/")
    assert response is not None and response.status == 200, "/sok/ is missing"
    box = page.locator("form input[type=search], form input[name=q]").first
    assert box.count(), "/sok/ has no search form"
    box.fill(query)
    with page.expect_navigation():
        box.press("Enter")
    expected = {p for p, m in site.pages().items() if query in str(m.get("title", "")).casefold()}
    assert expected, f"the demo has no page with {query!r} in its title"
    found = {path_of(h) for h in page.eval_on_selector_all("main a[href]", CASE_LINKS)}
    assert found & expected, (
        f"searching for {query!r} without JavaScript led to {path_of(page.url)}, which links "
        f"none of {sorted(expected)}"
    )
