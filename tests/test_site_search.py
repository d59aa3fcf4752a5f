"""Site search on the built demo: a Pagefind index of every page, in Swedish, holding the main
content only and kept current by the delta of an incremental build (a word edited out is in
no index file after one build); the search page /sok/ with its GET form, a search link in
every header and its A–Ö lists for visitors without JavaScript.

The demo is loaded into the test database (rolled back afterwards) and built whole, then
incrementally after edits, once per session (``search_site`` in tests/sitefixture.py; the
same build is searched in a browser in tests/test_browser_search.py).
"""

from __future__ import annotations

import gzip
import json
import re

import pytest
from sitebuild_helpers import decompressed, main_pages
from sitefixture import CASE, EDITED, NEW_TITLE, PARTS, RETRACTED, RETRACTED_WORD, SearchSite

from sitebuild.pull import search_pages
from sitebuild.render import search_index as search
from swedish import swedish_sort_key

# Marked as database tests so pytest-django runs them with the other database tests: the
# demo they search (search_site) is loaded before any transactional test (live_server)
# empties the tables the migrations filled.
pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def site(search_site):
    return search_site


def fragment(site: SearchSite, bundle: str, page_id: str) -> dict:
    """A page's entry in a bundle (``main``: in whichever part holds it)."""
    bundles = [f"{part}" for part in PARTS] if bundle == search.MAIN else [bundle]
    files = [
        site.out / search.BUNDLE / name / "fragment" / f"{page_id}.pf_fragment" for name in bundles
    ]
    data = gzip.decompress(next(f for f in files if f.exists()).read_bytes())
    return json.loads(data[data.index(b"{") :])


def links(html: str, inside: str = "main") -> list[str]:
    part = re.search(rf"<{inside}\b.*?</{inside}>", html, re.S)
    assert part, f"no <{inside}>"
    return re.findall(r'<a\b[^>]*\bhref="([^"#?]*)', part.group(0))


# ---- The index --------------------------------------------------------------------------


def test_the_full_build_indexes_every_content_page_in_swedish(site):
    assert site.first_state == {
        "main": [f"/pagefind/{part}/" for part in PARTS],
        "delta": None,
        "superseded": [],
    }
    indexed = set(main_pages(site.first_index))
    # In the parts now: every page, once, but those kept behind a newer version in the delta.
    current = set(main_pages(site.last_index)) - set(site.last_index["words"])
    by_part = [set(search.page_ids(site.out / search.BUNDLE / part)) for part in PARTS]
    assert all(by_part) and set.union(*by_part) == current
    assert sum(map(len, by_part)) == len(current)  # each page in one part only
    for part in PARTS:
        main = site.out / search.BUNDLE / part
        entry = json.loads((main / "pagefind-entry.json").read_text())
        assert list(entry["languages"]) == ["sv"]
        assert not (main / "pagefind-ui.js").exists()  # Pagefind's own UI is not shipped
    # Every page and case from the CMS, and the case portal, can be found …
    assert site.pulled_paths() | {"/case/"} <= indexed
    # … but not the search pages, later pages of a listing, the 404 page or data files.
    assert not {p for p in indexed if p.startswith("/sok/") or "/sida/" in p}
    assert "/404.html" not in indexed and "/case/data/" not in indexed


def test_the_index_holds_the_main_content_not_the_header_menu_or_footer(site):
    case = fragment(site, search.MAIN, main_pages(site.first_index)[CASE])
    assert case["meta"]["title"] == "Tidigare upptäckt av demenssjukdom"
    text = case["content"]
    assert "demenssjukdom" in text
    for chrome in ("Till innehållet", "Huvudmeny", "Innovationsprogrammet", "drivs av"):
        assert chrome not in text, chrome
    # A listing is indexed by its own text, not by the cards of the pages it lists.
    listing = fragment(site, search.MAIN, main_pages(site.first_index)["/goda-exempel/"])
    assert "Demenssjukdom: stöd som kommer i tid" not in listing["content"]


def test_an_edit_that_adds_words_is_indexed_into_the_delta_and_its_old_entry_leaves(site):
    state = site.bundle_json(search.PUBLIC_STATE)
    assert state["main"] == site.first_state["main"]  # the parts were kept
    assert state["delta"] == "/pagefind/delta/", "the last build was not incremental"
    old_id = main_pages(site.last_index)[EDITED]
    assert old_id in state["superseded"]  # dropped by the search script …
    assert not [p for p in (site.out / search.BUNDLE).rglob(f"{old_id}.pf_fragment")]  # … gone
    index = site.last_index
    assert EDITED in index["delta"] and len(index["delta"]) <= 10  # the edit and its listings
    delta = search.page_ids(site.out / search.BUNDLE / search.DELTA)
    assert fragment(site, search.DELTA, delta[EDITED])["meta"]["title"] == NEW_TITLE


def test_a_word_edited_out_is_in_no_file_of_the_site_search_index_included(site):
    """After one ordinary build, the index holds what a full build's would: not the word,
    not in a fragment, a word chunk or any other file (decompressed)."""
    assert site.retracted_word_was_indexed
    found = [n for n, data in decompressed(site.out).items() if RETRACTED_WORD.encode() in data]
    assert found == []
    assert RETRACTED in main_pages(site.last_index)  # its part was made anew, with it


# ---- The search page, the header and the A–Ö lists ---------------------------------------


def test_the_search_page_has_a_labelled_get_form(site):
    html = site.html("/sok/")
    form = re.search(r"<form\b[^>]*>.*?</form>", html, re.S).group(0)
    tag = form[: form.index(">")]
    assert 'action="/sok/"' in tag and 'method="get"' in tag and 'role="search"' in tag
    box = re.search(r"<input\b[^>]*>", form).group(0)
    assert 'type="search"' in box and 'name="q"' in box
    box_id = re.search(r'\bid="([^"]+)"', box).group(1)
    label = re.search(rf'<label\b[^>]*\bfor="{box_id}"[^>]*>([^<]+)</label>', form)
    assert label and label.group(1).strip() == "Sök på webbplatsen"
    assert re.search(r'<button\b[^>]*type="submit"[^>]*>Sök</button>', form)
    assert "Sökrutan behöver JavaScript" in html
    assert re.search(r'role="status"[^>]*aria-live="polite"', html)


def test_every_page_has_a_search_link_in_its_header(site):
    pages = site.pages()
    assert len(pages) > 150
    for path, html in pages.items():
        assert "/sok/" in links(html, "header"), path


def test_only_the_search_page_loads_the_search_script(site):
    for path, html in site.pages().items():
        loads = "/assets/search.js" in html or "/pagefind/" in html
        assert loads == (path == "/sok/"), path


def test_without_javascript_the_a_to_o_lists_link_every_page(site):
    search_page = site.html("/sok/")
    linked = set(links(search_page))
    letter_pages = sorted(p for p in linked if p.startswith("/sok/"))
    assert letter_pages, "the demo's 120+ cases are listed one letter per page"
    for path in letter_pages:
        linked |= set(links(site.html(path)))
    missing = (site.pulled_paths() | {"/case/"}) - linked
    assert not missing, sorted(missing)[:10]
    assert NEW_TITLE in search_page  # the list follows the edit


def test_the_a_to_o_lists_are_in_swedish_order_and_grouped_by_letter(site):
    sections = re.findall(r'<ul class="az__list">(.*?)</ul>', site.html("/sok/"), re.S)
    assert len(sections) >= 4
    for section in sections:
        titles = [t.strip() for t in re.findall(r"<a [^>]*>([^<]+)</a>", section)]
        assert titles == sorted(titles, key=swedish_sort_key)
    letters = re.findall(r'href="/sok/case/([^/]+)/"', site.html("/sok/"))
    order = ["0-9", *"abcdefghijklmnopqrstuvwxyz", "aa", "ae", "oe"]  # Å, Ä, Ö last
    assert letters == sorted(set(letters), key=order.index)
    for slug in letters:
        html = site.html(f"/sok/case/{slug}/")
        letter = re.search(r"<h1>Case: (.+?)</h1>", html).group(1)
        items = re.search(r'<ul class="az__list">(.*?)</ul>', html, re.S).group(1)
        titles = [t.strip() for t in re.findall(r"<a [^>]*>([^<]+)</a>", items)]
        assert titles == sorted(titles, key=swedish_sort_key)
        assert {search_pages.initial(t) for t in titles} == {letter}


@pytest.mark.parametrize(
    "title, letter",
    [
        ("Anmäl fel", "A"),
        ("  Ängen", "Ä"),
        ("Åtgärder", "Å"),
        ("Öppna data", "Ö"),
        ("Éclair", "E"),
        ("Übung", "Y"),
        ("4 frågor", "#"),
        ("”Citat”", "C"),
        ("", "#"),
    ],
)
def test_initial_letters_follow_the_swedish_alphabet(title, letter):
    assert search_pages.initial(title) == letter


def test_a_long_section_gets_one_page_per_letter_in_swedish_order():
    titles = ["Öl", "Äpple", "Åker", "Ost", "Zebra", "apa", "Bil", "2 hjul"] * 20
    links_ = [{"title": t, "path": f"/case/{i}/"} for i, t in enumerate(titles)]
    links_ += [{"title": "Case", "path": "/case/"}, {"title": "Om oss", "path": "/om/"}]
    pages = search_pages.az_pages(links_)
    meta, _ = pages["sok/index.md"]
    case, other = meta["sections"]
    assert (case["title"], case["path"], case["count"], case["items"]) == (
        "Case",
        "/case/",
        160,
        [],
    )
    assert [x["label"] for x in case["letters"]] == ["0–9", "A", "B", "O", "Z", "Å", "Ä", "Ö"]
    assert [x["path"] for x in case["letters"]][-3:] == [
        "/sok/case/aa/",
        "/sok/case/ae/",
        "/sok/case/oe/",
    ]
    assert other == {
        "title": "Andra sidor",
        "path": None,
        "count": 1,
        "items": [{"title": "Om oss", "path": "/om/"}],
        "letters": [],
    }
    letter_a, _ = pages["sok/case/a/index.md"]
    assert letter_a["template"] == "search_az.html" and len(letter_a["items"]) == 20
    assert len(pages) == 1 + 8
