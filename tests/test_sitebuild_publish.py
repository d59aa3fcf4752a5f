"""Atomic publishing of a build: the live output is swapped only when a build succeeds, and
a failed build removes its own directory, never the live one."""

import pytest

from sitebuild import publish


def build_dirs(out):
    return sorted(p.name for p in out.parent.iterdir() if p.name.startswith(f".{out.name}-"))


@pytest.mark.parametrize("incremental", [True, False], ids=["incremental", "full"])
def test_builds_in_quick_succession_never_build_into_the_live_directory(tmp_path, incremental):
    out = tmp_path / "build"
    for n in range(5):
        with publish.staged(out, incremental=incremental) as stage:
            assert stage != publish.live_dir(out)
            (stage / "n.txt").write_text(str(n))
        assert (out / "n.txt").read_text() == str(n)
    assert len(build_dirs(out)) == 1 + publish.KEEP_PREVIOUS
    before = build_dirs(out)

    with pytest.raises(RuntimeError), publish.staged(out, incremental=incremental) as stage:
        (stage / "n.txt").write_text("trasig")
        raise RuntimeError("bygget misslyckades")

    assert (out / "n.txt").read_text() == "4"
    # Nothing left behind. (An incremental build recycles the rollback copy, so after a
    # failed one only the live build may remain.)
    assert publish.live_dir(out).name in build_dirs(out)
    assert set(build_dirs(out)) <= set(before)


def test_an_incremental_build_starts_from_a_copy_of_the_live_output(tmp_path):
    out = tmp_path / "build"
    with publish.staged(out, incremental=True) as stage:
        (stage / "page.html").write_text("först")
    live = publish.live_dir(out)

    with publish.staged(out, incremental=True) as stage:
        assert (stage / "page.html").read_text() == "först"
        assert (stage / "page.html").stat().st_ino != (live / "page.html").stat().st_ino
        (stage / "page.html").write_text("sedan")  # rewritten in place, as MkDocs does

    assert (live / "page.html").read_text() == "först"  # the previous build is untouched
    assert (out / "page.html").read_text() == "sedan"
