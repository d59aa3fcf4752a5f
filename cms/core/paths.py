"""Where things land on the static site: the one place that maps CMS objects to public paths.

The static site mirrors the CMS's URL paths, so an internal link written in the CMS works
on the site unchanged:

- a page: its ``url_path`` relative to the site's root page (the home page, ``/home/``),
  so ``/home/goda-exempel/demens/`` is published at ``/goda-exempel/demens/`` and the home
  page at ``/``;
- a case record: ``/case/<slug>/``;
- a document: the path Wagtail serves it at, ``/documents/<id>/<filename>`` (the build step
  downloads the file and writes it there).
"""

from django.urls import reverse

CASE_PREFIX = "/case/"
#: Paths under /case/ that the static site uses for the portal itself (filter pages,
#: pagination, the filter data, the statistics page); a case record cannot take these as its
#: slug. The build step names the same segments (``sitebuild.contract.RESERVED_SEGMENTS``).
RESERVED_CASE_SLUGS = frozenset(
    {"fas", "organisation", "amne", "mal", "ar", "sida", "data", "statistik"}
)


def page_path(url_path: str, root_url_path: str) -> str | None:
    """``("/home/goda-exempel/demens/", "/home/")`` → ``"/goda-exempel/demens/"``.

    None for a page outside the site (it has no public path).
    """
    if not url_path or not url_path.startswith(root_url_path):
        return None
    return "/" + url_path[len(root_url_path) :]


def case_path(slug: str) -> str:
    """``"demens-tidig-upptackt"`` → ``"/case/demens-tidig-upptackt/"``."""
    return f"{CASE_PREFIX}{slug}/"


def document_path(document_id: int, filename: str) -> str:
    """``(5, "rapport.pdf")`` → ``"/documents/5/rapport.pdf"``."""
    return reverse("wagtaildocs_serve", args=(document_id, filename))
