"""What the build knows for the accessibility statement (``contract.ACCESSIBILITY_STATEMENT``).

The editor writes the statement in the CMS: the compliance status, the problems people
have found, how the site was assessed and when, the feedback channel. What the build can
see for itself it fills in, so that it is never out of date: every document (a PDF, say)
that a public page links to, with the pages that link it, its format and size. Documents
are the content whose accessibility the site cannot check; a visitor who cannot read one
asks for it in another format. The statement's own last update is its page's publication
date, which the page already carries (``last_published``).
"""

from __future__ import annotations

from pathlib import Path, PurePosixPath

from ..contract import ACCESSIBILITY_STATEMENT

DOCUMENTS = "/documents/"


def add(extra: dict[str, dict], items: dict[str, dict], content: Path) -> None:
    """Add ``accessibility`` to the statement page's derived front matter (``extra``, by
    state key), if the site has the page. ``items``: the pull state's items, each with the
    site paths of the media it uses (the files are already in ``content``)."""
    key = next((k for k, info in items.items() if info["path"] == ACCESSIBILITY_STATEMENT), None)
    if key is None:
        return
    extra.setdefault(key, {})["accessibility"] = {"documents": documents(items, content)}


def documents(items: dict[str, dict], content: Path) -> list[dict]:
    """Every document a public page or case links to, by file name: ``{path, name, format,
    bytes, pages [link]}``, the linking pages in order of their paths."""
    found: dict[str, dict] = {}
    for info in sorted(items.values(), key=lambda info: info["path"]):
        for path in info.get("media", []):
            if not path.startswith(DOCUMENTS):
                continue
            name = PurePosixPath(path).name
            doc = found.setdefault(
                path,
                {
                    "path": path,
                    "name": name,
                    "format": PurePosixPath(name).suffix.lstrip(".").upper() or "okänt format",
                    "bytes": _size(content, path),
                    "pages": [],
                },
            )
            doc["pages"].append({"title": info["card"]["title"], "path": info["path"]})
    return sorted(found.values(), key=lambda doc: (doc["name"].lower(), doc["path"]))


def _size(content: Path, path: str) -> int | None:
    try:
        return (Path(content) / path.lstrip("/")).stat().st_size
    except OSError:
        return None
