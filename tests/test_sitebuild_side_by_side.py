"""Work side by side (sitebuild/parallel.py): helpers' answers, or why there is none."""

from __future__ import annotations

import gc
import os
import sys
from concurrent.futures.process import BrokenProcessPool

import pytest

from sitebuild import parallel

pytestmark = pytest.mark.skipif(not parallel.available(), reason="needs fork")


def _double(values):
    return [2 * v for v in values]


def _fail(path):
    raise IsADirectoryError(21, "Is a directory", path)


def _die():
    os._exit(3)


def test_helpers_answer_with_what_their_functions_returned_in_order():
    mine, theirs = parallel.run_beside(lambda: "här", [(_double, ([1, 2],)), (_double, ([3],))])
    assert (mine, theirs) == ("här", [[2, 4], [6]])


def test_without_helpers_the_work_runs_here_alone():
    assert parallel.run_beside(lambda: 1, []) == (1, [])


def test_an_error_in_a_helper_is_raised_here_with_its_message():
    with pytest.raises(IsADirectoryError, match="case/x/index.md"):
        parallel.run_beside(lambda: None, [(_fail, ("case/x/index.md",))])


def test_a_helper_that_dies_fails_clearly():
    with pytest.raises(BrokenProcessPool):
        parallel.run_beside(lambda: None, [(_die, ())])


def test_an_error_here_is_raised_after_the_helpers_are_done():
    def fail_here():
        raise ValueError("här")

    with pytest.raises(ValueError, match="här"):
        parallel.run_beside(fail_here, [(_double, ([1],))])


def _frozen_objects(_):
    return gc.get_freeze_count()


def test_what_the_helpers_inherit_is_out_of_the_collectors_reach_until_they_are_done():
    """gc.freeze() before the fork (the helpers' collector then leaves the inherited objects,
    and their memory pages, alone); gc.unfreeze() afterwards, also after an error."""
    here, [there] = parallel.run_beside(gc.get_freeze_count, [(_frozen_objects, (None,))])
    assert here > 0 and there > 0
    assert gc.get_freeze_count() == 0
    with pytest.raises(IsADirectoryError):
        parallel.run_beside(lambda: None, [(_fail, ("x",))])
    assert gc.get_freeze_count() == 0


def test_commands_run_side_by_side_and_report_each_outcome():
    done = parallel.run_commands(
        [
            [sys.executable, "-c", "print('ett')"],
            [sys.executable, "-c", "import sys; sys.exit('två')"],
        ]
    )
    assert [(d.returncode, d.stdout.strip(), d.stderr.strip()) for d in done] == [
        (0, "ett", ""),
        (1, "", "två"),
    ]


def test_workers_follow_the_setting_and_the_cpus(monkeypatch):
    monkeypatch.setenv("HUB_RENDER_WORKERS", "3")
    assert parallel.workers() == 3
    monkeypatch.setenv("HUB_RENDER_WORKERS", "")
    assert 1 <= parallel.workers() <= parallel.MAX_WORKERS
