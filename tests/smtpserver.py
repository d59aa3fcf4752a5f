"""A real SMTP server for tests (not a test module): aiosmtpd in a thread of the test
process, keeping every message it accepts, refusing the recipients it is told to."""

from __future__ import annotations

import email
import threading
import time
from contextlib import contextmanager
from email.policy import default

from aiosmtpd.controller import Controller


class Mailbox:
    """``hold_at``: the server stops at that message (counting from 1) before it has taken
    it, sets ``held`` and waits for ``release``; then it refuses the message (the client
    is gone: nothing was delivered)."""

    def __init__(self, refuse: set[str] = frozenset(), delay: float = 0.0, hold_at=None):
        self.refuse, self.delay, self.hold_at = set(refuse), delay, hold_at
        self.messages: list[email.message.Message] = []
        self.lock = threading.Lock()
        self.held, self.release = threading.Event(), threading.Event()
        self.seen = 0

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address in self.refuse:
            return "550 5.1.1 Mottagaren finns inte"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        self.seen += 1
        if self.seen == self.hold_at:
            self.held.set()
            self.release.wait(60)
            return "451 4.3.0 Meddelandet togs inte emot"
        if self.delay:
            time.sleep(self.delay)
        with self.lock:
            self.messages.append(email.message_from_bytes(envelope.content, policy=default))
        return "250 Message accepted"

    def recipients(self) -> list[str]:
        with self.lock:
            return [m["To"] for m in self.messages]


@contextmanager
def smtp_server(mailbox: Mailbox, port: int):
    controller = Controller(mailbox, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        yield controller
    finally:
        controller.stop()
