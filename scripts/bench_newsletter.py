#!/usr/bin/env python3
"""Sending a newsletter issue to N confirmed subscribers through a local SMTP server: the
time and the sending process's peak memory.

    .venv/bin/python scripts/bench_newsletter.py            # 10 000 subscribers
    .venv/bin/python scripts/bench_newsletter.py --subscribers 1000

A throwaway database (HUB_VAR_DIR in a temporary folder) gets the demo content and N
confirmed subscribers; the issue is queued with ``start_send`` and sent by ``send_issue``,
as the worker runs it, in a child process, through Django's SMTP backend to an aiosmtpd
server in this process that counts what it is given (and keeps nothing).
"""

from __future__ import annotations

import argparse
import os
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from aiosmtpd.controller import Controller

ROOT = Path(__file__).resolve().parent.parent

SEND = """
import resource, secrets, time
from django.utils import timezone
from cms.newsletter.models import NewsletterIssuePage
from cms.newsletter.sending import Delivery, send_issue, start_send
from cms.newsletter.subscribers import Subscriber

Subscriber.objects.bulk_create(
    (Subscriber(email=f"prenumerant{{i}}@example.se", confirmed_at=timezone.now(),
                unsubscribe_key=secrets.token_urlsafe(16)) for i in range({n})),
    batch_size=1000,
)
issue = NewsletterIssuePage.objects.live().order_by("-issue_date").first()
began = time.perf_counter()
start_send(issue)
queued = time.perf_counter() - began
sent = send_issue.call(issue.pk)
took = time.perf_counter() - began
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(f"RESULT {{sent}} {{queued:.2f}} {{took:.2f}} {{peak:.0f}}")
"""


class Counter:
    def __init__(self):
        self.count, self.bytes, self.lock = 0, 0, threading.Lock()

    async def handle_DATA(self, server, session, envelope):
        with self.lock:
            self.count += 1
            self.bytes += len(envelope.content)
        return "250 OK"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def run(cmd: list[str], env: dict, label: str) -> str:
    done = subprocess.run(cmd, env=env, cwd=ROOT, capture_output=True, text=True)
    if done.returncode:
        sys.exit(f"{label} misslyckades ({done.returncode}):\n{done.stderr[-4000:]}")
    return done.stdout


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--subscribers", type=int, default=10_000)
    args = parser.parse_args()

    port = free_port()
    counter = Counter()
    controller = Controller(counter, hostname="127.0.0.1", port=port)
    controller.start()
    py = sys.executable
    with tempfile.TemporaryDirectory() as tmp:
        env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
        env.update(
            HUB_VAR_DIR=str(Path(tmp) / "var"),
            DJANGO_SETTINGS_MODULE="cms.settings.dev",
            EMAIL_HOST="127.0.0.1",
            EMAIL_PORT=str(port),
            EMAIL_USE_TLS="false",
        )
        print("Förbereder databasen med demoinnehållet …", file=sys.stderr, flush=True)
        run([py, "-m", "cms", "migrate", "--no-input", "-v", "0"], env, "migrate")
        run([py, "-m", "cms", "load_demo", "--quiet"], env, "load_demo")
        print(f"Skickar till {args.subscribers} prenumeranter …", file=sys.stderr, flush=True)
        began = time.perf_counter()
        out = run(
            [py, "-m", "cms", "shell", "--no-imports", "-c", SEND.format(n=args.subscribers)],
            env,
            "utskicket",
        )
        wall = time.perf_counter() - began
    controller.stop()
    sent, queued, took, peak = next(
        line.split()[1:] for line in out.splitlines() if line.startswith("RESULT")
    )
    print(
        "| prenumeranter | skickade | mottagna | köa s | köa + skicka s | meddelanden/s | topp MB |"
    )
    print("|---|---|---|---|---|---|---|")
    rate = int(sent) / float(took)
    print(
        f"| {args.subscribers} | {sent} | {counter.count} | {queued} | {took} | {rate:.0f} "
        f"| {peak} |"
    )
    print(f"(hela processen, med start och att lägga in prenumeranterna: {wall:.1f} s; "
          f"{counter.bytes / counter.count / 1024:.0f} kB per meddelande)")  # fmt: skip


if __name__ == "__main__":
    main()
