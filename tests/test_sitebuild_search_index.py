"""Search indexing on its own (sitebuild/render/search_index.py), on small sites made for the
test: a full index in parts that hold every page once, in about equal shares; an edit that
only adds words goes to a small delta index and its old entry leaves the main one; what
leaves a page (an edit, a removal) leaves every index file; a delta too big makes the next
index a full one; a failed render leaves nothing aside.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from sitebuild_helpers import decompressed, main_pages

from sitebuild.render import pagefind
from sitebuild.render import search_index as search

# As when these shared a module with the tests of the searched demo: marked as database
# tests, though they use no database.
pytestmark = pytest.mark.django_db


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


def test_function_words_weigh_nothing_in_the_indexed_text_only():
    page = (
        '<html lang="sv"><head><title>Vad</title></head><body><header>dem</header>'
        "<main data-pagefind-body><h1>Vad gör dem?</h1><p>Demens och varor, Dem vid mötet."
        "</p><select><option>var</option></select><script>var x;</script></main>"
        "<footer>dem</footer></body></html>"
    )
    zero = '<span data-pagefind-weight="0">{}</span>'.format
    marked = pagefind.weigh_function_words(page)
    assert marked == page.replace(
        "<h1>Vad gör dem?", f"<h1>{zero('Vad')} gör {zero('dem')}?"
    ).replace("Dem vid", f"{zero('Dem')} {zero('vid')}")
    # A page that is not indexed is left as it is.
    assert pagefind.weigh_function_words(page.replace(" data-pagefind-body", "")) == (
        page.replace(" data-pagefind-body", "")
    )
