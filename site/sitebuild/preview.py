"""The CMS's preview: a draft's API representation rendered with the site's theme.

Wagtail's preview (in the CMS process) hands a draft's API representation to
``render_item``; the HTML is exactly what the build would publish for that page, except
that images point at the CMS's own renditions (nothing is downloaded) and listings that
come from other pages are left empty. The item is mapped as the pull maps it and rendered
as the render renders a page.
"""

from __future__ import annotations

from pathlib import Path

from .contract import MKDOCS_YML, is_case_item
from .pull.mapping import case_entry, page_entry
from .pull.media import image_shape
from .render.preview import render_page


def remote_image(api_image: dict | None, purpose: str) -> dict | None:
    """The theme's image shape using the CMS's rendition URLs as they are."""
    return image_shape(api_image, purpose)


def render_item(
    item: dict, *, extra_meta: dict | None = None, config_file: Path = MKDOCS_YML
) -> str:
    """HTML for one API item: a page (Wagtail API shape) or a case record (``/cases/``)."""
    entry = case_entry(item) if is_case_item(item) else page_entry(item, remote_image)
    meta = {**entry.meta, **(extra_meta or {})}
    return render_page(entry.path, meta, entry.body, config_file=config_file)
