"""Atomic publishing of a build: the live output is swapped only when a build succeeds, and
a failed build removes its own directory, never the live one."""

import os
import time

import pytest

from sitebuild.render import publish


def build_dirs(out):
    return sorted(p.name for p in out.parent.iterdir() if p.name.startswith(f".{out.name}-"))


def replace(path, text: str) -> None:
    """Change a file of a stage the way the build does: never by writing into it."""
    path.unlink(missing_ok=True)
    path.write_text(text)


@pytest.mark.parametrize("incremental", [True, False], ids=["incremental", "full"])
def test_builds_in_quick_succession_never_build_into_the_live_directory(tmp_path, incremental):
    out = tmp_path / "build"
    for n in range(5):
        with publish.staged(out, incremental=incremental) as stage:
            assert stage != publish.live_dir(out)
            replace(stage / "n.txt", str(n))
        assert (out / "n.txt").read_text() == str(n)
    assert len(build_dirs(out)) == 1 + publish.KEEP_PREVIOUS + publish.RECYCLED
    before = build_dirs(out)
    # The older builds were moved aside and are removed by a process of their own.
    deadline = time.monotonic() + 30
    while list(tmp_path.glob(".build.trash-*")) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not list(tmp_path.glob(".build.trash-*"))

    with pytest.raises(RuntimeError), publish.staged(out, incremental=incremental) as stage:
        replace(stage / "n.txt", "trasig")
        raise RuntimeError("bygget misslyckades")

    assert (out / "n.txt").read_text() == "4"
    # Nothing left behind; the live build and the rollback copies are as they were (an
    # incremental build recycled the oldest build as its stage, and removed it).
    kept = before[-1 - publish.KEEP_PREVIOUS :]
    assert build_dirs(out) == (kept if incremental else before)
    assert (publish.live_dir(out) / "n.txt").read_text() == "4"
    assert (out.parent / kept[0] / "n.txt").read_text() == "3"


def test_an_incremental_build_starts_from_the_live_files_linked(tmp_path):
    out = tmp_path / "build"
    with publish.staged(out, incremental=True) as stage:
        (stage / "sub").mkdir()
        (stage / "sub" / "page.html").write_text("först")
        (stage / "other.html").write_text("kvar")
        (stage / "link.html").symlink_to("other.html")
    live = publish.live_dir(out)
    mtime = (live / "sub" / "page.html").stat().st_mtime_ns

    with publish.staged(out, incremental=True) as stage:
        page = stage / "sub" / "page.html"
        assert page.read_text() == "först"
        assert page.stat().st_ino == (live / "sub" / "page.html").stat().st_ino  # no copy
        assert page.stat().st_mtime_ns == mtime  # what MkDocs' dirty build compares
        assert (stage / "link.html").is_symlink()
        replace(page, "sedan")

    assert (live / "sub" / "page.html").read_text() == "först"  # the previous build is untouched
    assert (out / "sub" / "page.html").read_text() == "sedan"
    assert (out / "other.html").read_text() == "kvar"


def test_link_tree_brings_an_older_tree_up_to_date_touching_only_what_differs(tmp_path):
    live, stage = tmp_path / "live", tmp_path / "stage"
    for rel, text in {
        "same.html": "lika",
        "changed.html": "ny",
        "added/page.html": "ny sida",
        "was-dir": "nu en fil",
        "deep/a/b.html": "djup",
    }.items():
        (live / rel).parent.mkdir(parents=True, exist_ok=True)
        (live / rel).write_text(text)
    (live / "link.html").symlink_to("same.html")
    stage.mkdir()
    os.link(live / "same.html", stage / "same.html")  # shared since an earlier build
    (stage / "changed.html").write_text("gammal")
    (stage / "gone").mkdir()
    (stage / "gone" / "old.html").write_text("borta")
    (stage / "was-dir").mkdir()
    (stage / "was-dir" / "x.html").write_text("x")
    (stage / "link.html").symlink_to("changed.html")
    same_inode = (stage / "same.html").stat().st_ino

    publish.link_tree(live, stage)

    def tree(root):
        return {
            p.relative_to(root).as_posix(): (p.is_symlink(), os.readlink(p) if p.is_symlink()
                                             else p.read_text() if p.is_file() else None)
            for p in root.rglob("*")
        }  # fmt: skip

    assert tree(stage) == tree(live)
    for path in live.rglob("*"):
        if path.is_file() and not path.is_symlink():
            assert (stage / path.relative_to(live)).stat().st_ino == path.stat().st_ino
    assert (stage / "same.html").stat().st_ino == same_inode
