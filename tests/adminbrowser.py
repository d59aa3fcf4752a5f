"""Driving the Wagtail admin in a real browser (tests/test_browser_admin_*.py): a page that
records every request it makes, every CSP violation and console error, and signing in
through the login form."""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import urlsplit

import pytest
from sitefixture import chromium

# Runs in every document before its own scripts: hands each CSP violation to Python.
REPORT_VIOLATIONS = """
document.addEventListener("securitypolicyviolation", (event) => {
    window.hubCspViolation({
        directive: event.violatedDirective,
        blocked: event.blockedURI,
        source: event.sourceFile,
        line: event.lineNumber,
        sample: event.sample,
        page: event.documentURI,
    });
});
"""


@dataclass
class Watched:
    """A browser page and everything wrong it has seen so far."""

    page: object
    base: str
    violations: list = field(default_factory=list)
    console_errors: list = field(default_factory=list)
    requests: list = field(default_factory=list)  # every URL the page asked for
    foreign_requests: list = field(default_factory=list)

    def goto(self, path: str) -> None:
        response = self.page.goto(self.base + path)
        assert response is not None and response.ok, (
            f"{path} svarade {response and response.status}"
        )
        self.page.wait_for_load_state("networkidle")

    def wait_for(self, selector: str, what: str, state: str = "attached") -> None:
        """Wait for an element that only the admin's JavaScript makes; say why it is missing."""
        from playwright.sync_api import TimeoutError

        try:
            self.page.wait_for_selector(selector, state=state, timeout=15_000)
        except TimeoutError:
            pytest.fail(
                f"{what} saknas på {self.page.url} ({selector}): admingränssnittets JavaScript "
                "körde inte.\n" + "\n".join(f"CSP-överträdelse: {v}" for v in self.violations),
                pytrace=False,
            )

    def assert_clean(self, status: int | None = None) -> None:
        """Nothing went wrong; ``status``: a page answered with it on purpose (Chromium logs
        every error status as a console error)."""
        expected = f"the server responded with a status of {status} "
        problems = []
        problems += [f"CSP-överträdelse: {v}" for v in self.violations]
        problems += [
            f"Fel i konsolen på {url}: {text}"
            for url, text in self.console_errors
            if not (status and expected in text)
        ]
        problems += [f"Begäran till en annan värd: {url}" for url in self.foreign_requests]
        assert not problems, "\n".join(problems)


# Every URL the document itself loads or would load (images, scripts, style sheets, icons,
# frames, media), whether or not the browser fetched it: a request a CSP blocks still
# names the host it would have gone to.
RESOURCE_URLS = """
() => {
    const urls = [];
    const add = (value) => value && urls.push(new URL(value, document.baseURI).href);
    const media = "img, source, video, audio, iframe, embed, script";
    for (const el of document.querySelectorAll(media)) {
        add(el.getAttribute("src"));
        for (const part of (el.getAttribute("srcset") || "").split(",")) {
            add(part.trim().split(/\\s+/)[0]);
        }
    }
    for (const el of document.querySelectorAll("link[href]")) {
        const rels = /stylesheet|icon|preload|prefetch|preconnect|manifest|modulepreload/;
        if (rels.test(el.rel)) {
            add(el.getAttribute("href"));
        }
    }
    for (const el of document.querySelectorAll("object[data]")) add(el.getAttribute("data"));
    return urls;
}
"""


def watch(browser, base: str) -> tuple[object, Watched]:
    """A new Swedish browser context and its page, watched; close the context when done."""
    context = browser.new_context(locale="sv-SE")
    page = context.new_page()
    own = urlsplit(base).netloc
    seen = Watched(page=page, base=base)
    page.expose_function("hubCspViolation", lambda violation: seen.violations.append(violation))
    page.add_init_script(REPORT_VIOLATIONS)
    page.on(
        "console",
        lambda message: (
            message.type == "error" and seen.console_errors.append((page.url, message.text))
        ),
    )
    page.on("pageerror", lambda error: seen.console_errors.append((page.url, str(error))))

    def request(request):
        seen.requests.append(request.url)
        parts = urlsplit(request.url)
        if parts.scheme in ("http", "https", "ws", "wss") and parts.netloc != own:
            seen.foreign_requests.append(request.url)

    page.on("request", request)
    return context, seen


def foreign_resources(seen: Watched) -> list[str]:
    """The URLs the current document loads from another host than the admin's own."""
    own = urlsplit(seen.base).netloc
    return [
        url
        for url in seen.page.evaluate(RESOURCE_URLS)
        if urlsplit(url).scheme in ("http", "https") and urlsplit(url).netloc != own
    ]


def sign_in(watched: Watched, username: str, password: str) -> None:
    watched.goto("/admin/login/")
    watched.page.fill("#id_username", username)
    watched.page.fill("#id_password", password)
    watched.page.click("form.login-form button[type=submit]")
    watched.page.wait_for_load_state("networkidle")


@pytest.fixture
def browser():
    """Headless Chromium for one test. Not the module-wide one of tests/sitefixture.py:
    while Playwright runs, database code is in another context (see
    tests/test_browser_admin_csp.py), so the next transactional test's serialized rollback
    would not restore the rows the migrations made (groups, site tree)."""
    yield from chromium()
