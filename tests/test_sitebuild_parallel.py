"""A full build shared between processes (``sitebuild.parallel``) gives the very site one
process gives, byte for byte, and fails the same way: naming the page, leaving nothing."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from sitebuild_helpers import snapshot

from sitebuild import parallel as parallel_module
from sitebuild.frontmatter import dumps
from sitebuild.render import BuildFailed, render
from sitebuild.render import run as render_module


@pytest.fixture
def parallel(monkeypatch):
    """Share every full build, however small, between ``n`` processes."""

    def use(n: int) -> None:
        monkeypatch.setattr(render_module, "PARALLEL_MIN_PAGES", 0)
        monkeypatch.setenv("HUB_RENDER_WORKERS", str(n))

    return use


@pytest.fixture
def content(built_site, tmp_path) -> Path:
    """A copy of the demo's content/ (pulled once per test session)."""
    folder = tmp_path / "content"
    shutil.copytree(built_site.content, folder)
    return folder


def test_workers_follow_the_setting_and_the_cpus(monkeypatch):
    monkeypatch.setenv("HUB_RENDER_WORKERS", "3")
    assert parallel_module.workers() == 3
    monkeypatch.setenv("HUB_RENDER_WORKERS", "")
    assert 1 <= parallel_module.workers() <= 4


@pytest.mark.parametrize("n", [2, 3])
def test_a_shared_build_is_the_same_site_as_one_process_builds(content, tmp_path, parallel, n):
    serial = render(content, tmp_path / "serial", dirty=False)
    parallel(n)
    ticks: list[str] = []

    shared = render(content, tmp_path / "shared", dirty=False, on_rendered=ticks.append)

    assert snapshot(tmp_path / "shared") == snapshot(tmp_path / "serial")
    assert sorted(shared.rendered) == sorted(serial.rendered)
    assert len(shared.rendered) == len(set(shared.rendered)) > 100
    assert sorted(ticks) == sorted(shared.rendered)  # progress hears of every page


@pytest.mark.parametrize("share", [0, 1], ids=["this-process", "other-process"])
def test_a_broken_link_in_any_share_fails_the_build_naming_the_page(
    content, tmp_path, parallel, share
):
    pages = sorted(p.relative_to(content).as_posix() for p in content.rglob("*.md"))
    pages = [p for p in pages if not p.startswith(".")]
    # A page name that sorts into the wanted share of two (interleaved by source path).
    name = next(
        f"{letter}-trasig"
        for letter in "abcdefghijklmnopqrstuvwxyz"
        if sorted([*pages, f"{letter}-trasig/index.md"]).index(f"{letter}-trasig/index.md") % 2
        == share
    )
    page = content / name / "index.md"
    page.parent.mkdir()
    page.write_text(
        dumps({"template": "standard.html", "title": "Trasig"}, '<a href="/finns-inte/">x</a>')
    )
    parallel(2)

    with pytest.raises(BuildFailed) as error:
        render(content, tmp_path / "out", dirty=False)

    assert f"{name}/index.md" in str(error.value) and "/finns-inte/" in str(error.value)
