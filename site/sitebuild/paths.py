"""Public URL paths ↔ files in content/ and in the built site."""

from __future__ import annotations

from pathlib import PurePosixPath


def clean_url(url: str) -> str:
    """Normalise a site-relative URL for comparison: ``/a/b/index.html`` → ``a/b/``."""
    url = url.split("#", 1)[0].split("?", 1)[0].lstrip("/")
    if url in (".", "./"):  # MkDocs' URL of the home page
        return ""
    url = url.removeprefix("./")
    if url.endswith("index.html"):
        url = url[: -len("index.html")]
    return url


def content_file(path: str) -> PurePosixPath:
    """The Markdown file for a public path.

    ``/goda-exempel/demens/`` → ``goda-exempel/demens/index.md``.

    Every page is an ``index.md`` in its own folder, so a page can gain children without
    moving, and MkDocs publishes it at exactly the CMS's path.
    """
    if not path.startswith("/") or path.startswith("//"):
        raise ValueError(f"Otillåten sökväg (ska börja med ett snedstreck): {path!r}")
    parts = [p for p in path.strip("/").split("/") if p]
    for part in parts:
        if part in (".", "..") or part.startswith("."):
            raise ValueError(f"Otillåten sökväg: {path!r}")
    return PurePosixPath(*parts, "index.md") if parts else PurePosixPath("index.md")
