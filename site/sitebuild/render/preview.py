"""One page on its own, rendered with the site's theme without a build (the preview).

``render_page`` takes what the pull would write for the page (its path, front matter and
body) and renders it as MkDocs would in a build, through the same plugin events;
``sitebuild.preview`` makes those from a draft's API representation.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from mkdocs.commands.build import get_context
from mkdocs.structure.files import get_files
from mkdocs.structure.nav import get_navigation
from mkdocs.structure.pages import Page

from ..contract import MKDOCS_YML
from ..frontmatter import dumps
from ..paths import content_file
from .run import load


def render_page(
    path: str,
    meta: dict,
    body: str,
    *,
    data_dir: Path | None = None,
    site_url: str | None = None,
    config_file: Path = MKDOCS_YML,
) -> str:
    """HTML for the page at ``path`` with this front matter and body; links to the rest of
    the site are not checked (the rest of the site is not here). ``data_dir``: where the
    data files are (``content/.data`` of the last pull; without it the page has none);
    ``site_url``: the site's address for absolute links (default: mkdocs.yml's)."""
    with tempfile.TemporaryDirectory(prefix="hub-preview-") as tmp:
        content = Path(tmp) / "content"
        rel = content_file(path)
        target = content / rel
        target.parent.mkdir(parents=True)
        target.write_text(dumps(meta, body), encoding="utf-8")

        config = load(content, Path(tmp) / "out", site_url=site_url, config_file=config_file)
        plugin = config.plugins["hub"]
        plugin.config.check_links = False  # the rest of the site is not here
        if data_dir is not None:
            plugin.config.data_dir = str(Path(data_dir).absolute())
        config = config.plugins.on_config(config)
        env = config.theme.get_env()
        files = get_files(config)
        files.add_files_from_theme(env, config)
        files = config.plugins.on_files(files, config=config)
        nav = get_navigation(files, config)
        file = files.get_file_from_path(rel.as_posix())
        page = Page(None, file, config)
        # What MkDocs does to read and render a page, through the same plugin events.
        page = config.plugins.on_pre_page(page, config=config, files=files)
        page.read_source(config)
        page.markdown = config.plugins.on_page_markdown(
            page.markdown, page=page, config=config, files=files
        )
        page.render(config, files)
        page.content = config.plugins.on_page_content(
            page.content, page=page, config=config, files=files
        )
        env = config.plugins.on_env(env, config=config, files=files)
        template = env.get_template(page.meta.get("template", "main.html"))
        output = template.render(get_context(nav, files, config, page))
        return config.plugins.on_post_page(output, page=page, config=config)
