"""Atomic publishing of a build: the live output is swapped only when a build succeeds, and
a failed build removes its own directory, never the live one."""

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
    assert len(build_dirs(out)) == 1 + publish.KEEP_PREVIOUS
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
    assert build_dirs(out) == before  # nothing left behind


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
