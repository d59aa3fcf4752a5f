"""Atomic publishing of a built site.

The live output path (``site/build`` by default) is a symbolic link to one complete build
directory beside it. A new build is made in another directory and the link is swapped with
one ``rename``. A failed build removes its own directory and leaves the live output exactly
as it was.

For an incremental build the new directory starts as a tree of **hard links** to the live
one's files (file times come along, which MkDocs' dirty build compares). Copying a whole
10 000-page site costs seconds more than rendering one page; linking it costs a fraction.
The rule that makes this safe: **nothing writes into a file of a stage, everything that
changes a file replaces it** (removes it first, or writes a new file and renames it over
the old one), so the live build's files are never written through. The hub plugin removes
each page's, template's and static file's output before MkDocs writes it (plugin.py); the
search index writes its files anew (search.py); tests check that the previous build is
byte for byte unchanged after an incremental build.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

KEEP_PREVIOUS = 1  # older builds kept beside the live one, for a quick manual rollback


def live_dir(out: Path) -> Path | None:
    """The directory the live output currently is (None before the first build)."""
    if out.is_symlink():
        target = out.resolve()
        return target if target.is_dir() else None
    return out if out.is_dir() else None


def _builds(out: Path) -> list[Path]:
    return sorted(out.parent.glob(f".{out.name}-*"), key=lambda p: p.name)


@contextmanager
def staged(out: Path, *, incremental: bool) -> Iterator[Path]:
    """Yield a fresh directory to build into; on success make it the live output.

    With ``incremental`` the new directory starts as hard links to the live output's files
    (see the module's docstring: replace files in it, never write into them).
    """
    out = out.absolute()
    out.parent.mkdir(parents=True, exist_ok=True)
    current = live_dir(out)
    stage = _new_build_dir(out)
    try:
        if incremental and current is not None:
            link_tree(current, stage)
        yield stage
    except BaseException:
        shutil.rmtree(stage, ignore_errors=True)
        raise
    _swap(out, stage)
    _prune(out)


def _new_build_dir(out: Path) -> Path:
    """A new directory beside ``out``; names sort by age. Never an existing one (two builds
    can start within one second): the clean-up after a failure removes this directory, and
    it must not be the live output."""
    while True:
        now = time.time_ns()
        stamp = time.strftime("%Y%m%d-%H%M%S", time.localtime(now // 10**9))
        path = out.parent / f".{out.name}-{stamp}-{now % 10**9:09d}-{os.getpid()}"
        try:
            path.mkdir()
        except FileExistsError:
            continue
        return path


def link_tree(src: Path, dst: Path) -> None:
    """Fill ``dst`` with hard links to every file under ``src`` (symbolic links copied as
    links); where the file system cannot link, a copy with its times."""
    root = os.fspath(src)
    for folder, dirs, files in os.walk(root):
        rel = os.path.relpath(folder, root)
        target = os.path.join(dst, rel) if rel != "." else os.fspath(dst)
        for name in dirs:
            source = os.path.join(folder, name)
            if os.path.islink(source):
                os.symlink(os.readlink(source), os.path.join(target, name))
            else:
                os.mkdir(os.path.join(target, name))
        dirs[:] = [d for d in dirs if not os.path.islink(os.path.join(folder, d))]
        for name in files:
            source, link = os.path.join(folder, name), os.path.join(target, name)
            if os.path.islink(source):
                os.symlink(os.readlink(source), link)
                continue
            try:
                os.link(source, link)
            except OSError:
                shutil.copy2(source, link)


def _swap(out: Path, stage: Path) -> None:
    if out.exists() and not out.is_symlink():
        # A plain directory from elsewhere (or an old layout): keep it as a previous build.
        out.rename(out.parent / f".{out.name}-0-previous")
    tmp_link = out.parent / f".{out.name}.link-{os.getpid()}"
    if tmp_link.is_symlink() or tmp_link.exists():
        tmp_link.unlink()
    tmp_link.symlink_to(stage.name)
    os.replace(tmp_link, out)  # atomic on POSIX: readers see the old or the new site


def _prune(out: Path) -> None:
    """Remove builds older than the ones kept. Removing 10 000 pages' files takes seconds
    that nobody needs to wait for: the folders are renamed out of the way (instantly) and
    removed by a process of their own, which outlives this one. Whatever it leaves (a
    machine stopped meanwhile) the next build's prune removes."""
    live = live_dir(out)
    old = [p for p in _builds(out) if p != live and not p.name.endswith(".link")]
    trash = sorted(out.parent.glob(f".{out.name}.trash-*"))
    for path in old[: max(0, len(old) - KEEP_PREVIOUS)]:
        target = out.parent / f".{out.name}.trash-{path.name}"
        path.rename(target)
        trash.append(target)
    if trash:
        subprocess.Popen(
            [sys.executable, "-c", _REMOVE, *map(os.fspath, trash)],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,  # not stopped with this process, nor by its Ctrl-C
        )


_REMOVE = "import shutil, sys\nfor path in sys.argv[1:]:\n    shutil.rmtree(path, True)"
