"""A newsletter send in a real worker process (``hub worker``) that is killed midway with
SIGKILL and started again: every confirmed subscriber gets the issue exactly once, through
a real SMTP server (aiosmtpd, in this test's process). The kill comes while the server is
still taking a message: the worker has claimed it and not heard back, the server then drops
it, and the next worker sends it again with the rest."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import pytest
from livehub import free_port
from sitefixture import ROOT, _run
from smtpserver import Mailbox, smtp_server

pytestmark = pytest.mark.slow

SUBSCRIBERS = 120

PREPARE = f"""
import secrets
from django.utils import timezone
from django_tasks_db.models import DBTaskResult
from cms.newsletter.models import NewsletterIssuePage
from cms.newsletter.sending import start_send
from cms.newsletter.subscribers import Subscriber
from cms.publishing.models import SiteBuild

# Only the send: the builds the demo load asked for are not this test's subject.
DBTaskResult.objects.all().delete()
SiteBuild.objects.all().delete()
Subscriber.objects.bulk_create(
    Subscriber(email=f"s{{i}}@example.se", confirmed_at=timezone.now(),
               unsubscribe_key=secrets.token_urlsafe(16))
    for i in range({SUBSCRIBERS})
)
print(start_send(NewsletterIssuePage.objects.live().order_by("-issue_date").first()))
"""


def wait_until(what, check, timeout=120):
    give_up = time.monotonic() + timeout
    while not check():
        assert time.monotonic() < give_up, what
        time.sleep(0.05)


def test_a_worker_killed_midway_and_started_again_sends_each_address_once(tmp_path):
    port = free_port()
    mailbox = Mailbox(hold_at=31)
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    env.update(
        HUB_VAR_DIR=str(tmp_path / "var"),
        DJANGO_SETTINGS_MODULE="cms.settings.dev",
        EMAIL_HOST="127.0.0.1",
        EMAIL_PORT=str(port),
        EMAIL_USE_TLS="false",
        PYTHONUNBUFFERED="1",
    )
    py = sys.executable
    _run([py, "-m", "cms", "migrate", "--no-input", "-v", "0"], env, "migrate")
    _run([py, "-m", "cms", "load_demo", "--quiet"], env, "load_demo")
    queued = subprocess.run(
        [py, "-m", "cms", "shell", "--no-imports", "-c", PREPARE],
        env=env, cwd=ROOT, capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    assert queued.strip() == str(SUBSCRIBERS)

    def worker():
        log = open(tmp_path / "worker.log", "a")  # noqa: SIM115 - closed with the process
        return subprocess.Popen(
            [py, "-m", "cms", "hub_worker"], env=env, cwd=ROOT, stdout=log, stderr=log
        )

    with smtp_server(mailbox, port):
        first = worker()
        try:
            wait_until("the 31st message", mailbox.held.is_set)
        finally:
            first.send_signal(signal.SIGKILL)
            first.wait(30)
            mailbox.release.set()
        cut_off = len(mailbox.recipients())
        assert cut_off == 30, "the worker was killed midway"
        second = worker()
        try:
            wait_until(
                "every message, after the restart",
                lambda: len(mailbox.recipients()) >= SUBSCRIBERS,
            )
            time.sleep(1)  # anything sent twice would come now
        finally:
            second.terminate()
            second.wait(30)
    recipients = mailbox.recipients()
    assert sorted(recipients) == sorted(f"s{i}@example.se" for i in range(SUBSCRIBERS)), (
        f"{len(recipients)} messages for {len(set(recipients))} addresses (killed after {cut_off})"
    )
