"""HTTP client for the CMS API: the same code for the in-process CMS and a remote one.

In-process, httpx talks to the CMS's WSGI app directly (no server needed); with a URL it
talks to a remote CMS. Transient failures (timeouts, connection resets, 5xx) are retried
with exponential backoff; anything else fails at once with an error naming the URL.
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Iterator
from typing import Any

import httpx

DEFAULT_TIMEOUT = 30.0
RETRIES = 4
BACKOFF = 0.5  # seconds; doubles each attempt


class ApiError(RuntimeError):
    """The API could not give us what we asked for. The message names the URL."""


def local_transport() -> httpx.WSGITransport:
    """A transport into the CMS in this process (imports Django, never its models here)."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.dev")
    from cms.wsgi import application

    return httpx.WSGITransport(app=application)


class ApiClient:
    def __init__(
        self,
        api: str | None = None,
        *,
        transport: httpx.BaseTransport | None = None,
        timeout: float = DEFAULT_TIMEOUT,
        retries: int = RETRIES,
        backoff: float = BACKOFF,
    ):
        if api:
            base = api.rstrip("/")
            if not base.endswith("/api/v2"):
                base += "/api/v2"
        else:
            base = "http://localhost/api/v2"
            transport = transport or local_transport()
        self.base = base
        self.retries = retries
        self.backoff = backoff
        self.requests = 0
        self._http = httpx.Client(
            transport=transport,
            timeout=timeout,
            headers={"Accept": "application/json", "User-Agent": "hub-sitebuild"},
            follow_redirects=True,
        )

    def close(self) -> None:
        self._http.close()

    def __enter__(self) -> ApiClient:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def origin_url(self, path: str) -> str:
        """A URL on the CMS's host (media, documents): ``/media/x.jpg`` → ``http://cms/media/x.jpg``."""
        if path.startswith(("http://", "https://")):
            return path
        return self.base[: -len("/api/v2")] + "/" + path.lstrip("/")

    def url(self, path: str) -> str:
        if path.startswith(("http://", "https://")):
            return path
        return f"{self.base}/{path.lstrip('/')}"

    def get_bytes(self, path: str, params: dict | None = None) -> bytes:
        url = self.url(path)
        for attempt in range(self.retries + 1):
            last = attempt == self.retries
            try:
                self.requests += 1
                response = self._http.get(url, params=params)
            except (httpx.TimeoutException, httpx.RemoteProtocolError, httpx.ReadError) as exc:
                if last:
                    raise ApiError(
                        f"{url}: inget svar ({exc.__class__.__name__}) efter "
                        f"{self.retries + 1} försök"
                    ) from exc
            except httpx.ConnectError as exc:
                if last:
                    raise ApiError(f"{url}: kan inte ansluta ({exc})") from exc
            except httpx.HTTPError as exc:
                raise ApiError(f"{url}: {exc}") from exc
            else:
                if response.status_code < 400:
                    return response.content
                if response.status_code < 500 or last:
                    raise ApiError(
                        f"{response.request.url}: HTTP {response.status_code} "
                        f"{_excerpt(response)}".rstrip()
                    )
            time.sleep(self.backoff * (2**attempt))
        raise AssertionError("unreachable")

    def get(self, path: str, params: dict | None = None) -> Any:
        url = self.url(path)
        body = self.get_bytes(path, params)
        try:
            return json.loads(body)
        except ValueError as exc:
            raise ApiError(f"{url}: ogiltig JSON ({exc})") from exc

    def paginate(
        self, path: str, params: dict | None = None, page_size: int = 500
    ) -> Iterator[dict]:
        """Every item of a listing, page by page (Wagtail's ``items`` or DRF's ``results``)."""
        params = dict(params or {})
        params.setdefault("limit", page_size)
        offset = 0
        while True:
            data = self.get(path, {**params, "offset": offset})
            items = data.get("items", data.get("results"))
            if items is None:
                raise ApiError(f"{self.url(path)}: svaret saknar 'items'/'results'")
            yield from items
            total = data.get("meta", {}).get("total_count", data.get("count"))
            offset += len(items)
            if not items or (total is not None and offset >= total):
                return


def _excerpt(response: httpx.Response) -> str:
    try:
        text = response.text.strip().replace("\n", " ")
    except Exception:  # noqa: BLE001 - undecodable body: say nothing about it
        return ""
    return f"– {text[:200]}" if text else ""
