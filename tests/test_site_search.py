"""Site search: a Pagefind index of every page, the search page /sok/ with its GET form and
its A–Ö lists for visitors without JavaScript, and the search itself in a real browser.

The demo is loaded into the test database (rolled back afterwards) and built twice with the
real build step: once whole, then incrementally after one page was edited, so the browser
searches the main index merged with the small index of changed pages, exactly as a visitor
would after a publish.
"""

from __future__ import annotations

import contextlib
import functools
import gzip
import http.server
import json
import re
import shutil
import threading
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote, urlsplit

import pytest
from django.core.management import call_command
from django.core.signals import request_finished, request_started
from django.db import close_old_connections, transaction
from sitefixture import tool_missing

from sitebuild.build import Reporter, build
from sitebuild.pull import search_pages
from sitebuild.render import search_index as search
from swedish import swedish_sort_key

STORY = "/goda-exempel/demenssjukdom-stod-som-kommer-i-tid/"
CASE = "/case/tidigare-upptackt-av-demenssjukdom/"
EDITED = "/kontakta-oss/"
OLD_WORD = "hjortronsylten"  # in the edited page's title from the first build on
NEW_TITLE = "Kontakta oss om hjortronsylten och blåbärssoppan"  # the last build adds a word
RETRACTED = "/behandling-av-personuppgifter/"
RETRACTED_WORD = "rabarberkrämen"  # in that page's title at the first build only
#: The first build makes its main index in two parts, as a big site's is, so the browser
#: tests search an index merged from parts and a delta.
PARTS = ["main", "main-2"]


# ---- The demo, built whole and then after one edit --------------------------------------


@dataclass
class Site:
    out: Path
    content: Path
    first_state: dict  # pagefind/search.json after the full build
    first_index: dict  # the index state (the build record's) after the full build
    retracted_word_was_indexed: bool  # RETRACTED_WORD was in the full build's index files
    last_index: dict  # … after the last build

    def file(self, path: str) -> Path:
        return self.out.joinpath(*[p for p in path.split("/") if p], "index.html")

    def html(self, path: str) -> str:
        return self.file(path).read_text(encoding="utf-8")

    def pages(self) -> dict[str, str]:
        """Every page for visitors by path (not the 404 page, not data files: a page with
        a <main>)."""
        found = {}
        for file in sorted(self.out.rglob("index.html")):
            if search.BUNDLE in file.relative_to(self.out).parts:
                continue
            text = file.read_text(encoding="utf-8")
            if text.lstrip()[:15].lower() == "<!doctype html>" and "<main" in text:
                rel = file.parent.relative_to(self.out).as_posix()
                found["/" if rel == "." else f"/{rel}/"] = text
        return found

    def pulled_paths(self) -> set[str]:
        """Every page and case the pull wrote from the CMS."""
        state = json.loads((self.content / ".data" / "state.json").read_text("utf-8"))
        return {info["path"] for info in state["items"].values()}

    def bundle_json(self, name: str) -> dict:
        return json.loads((self.out / search.BUNDLE / name).read_text(encoding="utf-8"))


@contextlib.contextmanager
def _in_process_requests():
    """Keep the test's connection (and its transaction) across in-process API requests."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        yield
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)


def _retitle(path: str, title: str) -> None:
    from wagtail.models import Page

    page = Page.objects.get(slug=path.strip("/").split("/")[-1]).specific
    page.title = title
    page.save_revision().publish()


# Marked as a database test so pytest-django runs it with the other database tests, before
# any transactional test (live_server) empties the tables the migrations filled.
pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def site(tmp_path_factory, django_db_setup, django_db_blocker):
    root = tmp_path_factory.mktemp("search")
    out, content = root / "out" / "build", root / "content"
    with django_db_blocker.unblock(), transaction.atomic(), _in_process_requests():
        call_command("load_demo", quiet=True)
        _retitle(EDITED, f"Kontakta oss om {OLD_WORD}")
        _retitle(RETRACTED, f"Behandling av personuppgifter och {RETRACTED_WORD}")
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(search, "PARTS_MIN_PAGES", 0)
            patch.setenv("HUB_RENDER_WORKERS", str(len(PARTS)))
            build(out=out, content=content, reporter=Reporter(quiet=True))
        first_state = json.loads((out / search.BUNDLE / search.PUBLIC_STATE).read_text())
        first_index = index_state(out)
        indexed = any(RETRACTED_WORD.encode() in data for data in decompressed(out).values())
        # An ordinary build after a word was edited out: its part of the index is made anew.
        _retitle(RETRACTED, "Behandling av personuppgifter")
        build(out=out, content=content, reporter=Reporter(quiet=True))
        # Then one after an edit that only adds a word: the old entry stays behind the delta.
        _retitle(EDITED, NEW_TITLE)
        build(out=out, content=content, reporter=Reporter(quiet=True))
        transaction.set_rollback(True)
    yield Site(out, content, first_state, first_index, indexed, index_state(out))
    shutil.rmtree(root, ignore_errors=True)


def index_state(out: Path) -> dict:
    """The index state the build record beside the site keeps."""
    return json.loads((out.parent / f".{out.name}.json").read_text())["search"]


def main_pages(index: dict) -> dict[str, str]:
    """URL → Pagefind id of every page in the main index, whichever part holds it."""
    return {url: pid for part in index["parts"].values() for url, pid in part["pages"].items()}


def decompressed(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` by relative path, gzip-compressed ones (the index's
    chunks and fragments) decompressed."""
    files = {}
    for path in folder.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            files[path.relative_to(folder).as_posix()] = (
                gzip.decompress(data) if data[:2] == b"\x1f\x8b" else data
            )
    return files


def fragment(site: Site, bundle: str, page_id: str) -> dict:
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
    assert letters == sorted(set(letters), key=lambda s: "abcdefghijklmnopqrstuvwxyz".find(s))
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


# ---- Indexing on its own: full, delta, removal, compaction ------------------------------


def _page(site: Path, path: str, words: str) -> None:
    file = site.joinpath(*[p for p in path.split("/") if p], "index.html")
    file.parent.mkdir(parents=True, exist_ok=True)
    file.write_text(
        '<!doctype html><html lang="sv"><head><title>x</title></head><body>'
        '<header><a href="/">Menyord</a></header>'
        f"<main data-pagefind-body><h1>{path}</h1><p>{words}</p></main></body></html>",
        encoding="utf-8",
    )


def _build(stage_parent: Path, live: Path | None, change, state=None):
    """Index a stage copied from ``live`` after ``change(stage)`` (which returns what it
    rendered and removed); ``state``: the index state of ``live`` (None: a full build)."""
    stage = stage_parent / f"build-{len(list(stage_parent.iterdir()))}"
    if live is not None:
        shutil.copytree(live, stage)
    else:
        stage.mkdir()
    with search.indexing(stage, state, full=state is None) as index:
        rendered, removed = change(stage)
        result = index.update(rendered, removed)
    return stage, result, index.state


def _texts(stage: Path) -> list[bytes]:
    return list(decompressed(stage / search.BUNDLE).values())


def _five(stage):
    for n in range(5):
        _page(stage, f"/sida-{n}/", f"vanlig text nummer{n}")
    return [], []


def test_an_edit_that_only_adds_words_goes_to_the_delta_and_its_old_fragment_leaves(tmp_path):
    live, result, state = _build(tmp_path, None, _five)
    assert (result.mode, result.indexed) == ("full", 5)
    main = main_pages(state)

    def edit(stage):
        _page(stage, "/sida-1/", "vanlig text nummer1 och nytt tillägg")
        return ["sida-1/index.md"], []

    live, result, state = _build(tmp_path, live, edit, state)
    assert (result.mode, result.indexed) == ("delta", 1)
    public = json.loads((live / "pagefind" / search.PUBLIC_STATE).read_text())
    assert public == {
        "main": ["/pagefind/main/"],
        "delta": "/pagefind/delta/",
        "superseded": [main["/sida-1/"]],
    }
    assert not (
        live / "pagefind" / "main" / "fragment" / f"{main['/sida-1/']}.pf_fragment"
    ).exists()
    assert set(search.page_ids(live / "pagefind" / "delta")) == {"/sida-1/"}
    assert main_pages(state) == main  # the main index was kept as it was

    def again(stage):  # the same page, edited once more, still only adding
        _page(stage, "/sida-1/", "vanlig text nummer1 och nytt tillägg igen")
        return ["sida-1/index.md"], []

    live, result, state = _build(tmp_path, live, again, state)
    assert result.mode == "delta"  # judged by the words its main entry had
    live, result, state2 = _build(tmp_path, live, lambda stage: ([], []), state)
    assert result.mode == "unchanged" and state2 == state
    assert json.loads((live / "pagefind" / search.PUBLIC_STATE).read_text())["delta"]
    assert (live / "pagefind" / "delta" / "pagefind.js").exists()


@pytest.mark.parametrize("how", ["edited out", "removed", "edited out later"])
def test_what_leaves_a_page_leaves_every_index_file(tmp_path, how):
    live, _, state = _build(tmp_path, None, _five)
    assert any(b"nummer2" in data for data in _texts(live))

    def first(stage):
        if how == "edited out later":  # first an edit that only adds, kept behind the delta
            _page(stage, "/sida-2/", "vanlig text nummer2 plus")
            return ["sida-2/index.md"], []
        return [], []

    live, _, state = _build(tmp_path, live, first, state)

    def retract(stage):
        if how == "removed":
            shutil.rmtree(stage / "sida-2")
            return [], ["sida-2/index.html"]
        _page(stage, "/sida-2/", "vanlig text utan numret")
        return ["sida-2/index.md"], []

    live, result, state = _build(tmp_path, live, retract, state)
    assert result.mode == "parts"
    assert not [data for data in _texts(live) if b"nummer2" in data]
    if how == "removed":
        assert not [data for data in _texts(live) if b"/sida-2/" in data]
    public = json.loads((live / "pagefind" / search.PUBLIC_STATE).read_text())
    assert public == {"main": ["/pagefind/main/"], "delta": None, "superseded": []}
    expected = {"/sida-0/", "/sida-1/", "/sida-3/", "/sida-4/"} | (
        set() if how == "removed" else {"/sida-2/"}
    )
    assert set(main_pages(state)) == expected == set(search.page_ids(live / "pagefind" / "main"))


def test_a_delta_too_big_makes_the_next_index_a_full_one(tmp_path, monkeypatch):
    live, _, state = _build(tmp_path, None, _five)
    monkeypatch.setattr(search, "DELTA_MAX", 1)

    def two(stage):
        _page(stage, "/sida-3/", "vanlig text nummer3 mer")
        _page(stage, "/sida-4/", "vanlig text nummer4 mer")
        return ["sida-3/index.md", "sida-4/index.md"], []

    live, result, state = _build(tmp_path, live, two, state)
    assert (result.mode, result.indexed) == ("full", 5)
    public = json.loads((live / "pagefind" / search.PUBLIC_STATE).read_text())
    assert public == {"main": ["/pagefind/main/"], "delta": None, "superseded": []}
    assert not (live / "pagefind" / "delta").exists()


@pytest.mark.parametrize("parts", [1, 3])
def test_the_parts_of_a_full_index_hold_every_page_once(tmp_path, monkeypatch, parts):
    """The parts are globs on the first or last character of the folder name: names that
    start with a digit, a Swedish letter, a capital or a character a glob would read as
    syntax all land in exactly one part, and so does the home page. A listing's further
    pages (``…/sida/3/``) are in none: they only list other pages."""
    names = ["2019", "arbete", "Bred", "_intern", "-streck", "[klammer", "!utrop", "ödla"]
    names += ["ängar", "zebra", "mitt", "case/alfa", "case/Ö", "bro", "dal", "elv", "sida"]
    names += ["case/sidan/4", "case/sid/5", "case/sidb/6", "case/xsida/7", "sida/x/sida"]
    skipped = ["case/sida/3", "sida/8", "case/fas/testas/sida/2", "sida/sida"]

    def pages(stage):
        _page(stage, "/", "startsida")
        for name in names + skipped:
            _page(stage, f"/{name}/", f"ord{len(name)}")
        return [], []

    monkeypatch.setattr(search, "PARTS_MIN_PAGES", 0)
    monkeypatch.setenv("HUB_RENDER_WORKERS", str(parts))
    stage = tmp_path / "build"
    stage.mkdir()
    with search.indexing(stage, full=True) as index:
        pages(stage)
        every = ["index.md", *(f"{name}/index.md" for name in names + skipped)]
        result = index.update(every, [], every)
    assert (result.mode, result.indexed) == ("full", len(names) + 1)
    state = json.loads((stage / "pagefind" / search.PUBLIC_STATE).read_text())
    bundles = [url.strip("/").split("/")[1] for url in state["main"]]
    assert bundles == ["main", "main-2", "main-3"][:parts]
    by_part = [set(search.page_ids(stage / "pagefind" / part)) for part in bundles]
    assert all(by_part)
    assert sorted(url for part in by_part for url in part) == sorted(
        ["/", *(f"/{name}/" for name in names)]
    )


def test_the_shares_are_about_equal_even_when_every_name_starts_alike(tmp_path, monkeypatch):
    names = [f"case/bench-{n}" for n in range(300)] + [f"case/fas/{n}" for n in range(2, 12)]
    sizes = {}
    for name in names:
        _page(tmp_path, f"/{name}/", "ord " * (400 if "fas" in name else 100))
        sizes[f"/{name}/"] = search._size(tmp_path / name / "index.html")
    sizes["/case/sida/2/"] = 10**9  # not read by Pagefind: weighs nothing
    assert sizes["/case/fas/2/"] > 3 * sizes["/case/bench-1/"]  # listing pages weigh more
    globs = search.share_globs(sizes, 2)
    assert len(globs) == 2
    weight = []
    for k, glob in enumerate(globs):
        search.run_pagefind(tmp_path, tmp_path / f"part-{k}", glob)
        weight.append(sum(sizes[url] for url in search.page_ids(tmp_path / f"part-{k}")))
    assert sum(weight) == sum(sizes.values()) - 10**9  # every page, once
    assert abs(weight[0] - weight[1]) < 0.1 * sum(weight)
    assert search.share_globs({"/": 1, "/-/": 1}, 2) == [search.GLOB]  # nothing to split on


def test_a_failed_render_leaves_no_bundle_aside(tmp_path):
    live, _, state = _build(tmp_path, None, lambda s: (_page(s, "/a/", "text"), ([], []))[1])
    stage = tmp_path / "stage"
    shutil.copytree(live, stage)
    with pytest.raises(RuntimeError), search.indexing(stage, state, full=False):
        raise RuntimeError("MkDocs failed")
    assert [p.name for p in tmp_path.iterdir() if "search" in p.name] == []


# ---- In a browser ------------------------------------------------------------------------


@pytest.fixture(scope="module")
def served(site):
    handler = functools.partial(_QuietHandler, directory=str(site.out))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()
    thread.join(5)


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):
        pass


@pytest.fixture
def page(browser):
    context = browser.new_context(locale="sv-SE")
    page = context.new_page()
    page.requests = []
    page.on("request", lambda request: page.requests.append(urlsplit(request.url).path))
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    yield page
    context.close()
    assert not errors, errors


def results(page) -> list[str]:
    return [
        urlsplit(h).path
        for h in page.eval_on_selector_all(
            ".search-result__title a", "links => links.map(a => a.href)"
        )
    ]


def wait_for_answer(page, query: str):
    page.wait_for_function(
        "q => document.querySelector('[data-search-status]').textContent.includes(q)",
        arg=f"”{query}”",
    )


@pytest.mark.slow
def test_typing_demens_finds_the_dementia_story_and_case(served, page):
    page.goto(served + "/")
    assert not [r for r in page.requests if r.startswith("/pagefind/") or "search.js" in r]
    page.get_by_role("banner").get_by_role("link", name="Sök").click()
    page.wait_for_url(served + "/sok/")
    assert not [r for r in page.requests if r.startswith("/pagefind/")], "loaded before use"
    page.get_by_label("Sök på webbplatsen").press_sequentially("demens", delay=40)
    wait_for_answer(page, "demens")
    found = results(page)
    assert {STORY, CASE} <= set(found[:5]), found[:10]
    status = page.locator("[data-search-status]").inner_text()
    assert re.fullmatch(r"\d[\d\u00a0 ]* träffar för ”demens”\.", status), status
    assert page.url == served + "/sok/?q=demens"
    assert page.locator(".search-result mark").first.inner_text().lower().startswith("demens")
    # Only what the query needs: Pagefind's code, one language's metadata, a few chunks.
    loaded = [r for r in page.requests if r.startswith("/pagefind/")]
    fragments = [r for r in loaded if r.endswith(".pf_fragment")]
    assert 0 < len(fragments) <= 10 and len(loaded) < 30, loaded


@pytest.mark.slow
def test_a_search_in_the_address_uses_the_changed_pages_index(served, page):
    page.goto(served + "/sok/?q=" + quote("blåbärssoppor"))  # another form of the new word
    wait_for_answer(page, "blåbärssoppor")
    assert results(page)[:1] == [EDITED]
    assert page.get_by_label("Sök på webbplatsen").input_value() == "blåbärssoppor"
    page.goto(served + "/sok/?q=" + OLD_WORD)  # in the delta and in the old main entry
    wait_for_answer(page, OLD_WORD)
    assert results(page) == [EDITED]  # once: the old entry is dropped
    page.goto(served + "/sok/?q=" + quote(RETRACTED_WORD))  # edited out two builds ago
    wait_for_answer(page, RETRACTED_WORD)
    assert results(page) == []
    assert page.locator("[data-search-status]").inner_text().startswith("Inga träffar")


@pytest.mark.slow
def test_swedish_stemming_finds_idé_for_idéer(served, page, site):
    page.goto(served + "/sok/?q=" + quote("idéer"))
    wait_for_answer(page, "idéer")
    words = {}
    for path in results(page):
        text = re.sub(r"<[^>]+>", " ", re.search(r"<main\b.*?</main>", site.html(path), re.S)[0])
        words[path] = set(re.findall(r"\w+", text.lower()))
    assert any("idé" in w and "idéer" not in w for w in words.values()), words.keys()


@pytest.mark.slow
def test_each_search_is_a_step_in_the_history(served, page):
    page.goto(served + "/sok/")
    box = page.get_by_label("Sök på webbplatsen")
    box.fill("demens")
    box.press("Enter")
    wait_for_answer(page, "demens")
    box.fill("cykel")
    box.press("Enter")
    wait_for_answer(page, "cykel")
    assert page.url.endswith("/sok/?q=cykel")
    assert any("/goda-exempel/hemtjansten-som-bytte-bil-mot-cykel/" == r for r in results(page))
    page.go_back()
    wait_for_answer(page, "demens")
    assert box.input_value() == "demens" and page.url.endswith("/sok/?q=demens")
    assert CASE in results(page)


@pytest.mark.slow
def test_more_results_are_shown_on_request_and_get_the_focus(served, page):
    page.goto(served + "/sok/?q=case")
    wait_for_answer(page, "case")
    first = results(page)
    assert len(first) == 10
    page.get_by_role("button", name="Visa fler träffar").click()
    page.wait_for_function("() => document.querySelectorAll('.search-result').length > 10")
    focused = page.evaluate("() => document.activeElement.getAttribute('href')")
    assert focused == results(page)[10] and focused not in first


@pytest.mark.slow
def test_the_results_have_no_wcag_violations_that_axe_finds(served, page):
    try:
        import axe_playwright_python
    except ImportError:
        tool_missing("axe-core is missing: install the [test] extra (axe-playwright-python)")
    axe = (Path(axe_playwright_python.__file__).parent / "axe.min.js").read_text("utf-8")
    page.goto(served + "/sok/?q=demens")
    wait_for_answer(page, "demens")
    page.get_by_role("button", name="Visa fler träffar").click()
    page.wait_for_function("() => document.querySelectorAll('.search-result').length > 10")
    page.evaluate(axe)
    result = page.evaluate(
        """() => axe.run(document, {resultTypes: ["violations"], runOnly: {type: "tag",
            values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}})"""
    )
    violations = [
        (v["id"], [n["html"][:120] for n in v["nodes"][:3]]) for v in result["violations"]
    ]
    assert not violations, violations
