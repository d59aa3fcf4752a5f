"""Limits that keep a build from hanging or swallowing memory when it runs unattended.

* A **time limit per build** (``HUB_BUILD_TIME_LIMIT``, seconds) and **per API request**
  (``HUB_REQUEST_TIME_LIMIT``): however slowly a server answers, even one byte at a time,
  the work stops at its limit with a Swedish message naming what ran out of time.
* A **size limit per response** (``HUB_RESPONSE_SIZE_LIMIT_MB``): a response is read in
  chunks and refused as soon as it is larger, so a huge answer never fills the memory.

Time limits are an interval timer (``SIGALRM``), so they also interrupt a read that never
returns and the render of a page; they are armed only in a process's main thread (signals
are delivered there), which is where ``hub build`` and its worker run. Elsewhere the client
still checks the request's limit between the chunks of a response.
"""

from __future__ import annotations

import os
import signal
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

BUILD_TIME_LIMIT = 1800.0
REQUEST_TIME_LIMIT = 120.0
RESPONSE_SIZE_LIMIT_MB = 100


class TimeLimitExceeded(BaseException):
    """Work went on past its time limit. A ``BaseException``, like ``KeyboardInterrupt``,
    so that nothing on the way (the in-process CMS answers errors with a 500 page) turns
    it into something else; ``hub build`` reports it and exits."""


def _setting(name: str, default: float) -> float:
    raw = os.environ.get(name, "").strip()
    if not raw:
        return default
    try:
        value = float(raw)
    except ValueError:
        raise ValueError(
            f"{name} ska vara ett tal (sekunder eller megabyte), inte {raw!r}"
        ) from None
    if value <= 0:
        raise ValueError(f"{name} ska vara större än noll, inte {raw!r}")
    return value


def build_time_limit() -> float:
    return _setting("HUB_BUILD_TIME_LIMIT", BUILD_TIME_LIMIT)


def request_time_limit() -> float:
    return _setting("HUB_REQUEST_TIME_LIMIT", REQUEST_TIME_LIMIT)


def response_size_limit() -> int:
    return int(_setting("HUB_RESPONSE_SIZE_LIMIT_MB", RESPONSE_SIZE_LIMIT_MB) * 2**20)


#: The limits armed in this process, innermost last: (end on the monotonic clock,
#: the exception to raise then).
_armed: list[tuple[float, BaseException]] = []


def _on_alarm(signum, frame) -> None:
    now = time.monotonic()
    for end, error in _armed:
        if end <= now + 0.001:  # the outermost limit that has run out
            raise error
    _arm()  # woken early (a limit set before this one was left): wait for the next end


def _arm() -> None:
    if _armed:
        remaining = min(end for end, _error in _armed) - time.monotonic()
        signal.setitimer(signal.ITIMER_REAL, max(remaining, 0.001))
    else:
        signal.setitimer(signal.ITIMER_REAL, 0)


@contextmanager
def time_limit(
    seconds: float, message: str, error: type[TimeLimitExceeded] = TimeLimitExceeded
) -> Iterator[None]:
    """Raise ``error(message)`` in this block once ``seconds`` have passed.

    Limits nest: when an outer one runs out first, its own error is raised. Outside the
    main thread the block runs without a timer."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGALRM, _on_alarm)
    _armed.append((time.monotonic() + seconds, error(message)))
    _arm()
    try:
        yield
    finally:
        _armed.pop()
        _arm()
        if not _armed:
            signal.signal(signal.SIGALRM, previous)
