"""Work in a forked copy (sitebuild/forked.py): its answer, or why there is none."""

from __future__ import annotations

import os
import time

import pytest

from sitebuild.forked import Child, ChildFailed

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork")


def _double(values):
    return [2 * v for v in values]


def _fail(path):
    raise IsADirectoryError(21, "Is a directory", path)


def _die():
    os._exit(3)


def _sleep():
    time.sleep(30)
    return "late"


def test_the_copy_answers_with_what_the_function_returned():
    child = Child(_double, [1, 2, 3])
    assert child.result() == [2, 4, 6]


def test_an_error_in_the_copy_is_raised_here_with_its_message():
    with pytest.raises(ChildFailed, match="case/x/index.md"):
        Child(_fail, "case/x/index.md").result()


def test_a_copy_that_ends_without_an_answer_fails_clearly():
    with pytest.raises(ChildFailed, match="avbröts"):
        Child(_die).result()


def test_a_copy_no_longer_wanted_is_stopped_at_once():
    started = time.monotonic()
    child = Child(_sleep)
    child.stop()
    assert time.monotonic() - started < 5
    with pytest.raises(ChildProcessError):
        os.waitpid(child.pid, os.WNOHANG)  # already reaped
