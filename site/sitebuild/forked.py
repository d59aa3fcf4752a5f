"""Work done by a forked copy of this process, its answer sent back on a pipe.

The render, the pull's file writes and the API requests fetched ahead (a stream of
answers rather than one JSON result) each split their work with such a copy, so that a
full build uses both cores of a small machine. The copy only runs the function it was
given and always ends in ``os._exit``: it never returns into the caller's code, runs no
exit handlers, and never touches the database connections it inherited.
"""

from __future__ import annotations

import json
import os
import signal
from collections.abc import Callable
from typing import Any, BinaryIO


class ChildFailed(RuntimeError):
    """The copy raised, or ended without an answer; the message says what happened."""


def available() -> bool:
    return hasattr(os, "fork")


class Child:
    """``fn(*args)`` running in a forked copy; ``result()`` waits for what it returned.

    ``Child.streaming(work)`` runs ``work(pipe)`` instead, which writes what it likes to
    the binary ``pipe``; this process reads it from ``child.pipe``."""

    def __init__(self, fn: Callable[..., Any], *args: Any):
        def work(pipe: BinaryIO) -> None:
            try:
                report = {"result": fn(*args)}
            except BaseException as exc:  # reported to the parent, which raises it
                report = {"error": str(exc) or type(exc).__name__}
            pipe.write(json.dumps(report).encode())

        self._start(work)

    @classmethod
    def streaming(cls, work: Callable[[BinaryIO], None]) -> Child:
        child = cls.__new__(cls)
        child._start(work)
        return child

    def _start(self, work: Callable[[BinaryIO], None]) -> None:
        read_fd, write_fd = os.pipe()
        pid = os.fork()
        if pid:
            os.close(write_fd)
            self.pid, self.pipe = pid, os.fdopen(read_fd, "rb")
            return
        code = 1
        try:
            os.close(read_fd)
            signal.signal(signal.SIGTERM, signal.SIG_DFL)
            with os.fdopen(write_fd, "wb") as pipe:
                work(pipe)
            code = 0
        finally:
            os._exit(code)

    def result(self) -> Any:
        """What ``fn`` returned; ``ChildFailed`` with its message if it raised."""
        with self.pipe:
            data = self.pipe.read()
        _pid, status = os.waitpid(self.pid, 0)
        try:
            report = json.loads(data)
        except ValueError:
            report = {}
        if "error" in report:
            raise ChildFailed(report["error"])
        if os.waitstatus_to_exitcode(status) != 0 or "result" not in report:
            raise ChildFailed(f"En arbetsprocess avbröts (status {status}).")
        return report["result"]

    def stop(self) -> None:
        """End the copy now (its work is no longer wanted)."""
        try:
            os.kill(self.pid, signal.SIGTERM)
        except ProcessLookupError:
            pass
        self.pipe.close()
        os.waitpid(self.pid, 0)
