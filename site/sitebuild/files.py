"""Writing files so that a reader never sees half of one, and a hard link is never written
through.

Every file the build step writes whole goes through ``replace_file``: the bytes go to a
new file beside it, which is then renamed over the old name. A reader sees the old file or
the new one, a killed process leaves the old one, and a file shared by hard links (a staged
build starts as links to the live one, ``render.publish``) keeps its bytes under its other
names. ``write_if_changed`` adds what content/ needs: a file whose bytes are already right
is left alone, so its time stays and MkDocs' dirty build skips its page.
"""

from __future__ import annotations

from pathlib import Path


def replace_file(path: Path, data: str | bytes) -> None:
    """Make ``path`` a new file holding ``data`` (text as UTF-8), never writing into the
    file that was there."""
    path = Path(path)
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    tmp.replace(path)


def write_if_changed(path: Path, text: str | bytes) -> bool:
    """Write ``text`` unless the file already holds exactly these bytes (keeps its mtime, so
    MkDocs' dirty build leaves the page alone). True when written."""
    data = text.encode("utf-8") if isinstance(text, str) else text
    try:
        if path.read_bytes() == data:
            return False
    except FileNotFoundError:
        # A new file: nobody reads it yet, so no need for a temporary file and a rename
        # (a pull that fails half-way is repaired by the next, see pull/puller.py).
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(path, "xb") as new:
            new.write(data)
        return True
    replace_file(path, data)
    return True
