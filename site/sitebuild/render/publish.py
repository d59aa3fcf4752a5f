"""Atomic publishing of a built site.

The live output path (``site/build`` by default) is a symbolic link to one complete build
directory beside it. A new build is made in another directory and the link is swapped with
one ``rename``. A failed build removes its own directory and leaves the live output exactly
as it was.

A build is made in a *partial* directory (``.build.partial-…``) and gets its final name
(``.build-<UTC time>-…``, which sorts by age) only once it is complete, just before the
swap. So a build that was killed half-way leaves a partial directory, never one that looks
like a build: it never becomes the rollback copy, and the next build (which holds the lock,
``lock.py``, so no other build is running) removes it.

For an incremental build the new directory starts as a tree of **hard links** to the live
one's files (file times come along, which MkDocs' dirty build compares). Copying a whole
10 000-page site costs seconds more than rendering one page; linking it costs a fraction, and
less again when the new directory is an older build's, recycled (``RECYCLED``; only what the
builds since changed is linked anew). The rule that makes this safe: **nothing writes into a
file of a stage**. Every write of a build goes through one of two functions here:
``replace_file`` for what the build step writes itself (the search index's ``search.json``;
Pagefind writes its bundles into new folders), and ``detach`` for what MkDocs writes (pages,
static templates such as the sitemap and 404 page, theme assets and copied files such as the
feeds): the plugin detaches each of those outputs from the live build just before MkDocs
writes it (``render.plugin``). A test builds incrementally and checks that every file of the
previous build keeps its bytes and its inode.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from ..files import replace_file

__all__ = ["detach", "replace_file", "staged", "live_dir", "link_tree", "partial_prefix"]

KEEP_PREVIOUS = 1  # older builds kept beside the live one, for a quick manual rollback
#: One build older than those is kept to be recycled as the next incremental build's stage
#: (``staged``): a build that fails removes its stage, and the rollback copies stay.
RECYCLED = 1


def live_dir(out: Path) -> Path | None:
    """The directory the live output currently is (None before the first build)."""
    if out.is_symlink():
        target = out.resolve()
        return target if target.is_dir() else None
    return out if out.is_dir() else None


def detach(path: Path) -> None:
    """Remove ``path`` (if it is there) so that whoever writes it next makes a new file:
    in a stage it may be a hard link to the live build's file, which must keep its bytes."""
    try:
        os.unlink(path)
    except (FileNotFoundError, NotADirectoryError):
        pass


def _builds(out: Path) -> list[Path]:
    return sorted(out.parent.glob(f".{out.name}-*"), key=lambda p: p.name)


def partial_prefix(out: Path) -> str:
    """The name prefix of everything a build makes beside ``out`` before it is complete:
    its stage and any scratch folder of its own (``search_index.py``)."""
    return f".{Path(out).name}.partial-"


@contextmanager
def staged(out: Path, *, incremental: bool) -> Iterator[Path]:
    """Yield a fresh directory to build into; on success make it the live output.

    With ``incremental`` the new directory starts as hard links to the live output's files
    (see the module's docstring: replace files in it, never write into them); it is the
    oldest build's directory, recycled, where there is one beyond the rollback copies.
    """
    out = out.absolute()
    out.parent.mkdir(parents=True, exist_ok=True)
    _remove_partial(out)  # left by a build that was killed: none is running now (the lock)
    current = live_dir(out)
    name = _new_build_name(out)
    stage = out.parent / f"{partial_prefix(out)}{name}"
    older = [p for p in _builds(out) if p != current] if incremental and current else []
    if len(older) > KEEP_PREVIOUS:
        # The oldest build becomes the stage, brought up to date with the live one by
        # link_tree; the newer ones stay for a rollback.
        older[0].rename(stage)
    else:
        stage.mkdir()
    try:
        if incremental and current is not None:
            link_tree(current, stage)
        yield stage
    except BaseException:
        shutil.rmtree(stage, ignore_errors=True)
        raise
    complete = out.parent / f".{out.name}-{name}"
    stage.rename(complete)
    _swap(out, complete)
    _prune(out)


def _new_build_name(out: Path) -> str:
    """A new build's name: the time in UTC (one clock for every command, so names sort by
    age), nanoseconds and the process, never that of an existing build."""
    while True:
        now = time.time_ns()
        stamp = time.strftime("%Y%m%dT%H%M%SZ", time.gmtime(now // 10**9))
        name = f"{stamp}-{now % 10**9:09d}-{os.getpid()}"
        if not (out.parent / f".{out.name}-{name}").exists():
            return name


def _remove_partial(out: Path) -> None:
    leftovers = list(out.parent.glob(f"{partial_prefix(out)}*"))
    if leftovers:
        _remove_aside(out, leftovers)


def link_tree(src: Path, dst: Path) -> None:
    """Make the folder ``dst`` hold hard links to exactly the files under ``src`` (symbolic
    links copied as links; where the file system cannot link, a copy with its times).

    Only what differs is touched. A fresh ``dst`` gets a link for every file; the previous
    build, recycled as the stage (``staged``), differs from the live one by what one build
    changed, so bringing it up to date costs a walk of both trees (no system call per
    file: the inode comes with the folder listing) and a few links, where a fresh tree
    costs a new folder for every page (seconds at 10 000 pages)."""
    want, have = _tree(src), _tree(dst)
    for rel, identity in have.files.items():
        if want.files.get(rel) != identity:
            os.unlink(dst / rel)
    for rel in sorted(have.dirs - want.dirs, reverse=True):  # the deepest first
        os.rmdir(dst / rel)
    for rel in sorted(want.dirs - have.dirs):  # parents first
        os.mkdir(dst / rel)
    for rel, identity in want.files.items():
        if have.files.get(rel) == identity:
            continue
        source, link = src / rel, dst / rel
        if isinstance(identity, str):  # a symbolic link: its target
            os.symlink(identity, link)
            continue
        try:
            os.link(source, link)
        except OSError:
            shutil.copy2(source, link)


@dataclass
class _Tree:
    files: dict[str, int | str]  # relative path → inode, or a symbolic link's target
    dirs: set[str]


def _tree(root: Path) -> _Tree:
    tree = _Tree({}, set())
    pending = [""]
    while pending:
        rel = pending.pop()
        with os.scandir(root / rel if rel else root) as entries:
            for entry in entries:
                path = f"{rel}/{entry.name}" if rel else entry.name
                if entry.is_symlink():
                    tree.files[path] = os.readlink(entry.path)
                elif entry.is_dir():
                    tree.dirs.add(path)
                    pending.append(path)
                else:
                    tree.files[path] = entry.inode()
    return tree


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
    _remove_aside(out, old[: max(0, len(old) - KEEP_PREVIOUS - RECYCLED)])


def _remove_aside(out: Path, paths: list[Path]) -> None:
    """Rename ``paths`` out of the way and remove them (with any earlier leftovers) in a
    process of their own."""
    trash = sorted(out.parent.glob(f".{out.name}.trash-*"))
    for path in paths:
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
