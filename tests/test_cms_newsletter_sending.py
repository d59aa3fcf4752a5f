"""Sending an issue to the confirmed subscribers (``cms.newsletter.sending``): each address
once, whatever happens; a refused recipient recorded without stopping the batch; one-click
unsubscribe headers. Through a real SMTP server (aiosmtpd) started in the test, and
Django's SMTP backend, as in production."""

from __future__ import annotations

import secrets

import pytest
from django.core.management import call_command
from django.db import transaction
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone
from livehub import free_port
from smtpserver import Mailbox, smtp_server

from cms.newsletter.models import NewsletterIssuePage
from cms.newsletter.sending import Delivery, progress, resume_sends, send_issue, start_send
from cms.newsletter.subscribers import Subscriber

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module", autouse=True)
def demo(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("load_demo", quiet=True)
        yield
        transaction.set_rollback(True)


@pytest.fixture
def issue():
    return NewsletterIssuePage.objects.live().get(issue_date__year=2020, issue_date__month=10)


def subscribe(*addresses, confirmed=True):
    return [
        Subscriber.objects.create(
            email=address,
            confirmed_at=timezone.now() if confirmed else None,
            unsubscribe_key=secrets.token_urlsafe(16),
        )
        for address in addresses
    ]


@pytest.fixture
def smtp(settings):
    mailbox = Mailbox(refuse={"finns.inte@example.se"})
    port = free_port()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_USE_TLS = "127.0.0.1", port, False
    with smtp_server(mailbox, port):
        yield mailbox


def run(issue) -> None:
    """What the worker does with the queued task (the test backend keeps tasks queued)."""
    send_issue.call(issue.pk)


def test_every_confirmed_subscriber_gets_the_issue_once_with_one_click_unsubscribe(issue, smtp):
    subscribe("a@example.se", "b@example.se")
    subscribe("ej.bekraftad@example.se", confirmed=False)
    assert start_send(issue) == 2
    run(issue)
    assert sorted(smtp.recipients()) == ["a@example.se", "b@example.se"]
    message = smtp.messages[0]
    own = Subscriber.objects.get(email=message["To"])
    url = "http://127.0.0.1:8000" + reverse("newsletter_unsubscribe", args=[own.unsubscribe_key])
    assert message["List-Unsubscribe"].strip() == f"<{url}>"
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert message["Subject"] == "Aktuellt i Idéslussen – oktober 2020"
    parts = {part.get_content_type(): part for part in message.walk()}
    assert url in parts["text/plain"].get_payload(decode=True).decode()
    assert url in parts["text/html"].get_payload(decode=True).decode()
    assert progress(issue) == {"queued": 0, "sending": 0, "sent": 2, "failed": 0}


def test_a_second_press_sends_nothing_twice_and_reaches_only_new_subscribers(issue, smtp):
    subscribe("a@example.se", "b@example.se")
    start_send(issue)
    run(issue)
    assert start_send(issue) == 0
    run(issue)
    subscribe("ny@example.se")
    assert start_send(issue) == 1
    run(issue)
    assert sorted(smtp.recipients()) == ["a@example.se", "b@example.se", "ny@example.se"]


def test_a_refused_recipient_is_recorded_and_the_batch_goes_on(issue, smtp):
    subscribe("a@example.se", "finns.inte@example.se", "b@example.se")
    start_send(issue)
    run(issue)
    assert sorted(smtp.recipients()) == ["a@example.se", "b@example.se"]
    failed = Delivery.objects.get(status="failed")
    assert failed.subscriber.email == "finns.inte@example.se"
    assert "550" in failed.error and "avvisades" in failed.error


def test_a_send_cut_off_midway_goes_on_where_it_stopped_and_sends_each_once(issue, smtp):
    subscribe(*(f"p{i}@example.se" for i in range(6)))
    start_send(issue)
    # A worker killed while handing over its third message: two sent, one in hand.
    first = list(Delivery.objects.order_by("pk"))
    for delivery in first[:2]:
        smtp.messages.append({"To": delivery.subscriber.email})
    Delivery.objects.filter(pk__in=[d.pk for d in first[:2]]).update(status="sent")
    Delivery.objects.filter(pk=first[2].pk).update(status="sending")
    assert resume_sends() == 1
    run(issue)
    assert sorted(smtp.recipients()) == sorted(f"p{i}@example.se" for i in range(6))


def test_an_unsubscribed_address_queued_before_gets_nothing(issue, smtp):
    gone, _stays = subscribe("borta@example.se", "kvar@example.se")
    start_send(issue)
    gone.delete()
    run(issue)
    assert smtp.recipients() == ["kvar@example.se"]
    assert progress(issue)["failed"] == 1


@override_settings(EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend")
def test_a_communicator_sends_from_the_admin_and_a_draft_cannot_be_sent(client, issue):
    from conftest import PASSWORD, log_in, make_user

    make_user("utskick", "Kommunikatörer")
    log_in(client, "utskick", PASSWORD)
    subscribe("a@example.se")
    page = client.get(reverse("newsletter_email_edition", args=[issue.pk])).content.decode()
    assert "1 bekräftade prenumeranter" in page
    client.post(reverse("newsletter_email_send", args=[issue.pk]))
    assert progress(issue)["queued"] == 1
    issue.unpublish()
    client.post(reverse("newsletter_email_send", args=[issue.pk]))
    assert Delivery.objects.count() == 1
