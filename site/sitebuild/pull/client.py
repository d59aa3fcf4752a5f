"""HTTP client for the CMS API: the same code for the in-process CMS and a remote one.

With a URL it talks to a remote CMS; without one, to whatever ``transport`` its caller
hands it (``sitebuild.local_cms`` hands it the in-process CMS's WSGI app, so no server is
needed). The client itself knows nothing of Django. Transient failures (timeouts,
connection resets, 5xx) are retried with exponential backoff; anything else fails at once
with an error naming the URL.
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from typing import Any

import httpx

from .. import limits

DEFAULT_TIMEOUT = 30.0
RETRIES = 4
BACKOFF = 0.5  # seconds; doubles each attempt
PAGE_SIZE = 500  # items per listing request


class ApiError(RuntimeError):
    """The API could not give us what we asked for. The message names the URL."""


class _RequestTimeLimit(limits.TimeLimitExceeded):
    """One request's time limit ran out (reported as an ``ApiError``)."""


class ApiClient:
    def __init__(
        self,
        api: str | None = None,
        *,
        transport: httpx.BaseTransport | None = None,
        timeout: float = DEFAULT_TIMEOUT,
        retries: int = RETRIES,
        backoff: float = BACKOFF,
        time_limit: float | None = None,
        size_limit: int | None = None,
    ):
        if api:
            base = api.rstrip("/")
            if not base.endswith("/api/v2"):
                base += "/api/v2"
        elif transport is not None:
            base = "http://localhost/api/v2"
        else:
            raise TypeError("ApiClient needs the API's URL or a transport to reach it")
        self.base = base
        self.retries = retries
        self.backoff = backoff
        #: Seconds one response may take in all, and the most bytes it may have (limits.py).
        self.time_limit = time_limit or limits.request_time_limit()
        self.size_limit = size_limit or limits.response_size_limit()
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
                with limits.time_limit(self.time_limit, self._too_slow(url), _RequestTimeLimit):
                    status, body, shown_url = self._read(url, params)
            except _RequestTimeLimit as exc:
                raise ApiError(str(exc)) from None
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
                if status < 400:
                    return body
                if status < 500 or last:
                    raise ApiError(f"{shown_url}: HTTP {status} {_excerpt(body)}".rstrip())
            time.sleep(self.backoff * (2**attempt))
        raise AssertionError("unreachable")

    def _read(self, url: str, params: dict | None) -> tuple[int, bytes, str]:
        """``(status, body, final URL)`` of one GET, read in chunks: refused as soon as it
        is larger than ``size_limit`` and, between chunks, once ``time_limit`` has passed
        (``limits.time_limit`` also interrupts a read that never returns)."""
        started = time.monotonic()
        with self._http.stream("GET", url, params=params) as response:
            shown = str(response.request.url)
            declared = response.headers.get("content-length", "")
            if declared.isdigit() and int(declared) > self.size_limit:
                raise ApiError(self._too_big(shown, int(declared)))
            body = bytearray()
            for chunk in response.iter_bytes():
                body += chunk
                if len(body) > self.size_limit:
                    raise ApiError(self._too_big(shown))
                if time.monotonic() - started > self.time_limit:
                    raise ApiError(self._too_slow(shown))
            return response.status_code, bytes(body), shown

    def _too_slow(self, url: str) -> str:
        return (
            f"{url}: inget fullständigt svar inom {self.time_limit:g} sekunder "
            "(HUB_REQUEST_TIME_LIMIT)"
        )

    def _too_big(self, url: str, size: int | None = None) -> str:
        limit_mb = self.size_limit / 2**20
        what = f"{size / 2**20:.1f} MB" if size is not None else f"mer än {limit_mb:g} MB"
        return (
            f"{url}: svaret är för stort ({what}; gränsen är {limit_mb:g} MB, "
            "HUB_RESPONSE_SIZE_LIMIT_MB)"
        )

    def get(self, path: str, params: dict | None = None) -> Any:
        url = self.url(path)
        body = self.get_bytes(path, params)
        try:
            return json.loads(body)
        except ValueError as exc:
            raise ApiError(f"{url}: ogiltig JSON ({exc})") from exc

    def paginate(
        self, path: str, params: dict | None = None, page_size: int = PAGE_SIZE
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


def _excerpt(body: bytes) -> str:
    text = body[:400].decode("utf-8", errors="replace").strip().replace("\n", " ")
    return f"– {text[:200]}" if text else ""
