"""Every CMS response carries a Content-Security-Policy: the strict one for signed-out
visitors and the API, and for editors in the admin one that also allows inline elements
(not inline event handlers). The admin asks no third party and the API sets no cookies.
(The policy in a real browser: tests/test_browser_admin_csp.py.)"""

from __future__ import annotations

import pytest
from conftest import LOGIN, fail
from django.test import Client


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
