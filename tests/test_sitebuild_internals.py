"""What render/internals.py relies on in MkDocs still holds: if one of these fails after an
upgrade, the module's workaround has to change with it."""

from __future__ import annotations

import inspect
import logging

import mkdocs.commands.build
from mkdocs.structure.files import get_files
from mkdocs.structure.pages import Page

from sitebuild.frontmatter import dumps
from sitebuild.render.internals import DIRTY_NOTICE, DIRTY_NOTICE_LOGGER, BodylessPage
from sitebuild.render.run import load


def _rendered(page_class, tmp_path):
    tmp_path = tmp_path / page_class.__name__
    content = tmp_path / "content"
    (content / "case" / "x").mkdir(parents=True)
    (content / "case" / "x" / "index.md").write_text(dumps({"title": "X"}, ""), "utf-8")
    config = load(content, tmp_path / "out")
    files = get_files(config)
    page = page_class(None, files.get_file_from_path("case/x/index.md"), config)
    page.markdown = ""
    page.render(config, files)
    return page


def test_a_page_without_a_body_gets_what_mkdocs_would_give_it(tmp_path):
    ours, theirs = _rendered(BodylessPage, tmp_path), _rendered(Page, tmp_path)

    shown = {name for name in vars(theirs) if name not in ("file", "toc")}
    assert set(vars(ours)) == set(vars(theirs)), "Page.render sets other attributes now"
    assert {n: getattr(ours, n) for n in shown} == {n: getattr(theirs, n) for n in shown}
    assert list(ours.toc) == list(theirs.toc) == []
    assert ours.content == ""


def test_mkdocs_still_gives_the_notice_the_dirty_build_drops():
    source = inspect.getsource(mkdocs.commands.build)
    assert DIRTY_NOTICE in source
    assert mkdocs.commands.build.log.name == DIRTY_NOTICE_LOGGER
    assert DIRTY_NOTICE_LOGGER in logging.Logger.manager.loggerDict
