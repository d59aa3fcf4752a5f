"""The render: content/ → a static site, with MkDocs, the hub plugin and theme, and Pagefind.

Reads only content/ (and the contract of it, ``sitebuild.contract``); never the pull's own
bookkeeping. Builds into a stage that is published atomically (``publish``); renders one
draft on its own for the CMS's preview (``preview``).
"""

from .run import BuildFailed, RenderResult, render

__all__ = ["BuildFailed", "RenderResult", "render"]
