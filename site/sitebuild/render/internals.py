"""The few places the render relies on MkDocs' or Jinja's behaviour beyond their public
API, kept together so that an upgrade has one module to check.

Each is here for speed or for a warning MkDocs gives that strict mode would turn into a
failure, and each has a test that fails if the library changes under it
(tests/test_sitebuild_internals.py, tests/test_sitebuild_getattr.py). Everything else in
``sitebuild.render`` uses plugin events and documented objects only.
"""

from __future__ import annotations

import logging

from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc

# -- 1. No Markdown pass for a page without a body -----------------------------------------


class BodylessPage(Page):
    """MkDocs' ``Page``, but a page whose Markdown is empty (a case record is all front
    matter) skips the Markdown pass: at 10 000 case records, making a Markdown converter
    per page is seconds of a full build, for an empty result.

    Relies on what ``Page.render`` sets (``content``, ``toc``, ``present_anchor_ids``,
    ``links_to_anchors``; the title found in the body, ``_title_from_render``, stays None):
    the test renders an empty page both ways and compares every attribute."""

    def render(self, config, files) -> None:
        if self.markdown and self.markdown.strip():
            super().render(config, files)
            return
        self.content = ""
        self.toc = get_toc([])
        self.present_anchor_ids = set()
        self.links_to_anchors = {}


# -- 2. Jinja's ``a.b``, keys of plain dicts first ------------------------------------------

_DICT_ATTRIBUTES = frozenset(dir(dict))


def dict_keys_first(env):
    """Jinja's ``a.b`` for the theme: the same result, found faster for plain dicts.

    Jinja first tries ``getattr(a, "b")`` and only then ``a["b"]``; the templates read
    nearly everything from dicts (front matter and the cards in it), so almost every
    lookup first raised an AttributeError, about a tenth of the render. A dict has no
    attribute by any name that is not one of its methods, so for every other name looking
    up the key first gives what Jinja would give. Installed as ``env.getattr``, the method
    Jinja's compiled templates call for every attribute lookup.
    """
    default = env.getattr

    def getattr_(obj, attribute):
        if type(obj) is dict and attribute not in _DICT_ATTRIBUTES:
            try:
                return obj[attribute]
            except KeyError:
                return env.undefined(obj=obj, name=attribute)
        return default(obj, attribute)

    return getattr_


# -- 3. MkDocs' notice on every dirty build -------------------------------------------------

#: The start of the warning MkDocs logs on every dirty build (mkdocs.commands.build).
DIRTY_NOTICE = "A 'dirty' build is being performed"
DIRTY_NOTICE_LOGGER = "mkdocs.commands.build"


class _DropDirtyNotice(logging.Filter):
    """MkDocs warns on every dirty build; in strict mode that warning would fail the build."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not record.getMessage().startswith(DIRTY_NOTICE)


def drop_dirty_notice() -> None:
    logger = logging.getLogger(DIRTY_NOTICE_LOGGER)
    if not any(isinstance(f, _DropDirtyNotice) for f in logger.filters):
        logger.addFilter(_DropDirtyNotice())
