"""Reading gettext catalogues (.po files) in tests: Wagtail's English source catalogues and
the project's Swedish one (cms/locale)."""

from __future__ import annotations

import re
from pathlib import Path

from django.apps import apps


def po_entries(path: Path) -> list[dict]:
    """The entries of a .po file: ``ctx``, ``id``, ``plural`` (may be absent) and ``str``
    ({index: text}); the header (empty msgid) and obsolete entries left out."""
    entries, entry, key = [], {}, None
    line_re = re.compile(r'^(msgctxt|msgid_plural|msgid|msgstr)(?:\[(\d+)\])? (".*")$')

    def unquote(quoted: str) -> str:
        body = quoted[1:-1]
        return re.sub(r'\\(["\\nt])', lambda m: {"n": "\n", "t": "\t"}.get(m[1], m[1]), body)

    for line in [*path.read_text(encoding="utf-8").splitlines(), ""]:
        match = line_re.match(line)
        if match:
            kind, index, value = match[1], match[2], unquote(match[3])
            if kind in ("msgctxt", "msgid") and "str" in entry:
                entries.append(entry)
                entry = {}
            if kind == "msgstr":
                key = ("str", int(index or 0))
                entry.setdefault("str", {})[key[1]] = value
            else:
                key = ({"msgctxt": "ctx", "msgid": "id", "msgid_plural": "plural"}[kind], None)
                entry[key[0]] = value
        elif line.startswith('"') and key:
            value = unquote(line)
            if key[0] == "str":
                entry["str"][key[1]] += value
            else:
                entry[key[0]] += value
        elif not line.strip() and "str" in entry:
            entries.append(entry)
            entry, key = {}, None
    return [e for e in entries if e.get("id")]


def catalogue_key(entry: dict):
    msgid = entry["id"] if "ctx" not in entry else f"{entry['ctx']}\x04{entry['id']}"
    return (msgid, 0) if "plural" in entry else msgid


def wagtail_locales() -> list[Path]:
    """The locale folders of the installed Wagtail apps."""
    return [
        Path(app.path) / "locale"
        for app in apps.get_app_configs()
        if app.name.startswith("wagtail") and (Path(app.path) / "locale").is_dir()
    ]


def english_sentences() -> set[str]:
    """What the admin would show in English where Swedish is missing: every string of the
    installed Wagtail apps' catalogues of three words or more, without placeholders or
    markup (short words such as "Status" are the same in Swedish)."""
    found = set()
    for locale in wagtail_locales():
        for domain in ("django", "djangojs"):
            source = locale / "en" / "LC_MESSAGES" / f"{domain}.po"
            if source.is_file():
                for entry in po_entries(source):
                    text = entry["id"]
                    if len(text.split()) >= 3 and not re.search(r"[%{<]", text):
                        found.add(text)
    return found
