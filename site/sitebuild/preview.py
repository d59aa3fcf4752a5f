"""One page on its own: an API payload rendered with the site's theme, without a build.

Wagtail's preview (in the CMS process) hands a draft's API representation to
``render_item``; the HTML is exactly what the build would publish for that page, except
that images point at the CMS's own renditions (nothing is downloaded) and listings that
come from other pages are left empty.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from mkdocs.commands.build import _populate_page, get_context
from mkdocs.structure.files import get_files
from mkdocs.structure.nav import get_navigation
from mkdocs.structure.pages import Page

from .frontmatter import dumps
from .mapping import case_entry, page_entry
from .media import image_shape
from .paths import content_file
from .render import MKDOCS_YML, load


def remote_image(api_image: dict | None, purpose: str) -> dict | None:
    """The theme's image shape using the CMS's rendition URLs as they are."""
    return image_shape(api_image, purpose)


def render_item(
    item: dict, *, extra_meta: dict | None = None, config_file: Path = MKDOCS_YML
) -> str:
    """HTML for one API item: a page (Wagtail API shape) or a case record (``/cases/``)."""
    is_case = "case_id" in item and "meta" not in item
    entry = case_entry(item) if is_case else page_entry(item, remote_image)
    meta = {**entry.meta, **(extra_meta or {})}
    with tempfile.TemporaryDirectory(prefix="hub-preview-") as tmp:
        content = Path(tmp) / "content"
        rel = content_file(entry.path)
        target = content / rel
        target.parent.mkdir(parents=True)
        target.write_text(dumps(meta, entry.body), encoding="utf-8")

        config = load(content, Path(tmp) / "out", config_file=config_file)
        plugin = config.plugins["hub"]
        plugin.config.check_links = False  # the rest of the site is not here
        config = config.plugins.on_config(config)
        env = config.theme.get_env()
        files = get_files(config)
        files.add_files_from_theme(env, config)
        files = config.plugins.on_files(files, config=config)
        nav = get_navigation(files, config)
        file = files.get_file_from_path(rel.as_posix())
        page = Page(None, file, config)
        _populate_page(page, config, files)
        env = config.plugins.on_env(env, config=config, files=files)
        template = env.get_template(page.meta.get("template", "main.html"))
        output = template.render(get_context(nav, files, config, page))
        return config.plugins.on_post_page(output, page=page, config=config)
