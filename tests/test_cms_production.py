"""Production settings: the demo logins never reach production (load_demo refuses); the CMS
refuses to start without absolute public URLs or with a nonsense proxy count, reads them
from the environment, and serves its own static files after collectstatic."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command
from django.core.management.base import CommandError

ROOT = Path(__file__).resolve().parent.parent


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
