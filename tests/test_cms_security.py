"""CMS hardening: login attempts are limited (django-axes) and a Kommunikatör lifts a
lock-out in the admin; the demo logins never reach production; production refuses to start
without its public URLs and serves its own static files; every response carries the
Content-Security-Policy. (The policy in a real browser: tests/test_browser_admin_csp.py.)"""

from __future__ import annotations

import datetime as dt
import io
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from axes.models import AccessAttempt
from conftest import PASSWORD
from django.contrib.auth.models import User
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import Client, RequestFactory
from django.utils import timezone

from cms.publishing.lockouts import client_address

ROOT = Path(__file__).resolve().parent.parent
LOGIN = "/admin/login/"
LOCKOUTS = "/admin/lockouts/"


def log_in(client, username, password, address="127.0.0.1"):
    return client.post(LOGIN, {"username": username, "password": password}, REMOTE_ADDR=address)


def fail(client, username, times, address="127.0.0.1"):
    return [log_in(client, username, "fel-lösenord", address).status_code for _ in range(times)]


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


# ---- load_demo ----------------------------------------------------------------------------


@pytest.mark.django_db
def test_load_demo_refuses_where_the_demo_is_not_allowed(settings):
    settings.HUB_DEMO_ALLOWED = False
    with pytest.raises(CommandError, match="HUB_DEMO_ALLOWED"):
        call_command("load_demo", quiet=True)
    assert not User.objects.filter(username="admin").exists()


# ---- production settings ------------------------------------------------------------------

PRODUCTION_ENV = {
    "DJANGO_SECRET_KEY": "x" * 20 + "a-long-random-production-secret-key-0123456789",
    "ALLOWED_HOSTS": "cms.hub.example.org",
    "WAGTAILADMIN_BASE_URL": "https://cms.hub.example.org",
    "HUB_SITE_URL": "https://hub.example.org",
}
# Anything the developer's shell or the test run sets that a production process would not.
NOT_INHERITED = {
    *PRODUCTION_ENV,
    "DATABASE_URL",
    "HUB_TRUSTED_PROXIES",
    "HUB_VAR_DIR",
    "DJANGO_ALLOW_ASYNC_UNSAFE",
}


def run_production(tmp_path, *args, **env_extra):
    """``python -m cms <args>`` with production settings and ``env_extra`` on top of
    PRODUCTION_ENV (a value of None leaves that variable out)."""
    env = {k: v for k, v in os.environ.items() if k not in NOT_INHERITED}
    env.update(
        DJANGO_SETTINGS_MODULE="cms.settings.production",
        DATABASE_URL=f"sqlite:///{tmp_path / 'prod.sqlite3'}",
        HUB_VAR_DIR=str(tmp_path / "var"),
        **PRODUCTION_ENV,
    )
    for name, value in env_extra.items():
        if value is None:
            env.pop(name, None)
        else:
            env[name] = value
    return subprocess.run(
        [sys.executable, "-m", "cms", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_load_demo_refuses_under_production_settings(tmp_path):
    result = run_production(tmp_path, "load_demo", "--quiet")
    assert result.returncode != 0
    assert "load_demo körs bara med utvecklings- och testinställningarna" in result.stderr
    assert "cms.settings.production" in result.stderr


@pytest.mark.parametrize("name", ["WAGTAILADMIN_BASE_URL", "HUB_SITE_URL"])
def test_production_refuses_to_start_without_a_public_url(tmp_path, name):
    result = run_production(tmp_path, "check", **{name: None})
    assert result.returncode != 0
    assert "kräver de här miljövariablerna, som saknas" in result.stderr
    assert name in result.stderr


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("WAGTAILADMIN_BASE_URL", "cms.hub.example.org"),
        ("WAGTAILADMIN_BASE_URL", "/admin/"),
        ("HUB_SITE_URL", "ftp://hub.example.org/"),
        ("HUB_SITE_URL", "https://"),
    ],
)
def test_production_refuses_a_public_url_that_is_not_absolute(tmp_path, name, value):
    result = run_production(tmp_path, "check", **{name: value})
    assert result.returncode != 0
    assert "måste vara absoluta http- eller https-adresser" in result.stderr
    assert f"{name}={value!r}" in result.stderr


def test_production_reads_its_urls_and_proxies_from_the_environment(tmp_path):
    code = (
        "from django.conf import settings as s; "
        "print(s.WAGTAILADMIN_BASE_URL, s.WAGTAILAPI_BASE_URL, s.HUB_SITE_URL, "
        "s.HUB_TRUSTED_PROXIES)"
    )
    result = run_production(
        tmp_path,
        "shell",
        "--no-imports",
        "-c",
        code,
        WAGTAILADMIN_BASE_URL="https://cms.hub.example.org/",
        HUB_TRUSTED_PROXIES="1",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [
        "https://cms.hub.example.org",
        "https://cms.hub.example.org",  # the API's absolute links use the CMS's own URL
        "https://hub.example.org/",
        "1",
    ]


@pytest.mark.parametrize("value", ["-1", "en"])
def test_production_refuses_a_nonsense_proxy_count(tmp_path, value):
    result = run_production(tmp_path, "check", HUB_TRUSTED_PROXIES=value)
    assert result.returncode != 0
    assert "HUB_TRUSTED_PROXIES ska vara antalet omvända proxyer" in result.stderr


PRODUCTION_REQUESTS = """
import re
from django.test import Client

client = Client(HTTP_HOST="cms.hub.example.org", headers={"X-Forwarded-Proto": "https"})
login = client.get("/admin/login/")
css = re.search(r'href="(/static/wagtailadmin/css/core\\.[0-9a-f]{12}\\.css)', login.text)
static = client.get(css.group(1), HTTP_ACCEPT_ENCODING="gzip") if css else None
for line in (
    ("login", login.status_code, login.headers.get("Content-Security-Policy", "")),
    ("css", css and css.group(1)),
    ("static", static and static.status_code, static and static.headers["Content-Type"]),
    ("cache", static and static.headers["Cache-Control"]),
    ("encoding", static and static.headers.get("Content-Encoding")),
):
    print("|".join(map(str, line)))
"""


@pytest.mark.slow
def test_production_serves_its_own_static_files_after_collectstatic(tmp_path):
    """The admin's CSS and JavaScript come from the CMS itself (WhiteNoise): hashed names,
    compressed, cached for good. Deploy steps: collectstatic, migrate, then serve."""
    collected = run_production(tmp_path, "collectstatic", "--no-input", "-v", "0")
    assert collected.returncode == 0, collected.stderr
    migrated = run_production(tmp_path, "migrate", "--no-input", "-v", "0")
    assert migrated.returncode == 0, migrated.stderr

    result = run_production(tmp_path, "shell", "--no-imports", "-c", PRODUCTION_REQUESTS)
    assert result.returncode == 0, result.stderr
    seen = {line.split("|")[0]: line.split("|")[1:] for line in result.stdout.splitlines()}
    assert seen["login"][0] == "200", result.stdout
    assert "default-src 'self'" in seen["login"][1]
    assert seen["css"][0] != "None", "the login page links no hashed core.css: " + result.stdout
    assert seen["static"][0] == "200", result.stdout
    assert seen["static"][1].startswith("text/css"), result.stdout
    assert "immutable" in seen["cache"][0], result.stdout
    assert seen["encoding"] == ["gzip"], result.stdout


# ---- Content-Security-Policy --------------------------------------------------------------


def directives(response) -> dict[str, list[str]]:
    header = response["Content-Security-Policy"]
    parsed = {}
    for part in header.split(";"):
        name, *values = part.split()
        parsed[name] = values
    return parsed


STRICT = {
    "default-src": ["'self'"],
    "script-src": ["'self'"],
    "style-src": ["'self'"],
    "img-src": ["'self'", "data:", "blob:"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "frame-ancestors": ["'self'"],
    "form-action": ["'self'"],
}


@pytest.mark.django_db
@pytest.mark.parametrize(
    "path", [LOGIN, "/api/v2/pages/", "/api/v2/manifest/", "/admin/password_reset/"]
)
def test_signed_out_responses_carry_the_strict_policy(client, path):
    response = client.get(path)
    assert response.status_code == 200, path
    assert directives(response) == STRICT


@pytest.mark.django_db
def test_admin_pages_for_editors_allow_inline_elements_only(client, communicator, home):
    client.force_login(communicator)
    response = client.get(f"/admin/pages/{home.pk}/edit/")
    policy = directives(response)
    assert {k: v for k, v in policy.items() if k in STRICT} == STRICT
    assert policy["script-src-elem"] == ["'self'", "'unsafe-inline'"]
    assert policy["style-src-elem"] == ["'self'", "'unsafe-inline'"]
    # Inline event handlers stay forbidden, bar the focal-point cropper's "return;".
    assert policy["script-src-attr"] == [
        "'unsafe-hashes'",
        "'sha256-i+qr4lq34KgNHiW62lWi9aInEBwiEOrfCzaNPCvkqD8='",
    ]
    assert "'unsafe-eval'" not in response["Content-Security-Policy"]


@pytest.mark.django_db
def test_the_admin_asks_no_third_party(client, superuser):
    client.force_login(superuser)
    html = client.get("/admin/").content.decode()
    assert "gravatar.com" not in html
    assert "w-upgrade" not in html  # the dashboard's check against releases.wagtail.org


@pytest.mark.django_db
def test_the_api_sets_no_cookies(client, coach):
    fail(Client(), "idecoach", 5)  # even with lock-outs on record
    response = client.get("/api/v2/pages/")
    assert response.status_code == 200
    assert not response.cookies
