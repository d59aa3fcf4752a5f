"""Atomic publishing of a built site.

The live output path (``site/build`` by default) is a symbolic link to one complete build
directory beside it. A new build is made in a fresh directory (a copy of the live one for
incremental builds: real copies, never hard links, because MkDocs rewrites files in place)
and the link is swapped with one ``rename``. A failed build removes its own directory and
leaves the live output exactly as it was.
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
    stage = _new_build_dir(out)
    try:
        if incremental and current is not None:
            shutil.copytree(
                current, stage, symlinks=True, copy_function=shutil.copy2, dirs_exist_ok=True
            )
        yield stage
    except BaseException:
        shutil.rmtree(stage, ignore_errors=True)
        raise
    _swap(out, stage)
    _prune(out)


def _new_build_dir(out: Path) -> Path:
    """A new, empty directory beside ``out``; names sort by age. Never an existing one (two
    builds can start within one second): the clean-up after a failure removes this
    directory, and it must not be the live output."""
    while True:
        now = time.time_ns()
        stamp = time.strftime("%Y%m%d-%H%M%S", time.localtime(now // 10**9))
        path = out.parent / f".{out.name}-{stamp}-{now % 10**9:09d}-{os.getpid()}"
        try:
            path.mkdir()
        except FileExistsError:
            continue
        return path


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
