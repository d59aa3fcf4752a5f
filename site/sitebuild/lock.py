"""One build at a time: an exclusive lock on a file beside the folder a build writes.

``hub build`` holds the lock of ``content/`` and of the output (``site/build``) from its
pull to its publish, ``hub pull`` that of ``content/``. The lock is the kernel's
(``fcntl.flock``): it ends with the process that holds it, however that process ends, so a
killed build never leaves a stale lock behind. The file also says who holds it and since
when, for the message a second build gets.
"""

from __future__ import annotations

import datetime as dt
import fcntl
import json
import os
import time
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path
from zoneinfo import ZoneInfo

from swedish import swedish_date

TIMEZONE = ZoneInfo("Europe/Stockholm")
#: How often a waiting build tries the lock again (seconds).
POLL = 0.2


class BuildBusy(RuntimeError):
    """Another build holds the lock; the message says since when."""


def lock_file(folder: Path) -> Path:
    """The lock file of a folder: ``content/`` → ``.content.lock`` beside it (never inside
    it: ``hub build --full`` removes the folder)."""
    folder = Path(folder).absolute()
    return folder.parent / f".{folder.name}.lock"


@contextmanager
def holding(*folders: Path, wait: float = 0) -> Iterator[None]:
    """Hold the locks of ``folders`` (in this order) for the block. If another process
    holds one, wait up to ``wait`` seconds for it, then raise ``BuildBusy``."""
    with ExitStack() as stack:
        for folder in folders:
            stack.enter_context(_locked(lock_file(folder), wait))
        yield


@contextmanager
def _locked(path: Path, wait: float) -> Iterator[None]:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        give_up = time.monotonic() + wait
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= give_up:
                    raise BuildBusy(_busy_message(path)) from None
                time.sleep(POLL)
        holder = {"pid": os.getpid(), "since": dt.datetime.now(dt.UTC).isoformat()}
        data = json.dumps(holder).encode()
        os.pwrite(fd, data, 0)
        os.ftruncate(fd, len(data))
        yield
    finally:
        os.close(fd)  # releases the lock


def _busy_message(path: Path) -> str:
    for _attempt in range(20):  # the holder may be writing who it is right now
        try:
            holder = json.loads(path.read_text(encoding="utf-8"))
            since = dt.datetime.fromisoformat(holder["since"]).astimezone(TIMEZONE)
            break
        except (OSError, ValueError, KeyError, TypeError):
            time.sleep(POLL / 4)
    else:
        return f"Ett bygge pågår redan ({path.name} är låst). Försök igen när det är klart."
    return (
        f"Ett bygge pågår redan sedan {swedish_date(since.date())} kl. "
        f"{since:%H:%M:%S} (process {holder.get('pid')}). Försök igen när det är klart."
    )
