"""Swedish text conventions: slugs, sort order, dates and numbers.

Plain Python that imports neither Django, ``cms`` nor ``sitebuild``: the CMS and the build step
share it.
"""

import datetime as dt
import functools
import re
import unicodedata

# Swedish transliteration for URLs: å/ä→a, ö→o (not the German ae/oe), é→e.
_SLUG_MAP = str.maketrans(
    {
        "å": "a",
        "ä": "a",
        "ö": "o",
        "Å": "a",
        "Ä": "a",
        "Ö": "o",
        "æ": "a",
        "ø": "o",
        "Æ": "a",
        "Ø": "o",
        "ß": "ss",
    }
)


def swedish_slugify(text: str) -> str:
    """``"Äldreomsorg på Öland – é"`` → ``"aldreomsorg-pa-oland-e"``."""
    text = (text or "").translate(_SLUG_MAP)
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    text = re.sub(r"[^\w\s-]", "", text.lower())
    return re.sub(r"[-\s_]+", "-", text).strip("-_")


# Swedish collation: a–z, then å, ä, ö; ü sorts as y, é as e, and so on.
_ALPHABET = "abcdefghijklmnopqrstuvwxyzåäö"
_FOLD = str.maketrans({"ü": "y", "é": "e", "è": "e", "à": "a", "á": "a", "æ": "ä", "ø": "ö"})
_RANK = {ch: i for i, ch in enumerate(_ALPHABET)}


@functools.lru_cache(maxsize=1 << 16)
def swedish_sort_key(text: str) -> tuple:
    """A key that sorts Swedish text the way a Swedish reader expects (SQLite sorts binary).

    Primary: spaces, then digits, then letters in Swedish alphabet order; ties are broken
    by the case-folded and then the original text, so the order is total and stable.

    Remembered for the last 65 536 texts: a worker that rebuilds the site again and again
    sorts the same titles and paths each time (tens of thousands at 10 000 cases).
    """
    folded = (text or "").casefold()
    primary = []
    for ch in folded.translate(_FOLD):
        if ch in _RANK:
            primary.append((2, _RANK[ch]))
        elif ch.isdigit():
            primary.append((1, ord(ch)))
        elif ch.isalpha():
            base = unicodedata.normalize("NFKD", ch)[0]
            primary.append((2, _RANK.get(base, 100 + ord(base))))
        elif ch.isspace():
            primary.append((0, 0))
    return (tuple(primary), folded, text or "")


MONTHS = [
    "januari",
    "februari",
    "mars",
    "april",
    "maj",
    "juni",
    "juli",
    "augusti",
    "september",
    "oktober",
    "november",
    "december",
]


def parse_date(value) -> dt.date | None:
    """A date from a date, a datetime or an ISO 8601 string (None for empty)."""
    if value in (None, ""):
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = str(value)
    try:
        return dt.datetime.fromisoformat(text.replace("Z", "+00:00")).date()
    except ValueError:
        return dt.date.fromisoformat(text[:10])


def swedish_date(value) -> str:
    """``date(2020, 10, 20)`` or ``"2020-10-20"`` → ``"20 oktober 2020"``."""
    date = parse_date(value)
    return f"{date.day} {MONTHS[date.month - 1]} {date.year}" if date else ""


def swedish_month(value) -> str:
    """``date(2020, 10, 1)`` → ``"oktober 2020"``."""
    date = parse_date(value)
    return f"{MONTHS[date.month - 1]} {date.year}" if date else ""


def swedish_number(value: int | float, decimals: int = 0) -> str:
    """``4000`` → ``"4 000"`` with a narrow no-break space; decimal comma."""
    text = f"{value:,.{decimals}f}".replace(",", "\u202f").replace(".", ",")
    return re.sub(r"^-", "\u2212", text)


# No-break spaces ----------------------------------------------------------------------------
# Swedish typography keeps together what a reader takes in as one unit: "70 %", "4 000" and
# "20 oktober 2020" must not break across lines.

NBSP = "\u00a0"  # no-break space: "70 %", "20 oktober 2020"
NNBSP = "\u202f"  # narrow no-break space: between the digit groups of "4 000"

_PERCENT = re.compile(r"(?<=[0-9]) (?=%)")
_DIGIT_GROUPS = re.compile(r"(?<![0-9,.])[0-9]{1,3}(?: [0-9]{3})+(?![0-9])")
_DATE = re.compile(r"(?<![0-9])([0-9]{1,2}) (" + "|".join(MONTHS) + r")\b(?: ([0-9]{4})\b)?")
#: Every rule above starts with a digit and a space: text without one is left at once.
_CANDIDATE = re.compile(r"[0-9] ")
#: A text between tags that holds a candidate (the only ones worth a Python call).
_TEXT_CANDIDATE = re.compile(r"(?:^|(?<=>))[^<]*?[0-9] [^<]*")


def _date_together(match: re.Match) -> str:
    day, month, year = match.groups()
    return f"{day}{NBSP}{month}" + (f"{NBSP}{year}" if year else "")


def no_break(text: str) -> str:
    """Plain text with no-break spaces where Swedish typography wants them: ``"70 %"`` →
    ``"70\\u00a0%"``, ``"4 000"`` → ``"4\\u202f000"`` (as ``swedish_number`` writes it),
    ``"20 oktober 2020"`` and ``"20 oktober"`` → joined by ``"\\u00a0"``. Text that has
    none of them is returned as it is (a quick test first: templates call this for every
    value they print)."""
    if not text or " " not in text or not _CANDIDATE.search(text):
        return text
    text = _PERCENT.sub(NBSP, text)
    text = _DIGIT_GROUPS.sub(lambda m: m.group().replace(" ", NNBSP), text)
    return _DATE.sub(_date_together, text)


def no_break_html(html: str) -> str:
    """``no_break`` for the text of an HTML fragment: tags and their attributes are left
    as they are (an SVG path or a ``srcset`` needs its ordinary spaces)."""
    if not html or " " not in html or not _CANDIDATE.search(html):
        return html
    if "<" not in html:
        return no_break(html)
    return _TEXT_CANDIDATE.sub(lambda m: no_break(m.group()), html)


def swedish_percent(value: int | float, decimals: int = 0) -> str:
    """``70`` → ``"70 %"`` with a no-break space; decimal comma."""
    return f"{swedish_number(value, decimals)}{NBSP}%"
