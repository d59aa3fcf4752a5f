"""Reading the figures of a built demo site (test_site_figures): the home page's Nuläget,
the case portal's counts, the table of "Nuläget över tid", a newsletter issue's Nuläget,
and counts of cases written in running text."""

from __future__ import annotations

import re

from sitebuild_helpers import Site
from sitehtml import filter_links, html_pages, text

STATISTICS = "/case/statistik/"
NUMBER = r"(\d+(?:[\u202f\u00a0 ]\d{3})*)"
#: A count of cases (or ideas) in running text: "128 case", "fyra nya idéer".
COUNT_IN_TEXT = re.compile(
    r"\b(?:\d+(?:[\u202f\u00a0 ]\d{3})*|två|tre|fyra|fem|sex|sju|åtta|nio|tio|elva|tolv|"
    r"tjugo|trettio|fyrtio|femtio|hundra)\s+(?:nya\s+|inkomna\s+|avslutade\s+|pågående\s+)?"
    r"(?-i:case|idéer|ärenden)\b",  # lower case: a heading "Case" after a year is no count
    re.I,
)
#: The computed figures: Nuläget, the portal's count and register note, filter counts.
COMPUTED = [
    r'<section class="status".*?</section>',
    r'<p class="count".*?</p>',
    r'<p class="case-register">.*?</p>',
    r'<div class="stats">.*?<p class="stats-note">',
]


def number(pattern: str, html: str) -> int:
    found = re.search(pattern.replace("N", NUMBER), text(html))
    assert found, f"{pattern!r} not in {text(html)[:300]!r}"
    return int(re.sub(r"\D", "", found.group(1)))


def home_figures(site: Site) -> dict[str, int]:
    status = re.search(r'<section class="status".*?</section>', site.html("/"), re.S).group()
    return {
        "received": number("Inkomna case N", status),
        "in_progress": number("Pågående N", status),
        "in_implementation": number("varav N i implementering", status),
        "closed": number("Avslutade N", status),
        "not_public": number("N av dem är interna", status),
    }


def portal_figures(site: Site) -> dict:
    html = site.html("/case/")
    phases = {
        path.split("/")[-2]: count
        for path, (_, count) in filter_links(html).items()
        if path.startswith("/case/fas/")
    }
    register = re.search(r'<p class="case-register">.*?</p>', html, re.S).group()
    return {
        "shown": number("Här finns N case", html),
        "received": number("register har N case", register),
        "not_public": number("N av dem är interna", register),
        "phases": phases,
    }


def statistics_table(site: Site) -> dict[str, dict]:
    """The rows of the table on "Nuläget över tid" by their date (ISO), each header → int."""
    html = site.html(STATISTICS)
    table = re.search(r'<table class="stats-table">.*?</table>', html, re.S).group()
    headers = [text(h) for h in re.findall(r'<th scope="col">(.*?)</th>', table, re.S)]
    rows = {}
    for row in re.findall(r"<tr data-as-of.*?</tr>", table, re.S):
        day = re.search(r'<time datetime="([^"]+)"', row).group(1)
        cells = [int(re.sub(r"\D", "", text(c))) for c in re.findall(r"<td>(.*?)</td>", row, re.S)]
        rows[day] = dict(zip(headers[1:], cells, strict=True))
    return rows


def row_from_stats(stats: dict) -> dict[str, int]:
    """What the table's row for a date must say, from ``/api/v2/stats/?as_of=``."""
    labels = {
        "inkommen": "Inkommen",
        "utforskas": "Utforskas",
        "konceptutveckling": "Idé- och konceptutveckling",
        "testas": "Testas",
        "implementeras": "Implementeras",
        "avslutad": "Avslutad",
    }
    return {
        "Inkomna under året": stats["by_year"].get(stats["as_of"][:4], 0),
        "Inkomna totalt": stats["received"],
        **{labels[code]: n for code, n in stats["by_phase"].items()},
        "Införda eller överlämnade": stats["implemented"],
    }


def issue_figures(html: str) -> dict[str, int]:
    status = re.search(r'<section class="status".*?</section>', html, re.S).group()
    return {
        "received": number("Inkomna case N", status),
        "in_progress": number("Pågående N", status),
        "in_implementation": number("varav N i implementering", status),
        "closed": number("Avslutade N", status),
        "implemented": number("varav N införda", status),
    }


def counts_in_text(site: Site) -> dict[str, list[str]]:
    """Counts of cases stated in the text of any page, outside the computed figures."""
    found = {}
    for path, file in html_pages(site.out).items():
        main = file.read_text(encoding="utf-8").split("<main", 1)[-1].split("</main>", 1)[0]
        for pattern in COMPUTED:
            main = re.sub(pattern, " ", main, flags=re.S)
        hits = COUNT_IN_TEXT.findall(text(main))
        if hits:
            found[path] = hits
    return found
