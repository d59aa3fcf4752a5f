"""Atomic publishing of a built site.

The live output path (``site/build`` by default) is a symbolic link to one complete build
directory beside it. A new build is made in another directory and the link is swapped with
one ``rename``. A failed build removes its own directory and leaves the live output exactly
as it was.

For an incremental build the new directory must start as an exact copy of the live one
(real copies, never hard links, because MkDocs rewrites files in place; file times kept,
because MkDocs' dirty build compares them). Copying a whole 10 000-page site costs more
than rendering one page, so the previous build — kept beside the live one for rollback —
is recycled: it is renamed to the new build's name and brought level with the live one by
copying only the files that differ (size or modification time) and deleting the extra.
"""

from __future__ import annotations

import os
import shutil
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

    With ``incremental`` the new directory starts as a copy of the live output (file times
    preserved, so MkDocs' dirty build can tell what is stale).
    """
    out = out.absolute()
    out.parent.mkdir(parents=True, exist_ok=True)
    current = live_dir(out)
    spare = _spare(out, current) if incremental and current is not None else None
    stage = _new_build_dir(out, reuse=spare)
    try:
        if incremental and current is not None:
            if spare is not None:
                sync_tree(current, stage)
            else:
                shutil.copytree(
                    current,
                    stage,
                    symlinks=True,
                    copy_function=shutil.copy2,
                    dirs_exist_ok=True,
                )
        yield stage
    except BaseException:
        shutil.rmtree(stage, ignore_errors=True)
        raise
    _swap(out, stage)
    _prune(out)


def _spare(out: Path, live: Path) -> Path | None:
    """The newest earlier build that is not live (the rollback copy), to be recycled."""
    earlier = [p for p in _builds(out) if p != live and p.is_dir() and not p.is_symlink()]
    return earlier[-1] if earlier else None


def _new_build_dir(out: Path, reuse: Path | None = None) -> Path:
    """A new directory beside ``out``; names sort by age. Never an existing one (two builds
    can start within one second): the clean-up after a failure removes this directory, and
    it must not be the live output. With ``reuse``, that directory is renamed to it."""
    while True:
        now = time.time_ns()
        stamp = time.strftime("%Y%m%d-%H%M%S", time.localtime(now // 10**9))
        path = out.parent / f".{out.name}-{stamp}-{now % 10**9:09d}-{os.getpid()}"
        if path.exists():
            continue
        if reuse is not None:
            reuse.rename(path)
            return path
        try:
            path.mkdir()
        except FileExistsError:
            continue
        return path


def _scan(root: Path) -> tuple[dict[str, tuple[int, int]], list[str]]:
    """``{relative path: (size, mtime_ns)}`` of every file (and symlink) under ``root``, and
    every folder's relative path (plain strings throughout: this runs over every file of
    the site on each incremental build)."""
    found: dict[str, tuple[int, int]] = {}
    folders: list[str] = []
    stack = [(os.fspath(root), "")]
    while stack:
        folder, prefix = stack.pop()
        with os.scandir(folder) as entries:
            for entry in entries:
                rel = prefix + entry.name
                if entry.is_dir(follow_symlinks=False):
                    folders.append(rel)
                    stack.append((entry.path, rel + "/"))
                else:
                    st = entry.stat(follow_symlinks=False)
                    found[rel] = (st.st_size, st.st_mtime_ns)
    return found, folders


def sync_tree(src: Path, dst: Path) -> int:
    """Make ``dst`` an exact copy of ``src``, copying only files whose size or time differ.
    Returns the number of files copied or removed."""
    (have, have_folders), (want, want_folders) = _scan(dst), _scan(src)
    changed = 0
    for rel, meta in want.items():
        if have.get(rel) != meta:
            target = dst / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            if target.is_symlink() or target.is_file():
                target.unlink()
            shutil.copy2(src / rel, target, follow_symlinks=False)
            changed += 1
    for rel in have.keys() - want.keys():
        (dst / rel).unlink()
        changed += 1
    for rel in sorted(set(have_folders) - set(want_folders), reverse=True):
        folder = dst / rel
        if folder.is_dir() and not any(folder.iterdir()):
            folder.rmdir()
    return changed


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
    live = live_dir(out)
    old = [p for p in _builds(out) if p != live and not p.name.endswith(".link")]
    for path in old[: max(0, len(old) - KEEP_PREVIOUS)]:
        shutil.rmtree(path, ignore_errors=True)
