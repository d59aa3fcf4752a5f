"""Sanitising at the boundary: every HTML fragment and every URL the API sends.

The CMS's admin forms only produce safe rich text, but HTML and URLs can reach its
database by other paths (a script, an import, a future API), and the build publishes
whatever the API gives it. So the pull passes every HTML value through ``html`` and every
URL through ``url`` as it turns an API item into content (``mapping`` and ``blocks``),
whatever the CMS sent: an allow-list of tags, attributes and URL schemes, applied by nh3
(the Rust sanitiser ammonia), never by hand-written parsing.

Text that is not HTML needs no sanitising here: the theme's templates escape it.
"""

from __future__ import annotations

from html import escape

import nh3

#: What rich text from the CMS may contain (its editor's features, cms/core/blocks.py, and
#: the links and embeds its API writes), and nothing that runs or loads anything.
TAGS = frozenset(
    {
        "a",
        "abbr",
        "b",
        "blockquote",
        "br",
        "code",
        "em",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "i",
        "li",
        "ol",
        "p",
        "strong",
        "sub",
        "sup",
        "ul",
    }
)
ATTRIBUTES = {
    "*": {"lang"},
    "a": {"href", "data-file-extension", "data-file-size"},
    "abbr": {"title"},
}
#: Schemes a link may have; a link without a scheme (``/case/x/``, ``#top``) is kept.
SCHEMES = frozenset({"http", "https", "mailto", "tel"})

_OPTIONS = {"attributes": ATTRIBUTES, "url_schemes": SCHEMES, "link_rel": None}


def html(value: str | None) -> str:
    """``value`` with every tag, attribute and link scheme outside the allow-lists
    removed (the text of a removed ``<script>`` or ``<style>`` goes with it)."""
    if not value:
        return ""
    return nh3.clean(str(value), tags=TAGS, **_OPTIONS)


def url(value: str | None) -> str:
    """``value`` if a link to it is allowed (see ``SCHEMES``), else ``""``.

    Decided by nh3 itself, on a link made of the URL, so that a URL in a field gets the
    same verdict as the same URL in rich text (browsers read ``" java\\tscript:"`` as
    ``javascript:``, and so does nh3)."""
    if not value:
        return ""
    text = str(value).strip()
    cleaned = nh3.clean(f'<a href="{escape(text)}"></a>', tags={"a"}, **_OPTIONS)
    return text if cleaned.startswith("<a href=") else ""
