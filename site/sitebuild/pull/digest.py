"""Digests of JSON-shaped data, for telling whether something the pull wrote has changed."""

from __future__ import annotations

import hashlib
import json


def digest(data, *, compact: bool = False) -> str:
    """A SHA-1 of ``data`` as JSON with sorted keys. ``compact`` leaves out the spaces
    after separators: the case portal's listing digests (written into content/) were made
    so from the start, the pull state's digests without; each must stay as it is, or the
    next pull would take every item for changed."""
    separators = (",", ":") if compact else None
    text = json.dumps(data, sort_keys=True, ensure_ascii=False, separators=separators)
    return hashlib.sha1(text.encode()).hexdigest()
