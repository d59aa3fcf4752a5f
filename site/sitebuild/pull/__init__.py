"""The pull: the CMS's API → content/ (Markdown + front matter, media, data files).

Writes content/ as ``sitebuild.contract`` describes it and never imports the render
(``sitebuild.render``); import-linter checks that (pyproject.toml).
"""

from .client import ApiClient, ApiError
from .puller import PullResult, pull

__all__ = ["ApiClient", "ApiError", "PullResult", "pull"]
