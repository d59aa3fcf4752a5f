"""Publish → rebuild: changes queue a build of the public site; the worker runs it.

``request_build`` is what every trigger calls (``cms.publishing.signals``, the "Bygg
webbplatsen nu" button): after the change's transaction commits, it adds the change to the
build that is waiting, or queues a new build and the task that runs it. ``run_build`` is
that task, run by ``hub worker``:

1. Debounce: a change after a quiet spell is built at once; otherwise the build waits
   until no change has come in for ``HUB_BUILD_DEBOUNCE`` seconds (at most
   ``HUB_BUILD_MAX_WAIT`` after it was queued), so a burst of publishes makes one build.
2. It takes the build step's lock, which keeps one build at a time across processes
   (another worker, a ``hub build`` in a terminal): a second one waits for the first.
3. It marks the build running. Changes from then on queue the next build, which runs after
   this one with all of them: a burst gives at most two builds, and the last has everything.
4. It builds (``sitebuild.build``): pull over HTTP from this process's CMS, render, swap,
   and records the figures, or the error. A failed build leaves the live site as it was,
   and the next change's build publishes everything the failed one missed.
5. After a successful swap it runs ``HUB_PUBLISH_COMMAND`` (if set), e.g. an ``rsync`` of
   the new build to a web server; its failure is recorded on the build.
"""

from __future__ import annotations

import contextvars
import datetime as dt
import logging
import shlex
import subprocess
import time
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone
from django_tasks import task

from .models import BuildTrigger, SiteBuild

logger = logging.getLogger(__name__)

#: Longest error text kept on a build (the end of it, where the cause is).
ERROR_CHARS = 4000


def request_build(what: str, user=None, *, full: bool = False) -> None:
    """Ask for a build once the current transaction commits (at once outside one): ``what``
    says in Swedish what changed, ``user`` who changed it (``None``: the system). Inside
    ``one_build`` the request is collected instead, and that one build has it."""
    if not getattr(settings, "HUB_BUILD_ON_PUBLISH", True):
        return
    collecting = _collecting.get()
    if collecting is not None:
        collecting.requests += 1
        collecting.full = collecting.full or full
        return
    user_id = user.pk if user is not None and user.is_authenticated else None
    transaction.on_commit(lambda: _queue(what, user_id, full), robust=True)


@dataclass
class OneBuild:
    """The changes ``one_build`` has collected so far."""

    what: str
    user: object = None
    requests: int = 0
    full: bool = False


_collecting: contextvars.ContextVar[OneBuild | None] = contextvars.ContextVar(
    "hub_one_build", default=None
)


@contextmanager
def one_build(what: str, user=None):
    """Make every build requested inside this block one request, with one trigger saying
    ``what`` (e.g. "Import av caseregistret: 12 nya, 3 ändrade"), made when the block ends
    without an error if anything inside asked for a build. A bulk change (an import of
    hundreds of records) so queues one trigger and one task, not one per record."""
    collected = OneBuild(what=what, user=user)
    token = _collecting.set(collected)
    try:
        yield collected
    finally:
        _collecting.reset(token)
    if collected.requests:
        request_build(collected.what, user, full=collected.full)


def _queue(what: str, user_id: int | None, full: bool) -> SiteBuild:
    """Add the change to the waiting build, or queue a build; then queue the task that runs
    the waiting build. (Every change queues one, so a build whose task was lost, say to a
    crash between the two inserts, still runs; the tasks after the first find nothing
    waiting and end at once.)"""
    for _attempt in range(5):
        build = SiteBuild.objects.filter(status=SiteBuild.Status.QUEUED).first()
        if build is None:
            try:
                with transaction.atomic():
                    build = SiteBuild.objects.create(full=full)
            except IntegrityError:  # another process queued one this instant: join it
                continue
        elif full and not build.full:
            SiteBuild.objects.filter(pk=build.pk).update(full=True)
        # Whether the waiting build starts before or after this row is written, it pulls
        # after the change committed, so it has the change.
        BuildTrigger.objects.create(build=build, what=what[:300], user_id=user_id)
        run_build.enqueue(build.pk)
        return build
    raise RuntimeError("Kunde inte köa ett bygge av webbplatsen.")


@task()
def run_build(build_id: int) -> str:
    """Run the waiting build ``build_id`` (if no one else has): the task ``request_build``
    queues. Returns the build's status."""
    from sitebuild.lock import holding

    if not _wait_for_quiet(build_id):
        return "not queued"
    # The build lock first, then "running": a build marked running always holds the lock,
    # so one that is marked running while the lock is free was stopped (recover_interrupted).
    with holding(*folders(), wait=settings.HUB_BUILD_LOCK_WAIT):
        claimed = SiteBuild.objects.filter(pk=build_id, status=SiteBuild.Status.QUEUED).update(
            status=SiteBuild.Status.RUNNING, started_at=timezone.now()
        )
        if not claimed:
            return "not queued"
        site_build = SiteBuild.objects.get(pk=build_id)
        try:
            summary = _build(site_build.full)
        except Exception as exc:  # recorded on the build; the live site is unchanged
            logger.exception("Bygget %s misslyckades", build_id)
            _finish(site_build, SiteBuild.Status.FAILED, error=_describe(exc))
            return site_build.status
        error = "" if summary.skipped else _after_publish()
    _finish(
        site_build,
        SiteBuild.Status.FAILED if error else SiteBuild.Status.DONE,
        items_fetched=summary.pulled.fetched,
        pages_rendered=summary.rendered,
        error=error,
    )
    return site_build.status


def _wait_for_quiet(build_id: int) -> bool:
    """Wait until the waiting build may start; ``False`` if it is not waiting (any more).

    A change after a quiet spell (no other change with it, and no build in the last
    ``HUB_BUILD_DEBOUNCE`` seconds) starts at once. Otherwise the build waits until its
    last change is ``HUB_BUILD_DEBOUNCE`` seconds old, or it has waited
    ``HUB_BUILD_MAX_WAIT`` seconds in all: changes that come in while a build runs, or
    right after one, make one build together."""
    debounce = dt.timedelta(seconds=settings.HUB_BUILD_DEBOUNCE)
    build = SiteBuild.objects.filter(pk=build_id, status=SiteBuild.Status.QUEUED).first()
    if build is None:
        return False
    previous = SiteBuild.objects.filter(pk__lt=build.pk).order_by("-pk").first()
    quiet_before = previous is None or (
        previous.finished_at is not None and previous.finished_at + debounce < build.queued_at
    )
    if quiet_before and build.triggers.count() == 1:
        return True
    deadline = build.queued_at + dt.timedelta(seconds=settings.HUB_BUILD_MAX_WAIT)
    while True:
        last = build.triggers.aggregate(last=Max("at"))["last"] or build.queued_at
        wait = (min(last + debounce, deadline) - timezone.now()).total_seconds()
        if wait <= 0:
            return True
        time.sleep(wait)


def folders() -> tuple[Path, Path]:
    """Where builds write: ``content/`` and the output (``HUB_CONTENT_DIR``,
    ``HUB_BUILD_DIR``, else the build step's defaults); previews read the first."""
    from sitebuild.build import CONTENT, OUT

    return (
        Path(settings.HUB_CONTENT_DIR) if settings.HUB_CONTENT_DIR else CONTENT,
        Path(settings.HUB_BUILD_DIR) if settings.HUB_BUILD_DIR else OUT,
    )


def _build(full: bool):
    """The build step (its lock held), pulling from the CMS in this process."""
    from sitebuild.build import Reporter, build_locked

    content, out = folders()
    return build_locked(
        out=out,
        content=content,
        full=full,
        site_url=settings.HUB_SITE_URL,
        reporter=Reporter(quiet=True),
    )


def _after_publish() -> str:
    """Run ``HUB_PUBLISH_COMMAND`` after a swap: '' if it worked (or there is none), else
    what went wrong, in Swedish."""
    command = settings.HUB_PUBLISH_COMMAND
    if not command:
        return ""
    try:
        done = subprocess.run(
            shlex.split(command), capture_output=True, text=True, timeout=600, check=False
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        return f"Webbplatsen byggdes, men HUB_PUBLISH_COMMAND kunde inte köras: {exc}"
    if done.returncode:
        output = (done.stderr or done.stdout).strip()[-ERROR_CHARS:]
        return (
            f"Webbplatsen byggdes, men HUB_PUBLISH_COMMAND avslutades med kod "
            f"{done.returncode}: {output}"
        )
    return ""


def _describe(exc: BaseException) -> str:
    text = str(exc) or type(exc).__name__
    return text[-ERROR_CHARS:]


def _finish(build: SiteBuild, status: str, **fields) -> None:
    build.status = status
    build.finished_at = timezone.now()
    for name, value in fields.items():
        setattr(build, name, value)
    build.save()


def recover_interrupted() -> int:
    """Builds a stopped worker left running: when no build runs now (the build lock is
    free), mark them failed and queue a build that publishes what they did not. How many
    there were. ``hub worker`` calls this when it starts."""
    from sitebuild.lock import BuildBusy, holding

    stale = SiteBuild.objects.filter(status=SiteBuild.Status.RUNNING)
    if not stale.exists():
        return 0
    try:
        with holding(*folders(), wait=0):
            count = stale.update(
                status=SiteBuild.Status.FAILED,
                finished_at=timezone.now(),
                error="Bygget avbröts (arbetsprocessen stoppades). Ett nytt bygge är köat.",
            )
    except BuildBusy:
        return 0
    _queue("Ett avbrutet bygge görs om", None, False)
    return count
