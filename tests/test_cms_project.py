"""Project-level guarantees: migrations, settings, Swedish text helpers."""

import datetime as dt
import os
import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command

from swedish import (
    no_break,
    no_break_html,
    swedish_date,
    swedish_number,
    swedish_percent,
    swedish_slugify,
    swedish_sort_key,
)

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.django_db
def test_no_missing_migrations():
    out = StringIO()
    call_command("makemigrations", "--check", "--dry-run", stdout=out)
    assert "No changes detected" in out.getvalue()


#: What production settings require from the environment (cms/settings/production.py).
PRODUCTION_REQUIRED = (
    "DJANGO_SECRET_KEY",
    "DATABASE_URL",
    "ALLOWED_HOSTS",
    "WAGTAILADMIN_BASE_URL",
    "HUB_SITE_URL",
)


def _run_production(*args, env_extra):
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in (*PRODUCTION_REQUIRED, "HUB_TRUSTED_PROXIES")
        # set for Playwright in tests (conftest.py); a production process never has it
        and k != "DJANGO_ALLOW_ASYNC_UNSAFE"
    }
    env.update(DJANGO_SETTINGS_MODULE="cms.settings.production", **env_extra)
    return subprocess.run(
        [sys.executable, "-m", "cms", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_refuses_to_start_without_secrets():
    result = _run_production("check", env_extra={})
    assert result.returncode != 0
    for name in PRODUCTION_REQUIRED:
        assert name in result.stderr


def test_production_deploy_check_is_clean(tmp_path):
    result = _run_production(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        env_extra={
            "DJANGO_SECRET_KEY": "x" * 20 + "a-long-random-production-secret-key-0123456789",
            "DATABASE_URL": f"sqlite:///{tmp_path / 'prod.sqlite3'}",
            "ALLOWED_HOSTS": "hub.sundsvall.se",
            "WAGTAILADMIN_BASE_URL": "https://hub.sundsvall.se",
            "HUB_SITE_URL": "https://innovation.sundsvall.se/",
        },
    )
    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout


def test_admin_language_and_time_zone(settings):
    assert settings.LANGUAGE_CODE == "sv"
    assert settings.TIME_ZONE == "Europe/Stockholm"


@pytest.mark.django_db
def test_admin_is_swedish(client, communicator):
    client.force_login(communicator)
    response = client.get("/admin/")
    assert response.status_code == 200
    assert 'lang="sv"' in response.content.decode()
    assert "Sidor" in response.content.decode()


@pytest.mark.parametrize(
    ("text", "slug"),
    [
        ("Äppelträd i Överkalix", "appeltrad-i-overkalix"),
        ("Idé & café", "ide-cafe"),
        ("Müller", "muller"),
    ],
)
def test_swedish_slugify(text, slug):
    assert swedish_slugify(text) == slug


def test_swedish_sort_order():
    words = ["Östersund", "Ängelholm", "Åre", "Zinkgruvan", "Alingsås", "Ystad", "Umeå"]
    assert sorted(words, key=swedish_sort_key) == [
        "Alingsås",
        "Umeå",
        "Ystad",
        "Zinkgruvan",
        "Åre",
        "Ängelholm",
        "Östersund",
    ]


def test_swedish_dates_and_numbers():
    assert swedish_date(dt.date(2020, 10, 20)) == "20 oktober 2020"
    assert swedish_date(dt.date(2019, 3, 1)) == "1 mars 2019"
    assert swedish_number(4000) == "4\u202f000"
    assert swedish_number(31.5, 1) == "31,5"


@pytest.mark.parametrize(
    ("text", "typeset"),
    [
        ("70 % av eleverna", "70\u00a0% av eleverna"),
        ("svinnet minskade med 3,5 %", "svinnet minskade med 3,5\u00a0%"),
        ("4 000 kronor", "4\u202f000 kronor"),
        ("12 345 678 besök", "12\u202f345\u202f678 besök"),
        ("4 000,50 kronor", "4\u202f000,50 kronor"),
        ("den 20 oktober 2020 kl. 9", "den 20\u00a0oktober\u00a02020 kl. 9"),
        ("från 1 mars till 12 maj", "från 1\u00a0mars till 12\u00a0maj"),
        # Left as they are: years side by side, numbers that are not digit groups, a
        # month and year without a day, a phone number.
        ("2019 2020", "2019 2020"),
        ("25 deltagare 2018 och 40 deltagare 2019", "25 deltagare 2018 och 40 deltagare 2019"),
        ("Mål 3, 10 och 16", "Mål 3, 10 och 16"),
        ("oktober 2020", "oktober 2020"),
        ("060-19 10 00", "060-19 10 00"),
    ],
)
def test_no_break_keeps_swedish_units_on_one_line(text, typeset):
    assert no_break(text) == typeset
    assert no_break(typeset) == typeset  # typesetting twice changes nothing


def test_no_break_html_leaves_tags_and_attributes_alone():
    html = (
        '<p title="70 % av 4 000">Av 4 000 elever svarade 70 %, den 20 oktober 2020.</p>'
        '<svg viewBox="0 0 100 100"><path d="M0 100 L100 100"/></svg>'
    )
    assert no_break_html(html) == (
        '<p title="70 % av 4 000">Av 4\u202f000 elever svarade 70\u00a0%, den '
        "20\u00a0oktober\u00a02020.</p>"
        '<svg viewBox="0 0 100 100"><path d="M0 100 L100 100"/></svg>'
    )
    assert no_break_html("utan taggar: 70 %") == "utan taggar: 70\u00a0%"


def test_swedish_percent():
    assert swedish_percent(70) == "70\u00a0%"
    assert swedish_percent(31.5, 1) == "31,5\u00a0%"
