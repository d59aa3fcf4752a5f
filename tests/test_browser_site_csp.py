"""The built demo site in a real browser under its own Content-Security-Policy. (The CMS's
policy: tests/test_cms_csp.py, and in a browser tests/test_browser_admin_csp.py.)

The browser is Debian's Chromium (/usr/bin/chromium) driven by Playwright; no browser is ever
downloaded (HUB_CHROMIUM names another Chromium binary). The site is the demo built once per
session (tests/sitefixture.py). Without Chromium or Playwright these tests are skipped, and
fail when CI is set.
"""

from __future__ import annotations

import re

import pytest

pytestmark = pytest.mark.slow

RECORD_VIOLATIONS = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__violations.push(`${event.violatedDirective} ${event.blockedURI}`);
});
"""


def test_the_site_works_under_its_own_content_security_policy(built_site, page):
    """Every page carries a policy that allows only the site's own files; the scripts of the
    case portal and of the search (Pagefind's WebAssembly, in its worker) work under it,
    and nothing is refused."""
    site = built_site
    page.add_init_script(RECORD_VIOLATIONS)
    errors = []
    page.on("console", lambda m: m.type == "error" and errors.append(m.text))
    for file in (site.root / "index.html", site.root / "case" / "index.html"):
        policy = re.search(
            r'http-equiv="Content-Security-Policy" content="([^"]+)"', file.read_text()
        )
        assert policy and "default-src 'self'" in policy[1] and "object-src 'none'" in policy[1]

    page.goto(site.url + "/", wait_until="networkidle")
    page.goto(site.url + "/case/", wait_until="networkidle")
    assert page.locator("form select").count() > 0  # case-filter.js ran and built its form
    page.goto(site.url + "/sok/?q=demens", wait_until="networkidle")
    page.wait_for_function(
        "() => document.querySelector('[data-search-status]').textContent.includes('demens')"
    )
    assert page.locator("[data-search-list] li").count() > 0  # Pagefind ran
    assert page.evaluate("window.__violations") == []
    assert [e for e in errors if "Content Security Policy" in e] == []
