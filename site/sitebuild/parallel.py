"""Work side by side, in one place: the standard library's process pool and subprocesses.

A full build of a big site renders with MkDocs in several processes (``run_beside``, from
``render.run``) and makes its search index with several Pagefind processes
(``run_commands``, from ``render.search_index``): at 10 000 pages the render is most of a
build and one MkDocs or Pagefind process uses one core. A full pull writes its files from
two processes (``run_beside``, from ``pull.puller``). The pull once also fetched API
requests ahead in a forked copy of itself, over a pipe of its own making; A/B runs of
``make bench`` at 10 000 cases showed no gain of 10 % from that, and it is gone (the
figures are in the history of this file).

Helper processes are made with ``fork`` (named explicitly, not left to the platform's
default): a copy of this process has the configuration and the code it needs without
importing anything again, and runs only the function it was handed; the function's
arguments and result travel pickled, through the pool's own queues.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import subprocess
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from typing import Any, TypeVar

START_METHOD = "fork"
#: At most this many processes, whatever the machine has.
MAX_WORKERS = 4

T = TypeVar("T")


def available() -> bool:
    return START_METHOD in multiprocessing.get_all_start_methods()


def workers() -> int:
    """How many processes share a full build: ``HUB_RENDER_WORKERS``, else one per CPU
    this process may use (at most ``MAX_WORKERS``), and one where ``fork`` is missing."""
    if not available():
        return 1
    wanted = os.environ.get("HUB_RENDER_WORKERS", "")
    if wanted.strip():
        return max(1, int(wanted))
    cpus = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return max(1, min(MAX_WORKERS, cpus or 1))


def run_beside(
    here: Callable[[], T], elsewhere: list[tuple[Callable[..., Any], tuple]]
) -> tuple[T, list[Any]]:
    """Call ``here()`` in this process while each ``(fn, args)`` of ``elsewhere`` runs in a
    process of its own; ``here``'s result and theirs, in order.

    An exception in a helper is raised here when its result is asked for (the pool sends
    it back); a helper that dies raises ``BrokenProcessPool``. If ``here`` fails, helpers
    that have not started are cancelled and running ones are waited for, so no process of
    this build outlives it."""
    if not elsewhere:
        return here(), []
    context = multiprocessing.get_context(START_METHOD)
    # What this process holds when the helpers are made is theirs too, shared until written.
    # The garbage collector writes to every object it examines, so the objects there are
    # now are moved out of its reach first (as the gc module's documentation advises
    # before a fork), and given back when the helpers are done.
    gc.freeze()
    try:
        with ProcessPoolExecutor(max_workers=len(elsewhere), mp_context=context) as pool:
            futures = [pool.submit(fn, *args) for fn, args in elsewhere]
            try:
                mine = here()
            except BaseException:
                pool.shutdown(wait=True, cancel_futures=True)
                raise
            return mine, [future.result() for future in futures]
    finally:
        gc.unfreeze()


def run_commands(commands: list[list[str]]) -> list[subprocess.CompletedProcess]:
    """Run every command at the same time and wait for all of them; their output as text.
    If waiting is interrupted (an error, a time limit), the ones still running are killed."""
    running: list[tuple[list[str], subprocess.Popen]] = []
    try:
        for command in commands:
            process = subprocess.Popen(
                command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
            )
            running.append((command, process))
        done = []
        for command, process in running:
            stdout, stderr = process.communicate()
            done.append(subprocess.CompletedProcess(command, process.returncode, stdout, stderr))
        return done
    finally:
        for _command, process in running:
            if process.poll() is None:
                process.kill()
                process.wait()
