"""What a visitor reads on the built demo site (tests/sitefixture.py): Swedish no-break
spaces keep "70 %", "4 000" and "20 oktober 2020" on one line on every page, a decorative
image has an empty alt text, and no page shows its top image again in its body."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest
from sitefixture import BuiltSite

from swedish import MONTHS

#: What must never be split by an ordinary space in a text a visitor reads.
BREAKABLE = {
    "procent": re.compile(r"\d %"),
    "siffergrupper": re.compile(r"(?<![\d,.])\d{1,3} \d{3}(?!\d)"),
    "datum": re.compile(r"(?<!\d)\d{1,2} (?:" + "|".join(MONTHS) + r")\b"),
}
#: Each rule is met somewhere in the demo, so the check below can fail.
KEPT_TOGETHER = {
    "procent": re.compile(r"\d\u00a0%"),
    "siffergrupper": re.compile(r"\d\u202f\d{3}"),
    "datum": re.compile(r"\d\u00a0(?:" + "|".join(MONTHS) + r")\u00a0\d{4}"),
}


class Page(HTMLParser):
    """The text of a page outside scripts and templates, and its images (in <main>)."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.text: list[str] = []
        self.images: list[dict] = []
        self._skip = 0
        self._main = False
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style", "template"):
            self._skip += 1
        elif tag == "main":
            self._main = True
        elif tag == "img" and self._main:
            self.images.append(dict(attrs))

    def handle_endtag(self, tag):
        if tag in ("script", "style", "template") and self._skip:
            self._skip -= 1
        elif tag == "main":
            self._main = False

    def handle_data(self, data):
        if not self._skip:
            self.text.append(data)


@pytest.fixture(scope="module")
def pages(built_site: BuiltSite) -> dict[str, Page]:
    return {
        built_site.url_path(f): Page(f.read_text(encoding="utf-8"))
        for f in built_site.html_files()
        if "pagefind" not in f.parts
    }


def test_no_break_spaces_keep_percentages_numbers_and_dates_together(pages):
    broken: list[str] = []
    kept = dict.fromkeys(KEPT_TOGETHER, 0)
    for path, page in pages.items():
        for text in page.text:
            for name, pattern in BREAKABLE.items():
                broken += [f"{path}: {name}: …{m.group()}…" for m in pattern.finditer(text)]
            for name, pattern in KEPT_TOGETHER.items():
                kept[name] += len(pattern.findall(text))
    assert not broken, f"{len(broken)} texts can break across lines:\n" + "\n".join(broken[:20])
    assert all(kept.values()), kept


def test_a_decorative_image_has_an_empty_alt_text(pages):
    # The demo's programme page has a decorative pattern between two texts.
    images = pages["/innovationsprogrammet/"].images
    assert [img["alt"] for img in images if "alt" in img].count("") == 1, images
    # Everywhere else every image in <main> has an alt text, and every one has the attribute.
    for path, page in pages.items():
        for img in page.images:
            assert "alt" in img, (path, img)
            assert img["alt"] or path == "/innovationsprogrammet/", (path, img)


def test_no_page_shows_its_top_image_again_in_its_body(built_site, pages):
    checked = 0
    for path, meta in built_site.pages().items():
        if meta.get("type") not in {"casestorypage", "inspirationarticlepage", "programmepage"}:
            continue
        if not meta.get("image"):
            continue
        lead = meta["image"]["alt"]
        shown = [img.get("alt") for img in pages[path].images]
        assert shown.count(lead) == 1, (path, shown)
        checked += 1
    assert checked >= 10
