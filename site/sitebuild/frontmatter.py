"""Markdown files with YAML front matter, written with a YAML library and safe for any text.

Every string that contains a line break is written double-quoted with escapes, and no line
is ever folded, so no line of the front matter can read as ``---`` or ``...`` (which would
end MkDocs' front matter early) whatever a title contains.
"""

from __future__ import annotations

from pathlib import Path

import yaml
from mkdocs.utils.meta import get_data

_LINE_BREAKS = ("\n", "\r", "\x85", "\u2028", "\u2029")


# libyaml's emitter when PyYAML has it (it has in every wheel we install): ~20x faster.
class _Dumper(getattr(yaml, "CSafeDumper", yaml.SafeDumper)):
    pass


def _str(dumper: yaml.SafeDumper, value: str):
    multiline = any(ch in value for ch in _LINE_BREAKS)
    style = '"' if multiline or value.strip() in ("---", "...") else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _str)


def dumps(meta: dict, body: str) -> str:
    """The text of a Markdown file: front matter, then ``body``."""
    front = yaml.dump(meta, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=2**30)
    return f"---\n{front}---\n\n{body.strip()}\n"


def loads(text: str) -> tuple[dict, str]:
    """``(meta, body)``, parsed the way MkDocs parses it."""
    body, meta = get_data(text)
    return meta, body


def write_if_changed(path: Path, text: str | bytes) -> bool:
    """Write ``text`` unless the file already holds exactly these bytes (keeps its mtime, so
    MkDocs' dirty build leaves the page alone). True when written."""
    data = text.encode("utf-8") if isinstance(text, str) else text
    try:
        if path.read_bytes() == data:
            return False
    except FileNotFoundError:
        path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_bytes(data)
    tmp.replace(path)
    return True
