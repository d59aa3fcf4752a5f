"""The CMS in this process, as the HTTP client's transport: the one place the build step
meets Django.

By default ``hub build`` and ``hub pull`` reach the local CMS without a server: httpx
calls the CMS's WSGI app directly. Only this module imports it (``cms.wsgi``, which sets
Django up); the client and everything else in ``sitebuild`` talk HTTP only, which
import-linter checks (pyproject.toml).
"""

from __future__ import annotations

import os

import httpx

from .pull.client import ApiClient


def transport() -> httpx.WSGITransport:
    """A transport into the CMS in this process (its development settings unless
    ``DJANGO_SETTINGS_MODULE`` says otherwise)."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.dev")
    from cms.wsgi import application

    return httpx.WSGITransport(app=application)


def api_client(api: str | None = None, **options) -> ApiClient:
    """A client for the CMS at ``api``, or for the CMS in this process without one."""
    if api:
        return ApiClient(api, **options)
    return ApiClient(transport=transport(), **options)
