"""Signing up for the newsletter from the site with double opt-in, confirming and
unsubscribing (``cms.newsletter.signup``), through the CMS's real URLs. Mail goes to
Django's locmem backend; the confirmation link is read from the mail as a person would."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.conf import settings
from django.core import mail
from django.utils import timezone

from cms.newsletter.signup import THANKS, purge_expired
from cms.newsletter.subscribers import FORM_VERSION, ConsentEvent, Subscriber

pytestmark = pytest.mark.django_db

SIGN_UP = "/prenumeration/"
SITE_ORIGIN = settings.HUB_SITE_URL.rstrip("/")
SOURCE = "/nyhetsbrev/2020-10/"


def sign_up(client, address="Anna.Berg@Example.se", json=False, **extra):
    data = {"epost": address, "kalla": SOURCE, "version": FORM_VERSION, **extra}
    headers = {"Accept": "application/json"} if json else {}
    return client.post(SIGN_UP, data, headers=headers)


def confirmation_link() -> str:
    (link,) = re.findall(r"https?://\S+/prenumeration/bekrafta/\S+/", mail.outbox[-1].body)
    return link.removeprefix(settings.WAGTAILADMIN_BASE_URL)


def test_a_plain_post_gets_a_swedish_page_that_links_back_and_a_confirmation_mail(client):
    response = sign_up(client)
    page = response.content.decode()
    assert response.status_code == 200
    assert 'lang="sv"' in page and THANKS in page
    assert f'href="{SITE_ORIGIN}{SOURCE}"' in page
    assert not response.cookies, "the sign-up sets no cookie"
    (sent,) = mail.outbox
    assert sent.to == ["Anna.Berg@example.se"]
    assert "Bekräfta" in sent.subject
    subscriber = Subscriber.objects.get()
    assert not subscriber.is_confirmed and subscriber.signup_source == SOURCE


def test_the_sites_script_gets_json_and_only_the_sites_origin_may_read_it(client):
    response = client.post(
        SIGN_UP,
        {"epost": "a@example.se"},
        headers={"Accept": "application/json", "Origin": SITE_ORIGIN},
    )
    assert response.json() == {"message": THANKS}
    assert response["Access-Control-Allow-Origin"] == SITE_ORIGIN
    assert "Access-Control-Allow-Credentials" not in response
    other = client.post(
        SIGN_UP, {"epost": "b@example.se"}, headers={"Origin": "https://elsewhere.example"}
    )
    assert "Access-Control-Allow-Origin" not in other
    api = client.get("/api/v2/stats/", headers={"Origin": SITE_ORIGIN})
    assert "Access-Control-Allow-Origin" not in api, "CORS is for the sign-up only"


def test_a_bad_address_is_named_in_swedish_and_nothing_is_stored(client):
    for address in ("", "anna", "anna@", "@example.se"):
        response = sign_up(client, address, json=True)
        assert response.status_code == 400
        assert "E-postadressen" in response.json()["message"]
    assert not Subscriber.objects.exists() and not mail.outbox


def test_the_honeypot_gets_the_same_answer_and_nothing_happens(client):
    response = sign_up(client, json=True, webbplats="http://spam.example")
    assert response.json() == {"message": THANKS}
    assert not Subscriber.objects.exists() and not mail.outbox


def test_confirming_takes_a_click_on_the_page_the_link_opens_and_logs_the_consent(client):
    sign_up(client)
    link = confirmation_link()
    page = client.get(link)
    assert page.status_code == 200 and "Bekräfta prenumerationen" in page.content.decode()
    assert not Subscriber.objects.get().is_confirmed, "opening the link confirms nothing"
    done = client.post(link)
    assert "Prenumerationen är bekräftad" in done.content.decode()
    subscriber = Subscriber.objects.get()
    assert subscriber.is_confirmed and not subscriber.token_hash
    (consent,) = ConsentEvent.objects.all()
    assert (consent.form_version, consent.source) == (FORM_VERSION, SOURCE)
    assert consent.at == subscriber.confirmed_at
    # The link is spent.
    again = client.post(link)
    assert again.status_code == 410 and "Länken gäller inte längre" in again.content.decode()
    assert ConsentEvent.objects.count() == 1


def test_an_expired_link_confirms_nothing_and_the_sign_up_is_deleted(client):
    sign_up(client)
    link = confirmation_link()
    Subscriber.objects.update(token_expires=timezone.now() - dt.timedelta(seconds=1))
    assert client.post(link).status_code == 410
    assert not Subscriber.objects.get().is_confirmed
    assert purge_expired() == 1
    assert not Subscriber.objects.exists()


def test_a_subscribed_address_signing_up_again_reveals_nothing_and_gets_no_mail(client):
    sign_up(client)
    client.post(confirmation_link())
    mail.outbox.clear()
    fresh = sign_up(client, "new@example.se", json=True)
    again = sign_up(client, json=True)
    assert (again.status_code, again.json()) == (fresh.status_code, fresh.json())
    assert [m.to for m in mail.outbox] == [["new@example.se"]]
    assert Subscriber.objects.get(email="Anna.Berg@example.se").is_confirmed


def test_a_pending_sign_up_asked_again_gets_a_new_link_and_the_old_one_dies(client):
    sign_up(client)
    first = confirmation_link()
    sign_up(client)
    second = confirmation_link()
    assert first != second
    assert client.post(first).status_code == 410
    assert client.post(second).status_code == 200
    assert Subscriber.objects.get().is_confirmed


def test_sign_ups_are_limited_per_address_and_per_client(client, settings):
    settings.HUB_SIGNUP_PER_ADDRESS_DAY = 2
    settings.HUB_SIGNUP_PER_CLIENT_HOUR = 4
    statuses = [sign_up(client, "same@example.se").status_code for _ in range(3)]
    assert statuses == [200, 200, 429]
    statuses = [sign_up(client, f"n{i}@example.se").status_code for i in range(2)]
    assert statuses == [200, 429], "the client has now asked five times within the hour"
    limited = sign_up(client, "n9@example.se", json=True)
    assert "För många" in limited.json()["message"]
    other_client = client.post(SIGN_UP, {"epost": "n9@example.se"}, REMOTE_ADDR="10.0.0.9")
    assert other_client.status_code == 200


def test_unsubscribing_by_the_link_takes_a_click_and_removes_the_address(client):
    sign_up(client)
    client.post(confirmation_link())
    key = Subscriber.objects.get().unsubscribe_key
    page = client.get(f"/prenumeration/avsluta/{key}/")
    assert "Avsluta prenumerationen" in page.content.decode()
    assert Subscriber.objects.exists(), "opening the link changes nothing"
    done = client.post(f"/prenumeration/avsluta/{key}/")
    assert "Prenumerationen är avslutad" in done.content.decode()
    assert not Subscriber.objects.exists() and not ConsentEvent.objects.exists()
    assert not done.cookies


def test_one_click_unsubscribe_as_rfc_8058_posts_it(client):
    sign_up(client)
    client.post(confirmation_link())
    key = Subscriber.objects.get().unsubscribe_key
    response = client.post(
        f"/prenumeration/avsluta/{key}/",
        "List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 200
    assert not Subscriber.objects.exists()
    # Done before, or an unknown key: the same answer.
    assert client.post(f"/prenumeration/avsluta/{key}/").status_code == 200


def test_a_mail_server_that_is_down_gets_a_swedish_answer_to_try_again(client, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", 9, 2
    response = sign_up(client, json=True)
    assert response.status_code == 503
    assert "Försök igen" in response.json()["message"]
