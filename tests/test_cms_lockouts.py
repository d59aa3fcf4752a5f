"""Login attempts are limited (django-axes): five wrong passwords lock one username from one
address, with a Swedish page saying until when, also behind trusted proxies; the lock-out
ends after the cool-off or when a Kommunikatör or a superuser lifts it in the admin
(Inställningar → Spärrade inloggningar), or with ``hub cms axes_reset`` in a shell."""

from __future__ import annotations

import datetime as dt
import io
import re

import pytest
from axes.models import AccessAttempt
from conftest import LOGIN, PASSWORD, fail, log_in
from django.core.management import call_command
from django.test import Client, RequestFactory
from django.utils import timezone

from cms.publishing.lockouts import client_address

LOCKOUTS = "/admin/lockouts/"


def signed_in(client) -> bool:
    return "_auth_user_id" in client.session


# ---- lock-out ---------------------------------------------------------------------------


@pytest.mark.django_db
def test_five_wrong_passwords_lock_the_account_with_a_swedish_page(client, coach, settings):
    assert settings.AXES_FAILURE_LIMIT == 5
    assert fail(client, "idecoach", 4) == [200] * 4  # the login form again, with its error
    before = timezone.now()
    locked = log_in(client, "idecoach", "fel-lösenord")

    assert locked.status_code == 429
    html = locked.content.decode()
    assert re.search(r'<html lang="sv"', html)
    assert "Inloggningen är spärrad" in html
    assert "Kontot idecoach är tillfälligt spärrat efter 5 misslyckade inloggningsförsök" in (
        " ".join(html.split())
    )
    assert "kommunikatör" in html
    # When to try again: 15 minutes after this attempt, as Swedish clock time.
    until = timezone.localtime(before + settings.AXES_COOLOFF_TIME)
    assert f"kl. {until:%H.%M}" in html or f"kl. {until + dt.timedelta(minutes=1):%H.%M}" in html
    assert "om 15 minuter" in html

    # Now even the right password is refused, and nobody is signed in.
    again = log_in(client, "idecoach", PASSWORD)
    assert again.status_code == 429
    assert not signed_in(client)


@pytest.mark.django_db
def test_a_lockout_is_for_one_username_from_one_address(client, coach, communicator):
    fail(client, "idecoach", 5, address="10.1.1.1")
    assert log_in(client, "idecoach", PASSWORD, address="10.1.1.1").status_code == 429
    # A colleague behind the same address still signs in ...
    assert log_in(Client(), "kommunikator", PASSWORD, address="10.1.1.1").status_code == 302
    # ... and so does the same person from another address.
    other = Client()
    assert log_in(other, "idecoach", PASSWORD, address="10.2.2.2").status_code == 302
    assert signed_in(other)


@pytest.mark.django_db
def test_a_lockout_ends_after_the_cool_off(client, coach, settings):
    fail(client, "idecoach", 5)
    assert log_in(client, "idecoach", PASSWORD).status_code == 429
    past = timezone.now() - settings.AXES_COOLOFF_TIME - dt.timedelta(minutes=1)
    AccessAttempt.objects.update(attempt_time=past)
    assert log_in(client, "idecoach", PASSWORD).status_code == 302
    assert signed_in(client)


@pytest.mark.django_db
def test_a_successful_login_clears_the_failures(coach):
    first = Client()
    fail(first, "idecoach", 4)
    assert log_in(first, "idecoach", PASSWORD).status_code == 302
    assert fail(Client(), "idecoach", 4) == [200] * 4  # counting starts again from zero


@pytest.mark.django_db
def test_authenticate_needs_the_request(coach):
    """django-axes counts attempts per request; code that signs people in must pass it."""
    from django.contrib.auth import authenticate

    request = RequestFactory().post(LOGIN)
    assert authenticate(request, username="idecoach", password=PASSWORD) == coach
    with pytest.raises(ValueError, match="request"):
        authenticate(username="idecoach", password=PASSWORD)


@pytest.mark.parametrize(
    ("proxies", "remote", "forwarded", "expected"),
    [
        (0, "203.0.113.7", "", "203.0.113.7"),
        (0, "203.0.113.7", "198.51.100.1", "203.0.113.7"),  # no proxy: the header is forged
        (1, "10.0.0.2", "198.51.100.1", "198.51.100.1"),
        (1, "10.0.0.2", "6.6.6.6, 198.51.100.1", "198.51.100.1"),  # forged entries first
        (2, "10.0.0.3", "6.6.6.6, 198.51.100.1, 10.0.0.2", "198.51.100.1"),
        (2, "10.0.0.3", "198.51.100.1", "10.0.0.3"),  # bypassed a proxy: not trusted
        (1, "10.0.0.2", "unknown", "10.0.0.2"),
        (1, "10.0.0.2", "2001:db8::1", "2001:db8::1"),
    ],
)
def test_the_client_address_behind_trusted_proxies(settings, proxies, remote, forwarded, expected):
    settings.HUB_TRUSTED_PROXIES = proxies
    extra = {"HTTP_X_FORWARDED_FOR": forwarded} if forwarded else {}
    request = RequestFactory().post(LOGIN, REMOTE_ADDR=remote, **extra)
    assert client_address(request) == expected


@pytest.mark.django_db
def test_behind_a_proxy_each_client_is_counted_on_its_own(client, coach, settings):
    settings.HUB_TRUSTED_PROXIES = 1
    proxy = "10.0.0.2"
    for _ in range(5):
        client.post(
            LOGIN,
            {"username": "idecoach", "password": "fel"},
            REMOTE_ADDR=proxy,
            HTTP_X_FORWARDED_FOR="6.6.6.6, 198.51.100.1",
        )
    attempt = AccessAttempt.objects.get()
    assert (attempt.ip_address, attempt.failures_since_start) == ("198.51.100.1", 5)
    elsewhere = Client().post(
        LOGIN,
        {"username": "idecoach", "password": PASSWORD},
        REMOTE_ADDR=proxy,
        HTTP_X_FORWARDED_FOR="198.51.100.2",
    )
    assert elsewhere.status_code == 302


# ---- lifting a lock-out in the admin ----------------------------------------------------


@pytest.mark.django_db
def test_the_lockouts_menu_item_is_for_communicators_and_superusers(
    client, coach, communicator, superuser
):
    for user, shown in ((communicator, True), (superuser, True), (coach, False)):
        client.force_login(user)
        html = client.get("/admin/").content.decode()
        assert (LOCKOUTS in html) is shown, user.username
        # Under Inställningar (Wagtail's settings menu), in the sidebar's JSON props.
        assert ("Sp\\u00e4rrade inloggningar" in html) is shown, user.username


@pytest.mark.django_db
def test_a_communicator_lists_and_lifts_a_lockout(client, coach, communicator):
    fail(Client(), "idecoach", 5, address="192.0.2.44")
    fail(Client(), "nobody", 2, address="192.0.2.45")  # failures, not (yet) a lock-out

    client.force_login(communicator)
    listing = client.get(LOCKOUTS)
    assert listing.status_code == 200
    html = " ".join(listing.content.decode().split())
    assert "Spärrade inloggningar" in html
    assert "<td>idecoach</td> <td>192.0.2.44</td> <td>5</td>" in html
    assert "nobody" not in html
    assert "hub cms axes_reset" in html
    assert 'name="csrfmiddlewaretoken"' in html

    lifted = client.post(
        LOCKOUTS, {"username": "idecoach", "ip_address": "192.0.2.44"}, follow=True
    )
    assert "Spärren för idecoach från 192.0.2.44 är hävd." in lifted.content.decode()
    assert "Inga inloggningar är spärrade just nu." in lifted.content.decode()
    assert log_in(Client(), "idecoach", PASSWORD, address="192.0.2.44").status_code == 302
    # The other address's failures are untouched.
    assert AccessAttempt.objects.filter(username="nobody").exists()


@pytest.mark.django_db
def test_a_superuser_lifts_a_lockout(client, coach, superuser):
    fail(Client(), "idecoach", 5)
    client.force_login(superuser)
    assert "idecoach" in client.get(LOCKOUTS).content.decode()
    client.post(LOCKOUTS, {"username": "idecoach", "ip_address": "127.0.0.1"})
    assert not AccessAttempt.objects.exists()


@pytest.mark.django_db
def test_coaches_may_neither_see_nor_lift_lockouts(client, coach, communicator):
    """Wagtail's "permission denied": back to the dashboard with an error (403 for scripts)."""
    fail(Client(), "kommunikator", 5)
    client.force_login(coach)
    seen = client.get(LOCKOUTS, follow=True)
    assert seen.redirect_chain == [("/admin/", 302)]
    assert [m.level_tag for m in seen.context["messages"]] == ["error"]
    assert "kommunikator" not in seen.content.decode()
    script = client.get(LOCKOUTS, headers={"x-requested-with": "XMLHttpRequest"})
    assert script.status_code == 403

    refused = client.post(LOCKOUTS, {"username": "kommunikator", "ip_address": "127.0.0.1"})
    assert refused.status_code == 302 and refused["Location"] == "/admin/"
    assert AccessAttempt.objects.filter(username="kommunikator").exists()


@pytest.mark.django_db
def test_hub_cms_axes_reset_lifts_every_lockout(coach, communicator):
    """The command the lock-out view names (axes' own), for whoever has a shell."""
    fail(Client(), "idecoach", 5)
    fail(Client(), "kommunikator", 5, address="10.9.9.9")
    call_command("axes_reset", stdout=io.StringIO())
    assert not AccessAttempt.objects.exists()
    assert log_in(Client(), "idecoach", PASSWORD).status_code == 302


@pytest.mark.django_db
def test_signed_out_visitors_are_sent_to_the_login(client):
    response = client.get(LOCKOUTS)
    assert response.status_code == 302 and response["Location"].startswith(LOGIN)


@pytest.mark.django_db
def test_lifting_a_lockout_needs_the_csrf_token(communicator, coach):
    fail(Client(), "idecoach", 5)
    client = Client(enforce_csrf_checks=True)
    client.force_login(communicator)
    refused = client.post(LOCKOUTS, {"username": "idecoach", "ip_address": "127.0.0.1"})
    assert refused.status_code == 403
    assert AccessAttempt.objects.filter(username="idecoach").exists()


@pytest.mark.django_db
def test_an_invalid_address_in_the_unlock_form_is_refused(client, communicator):
    client.force_login(communicator)
    assert client.post(LOCKOUTS, {"username": "x", "ip_address": "'; drop"}).status_code == 400
