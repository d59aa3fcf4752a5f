#!/usr/bin/env python3
"""The first results of Swedish queries on the demo site's search page, as a visitor sees
them: how many pages match and the first three, typed into the real Pagefind search in
Debian's Chromium. For comparing search relevance before and after a change.

    .venv/bin/python scripts/search_top.py demens möten mat            # build the demo first
    .venv/bin/python scripts/search_top.py --site DIR demens möten     # a site built already

The demo is built as scripts/lighthouse.py builds it (a throwaway database, the build in
child processes) and served on 127.0.0.1 by the handler of ``hub serve``.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path
from urllib.parse import quote, urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parent))
from lighthouse import CHROME, build_demo, free_port, serve  # noqa: E402

DEFAULT_QUERIES = ["demens", "möten", "mat", "nyhetsbrev", "trygghetslarm"]


def top_results(url: str, queries: list[str], shown: int) -> list[tuple[str, str, list]]:
    """(query, the search page's status line, [(title, path)] of the first ``shown``)."""
    from playwright.sync_api import sync_playwright

    answers = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROME, args=["--no-sandbox"])
        page = browser.new_context(locale="sv-SE").new_page()
        for query in queries:
            page.goto(f"{url}/sok/?q={quote(query)}")
            page.wait_for_function(
                "q => document.querySelector('[data-search-status]').textContent.includes(q)",
                arg=f"”{query}”",
            )
            status = page.locator("[data-search-status]").inner_text().strip()
            links = page.locator(".search-result__title a")
            results = []
            for i in range(min(shown, links.count())):
                link = links.nth(i)
                results.append(
                    (link.inner_text().strip(), urlsplit(link.get_attribute("href")).path)
                )
            answers.append((query, status, results))
        browser.close()
    return answers


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("queries", nargs="*", default=DEFAULT_QUERIES)
    parser.add_argument("--site", type=Path, help="en byggd webbplats (annars byggs demon)")
    parser.add_argument("--shown", type=int, default=3, help="antal träffar som visas")
    args = parser.parse_args()

    port = free_port()
    url = f"http://127.0.0.1:{port}"
    with tempfile.TemporaryDirectory() as tmp:
        site = args.site or build_demo(Path(tmp), url)
        server = serve(site, port)
        try:
            answers = top_results(url, args.queries, args.shown)
        finally:
            server.shutdown()
    for query, status, results in answers:
        print(f"\n{query}: {status}")
        for n, (title, path) in enumerate(results, 1):
            print(f"  {n}. {title}  {path}")


if __name__ == "__main__":
    main()
