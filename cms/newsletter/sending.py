"""Sending an issue to every confirmed subscriber, exactly once each.

``start_send`` (the admin's "Skicka till prenumeranterna") records one ``Delivery`` per
confirmed subscriber, unique per issue and subscriber, so pressing the button again adds
only those who confirmed since, and queues ``send_issue``, a task the worker runs. The task
sends in batches through Django's e-mail backend (SMTP in production), one connection a
batch. Each delivery is claimed (``sending``) just before its message goes to the server
and marked ``sent`` as soon as the server has taken it, so a worker killed midway leaves at
most the one message it was handing over in ``sending``; a server that had not finished
taking it did not deliver it. ``resume_sends`` (run by ``hub worker`` when it starts) puts
those back in the queue and queues the task again, so the rest go out once. A refused
recipient or a bad address is recorded on its delivery and does not stop the batch.

Every message carries the subscriber's own unsubscribe link, and ``List-Unsubscribe`` and
``List-Unsubscribe-Post`` headers (RFC 8058) for the mail program's one-click button.
"""

from __future__ import annotations

import logging
import smtplib

from django.conf import settings
from django.core.mail import get_connection
from django.db import models, transaction
from django.urls import reverse
from django.utils import timezone
from django_tasks import task

from .email import Edition, message, render_edition
from .subscribers import Subscriber

logger = logging.getLogger(__name__)

#: Messages sent over one SMTP connection, between the checks for new work.
BATCH = 100
#: Stands for each subscriber's unsubscribe URL in the edition rendered once for all.
UNSUBSCRIBE = "https://unsubscribe.invalid/key/"


class Delivery(models.Model):
    """One issue to one subscriber."""

    class Status(models.TextChoices):
        QUEUED = "queued", "Köad"
        SENDING = "sending", "Skickas"
        SENT = "sent", "Skickad"
        FAILED = "failed", "Misslyckades"

    issue = models.ForeignKey(
        "newsletter.NewsletterIssuePage", on_delete=models.CASCADE, related_name="deliveries"
    )
    # Unsubscribing deletes the subscriber; the count of what was sent stays.
    subscriber = models.ForeignKey(Subscriber, null=True, on_delete=models.SET_NULL)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.QUEUED)
    error = models.CharField(max_length=300, blank=True)
    changed_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "utskick"
        verbose_name_plural = "utskick"
        constraints = [
            models.UniqueConstraint(fields=["issue", "subscriber"], name="one_delivery_each")
        ]


def unsubscribe_url(subscriber: Subscriber) -> str:
    path = reverse("newsletter_unsubscribe", args=[subscriber.unsubscribe_key])
    return settings.WAGTAILADMIN_BASE_URL + path


def start_send(issue) -> int:
    """Queue the issue for every confirmed subscriber who has not had it; how many new."""
    with transaction.atomic():
        before = Delivery.objects.filter(issue=issue).count()
        Delivery.objects.bulk_create(
            [
                Delivery(issue=issue, subscriber_id=pk)
                for pk in Subscriber.objects.confirmed().values_list("pk", flat=True)
            ],
            ignore_conflicts=True,
            batch_size=1000,
        )
        added = Delivery.objects.filter(issue=issue).count() - before
        transaction.on_commit(lambda: send_issue.enqueue(issue.pk), robust=True)
    return added


def progress(issue) -> dict[str, int]:
    """How many deliveries of the issue are in each state."""
    counts = dict(
        Delivery.objects.filter(issue=issue)
        .values_list("status")
        .annotate(n=models.Count("pk"))
        .values_list("status", "n")
    )
    return {status: counts.get(status, 0) for status in Delivery.Status.values}


def personal(edition: Edition, subscriber: Subscriber):
    """The edition addressed to one subscriber, with their unsubscribe link and headers."""
    own = unsubscribe_url(subscriber)
    mine = Edition(
        subject=edition.subject,
        html=edition.html.replace(UNSUBSCRIBE, own),
        text=edition.text.replace(UNSUBSCRIBE, own),
        web_url=edition.web_url,
    )
    return message(
        mine,
        subscriber.email,
        headers={
            "List-Unsubscribe": f"<{own}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        },
    )


@task()
def send_issue(issue_id: int) -> int:
    """Send the issue's queued deliveries; how many went out."""
    from .models import NewsletterIssuePage

    issue = NewsletterIssuePage.objects.live().filter(pk=issue_id).first()
    if issue is None:
        return 0
    edition = render_edition(issue, unsubscribe_url=UNSUBSCRIBE)
    sent = 0
    while True:
        batch = list(
            Delivery.objects.filter(issue=issue, status=Delivery.Status.QUEUED)
            .select_related("subscriber")
            .order_by("pk")[:BATCH]
        )
        if not batch:
            return sent
        with get_connection() as connection:
            for delivery in batch:
                sent += _send_one(delivery, edition, connection)


def _send_one(delivery: Delivery, edition: Edition, connection) -> int:
    claimed = Delivery.objects.filter(pk=delivery.pk, status=Delivery.Status.QUEUED).update(
        status=Delivery.Status.SENDING, changed_at=timezone.now()
    )
    if not claimed:  # another worker has it
        return 0
    if delivery.subscriber is None:  # unsubscribed since it was queued
        Delivery.objects.filter(pk=delivery.pk).update(
            status=Delivery.Status.FAILED, error="Prenumerationen avslutades före utskicket."
        )
        return 0
    mail = personal(edition, delivery.subscriber)
    mail.connection = connection
    try:
        mail.send()
    except (smtplib.SMTPRecipientsRefused, smtplib.SMTPSenderRefused, ValueError) as error:
        Delivery.objects.filter(pk=delivery.pk).update(
            status=Delivery.Status.FAILED, error=_describe(error)
        )
        return 0
    except Exception:
        # The server or the connection failed: this one goes back to the queue, and the
        # task stops (the worker logs it; ``resume_sends`` or the next press goes on).
        Delivery.objects.filter(pk=delivery.pk).update(status=Delivery.Status.QUEUED)
        raise
    Delivery.objects.filter(pk=delivery.pk).update(status=Delivery.Status.SENT)
    return 1


def _describe(error: Exception) -> str:
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        (code, reply), *_ = error.recipients.values()
        return f"Mottagaren avvisades ({code}): {reply.decode(errors='replace')}"[:300]
    return f"{type(error).__name__}: {error}"[:300]


def resume_sends() -> int:
    """After a worker stopped midway: its message in hand goes back to the queue, and every
    issue with queued deliveries is queued for sending again. How many issues."""
    Delivery.objects.filter(status=Delivery.Status.SENDING).update(status=Delivery.Status.QUEUED)
    issues = set(
        Delivery.objects.filter(status=Delivery.Status.QUEUED).values_list("issue_id", flat=True)
    )
    for issue_id in issues:
        send_issue.enqueue(issue_id)
    return len(issues)
