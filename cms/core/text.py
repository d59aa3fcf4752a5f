"""Swedish text conventions: slugs, sort order, dates and numbers."""

import datetime as dt
import re
import unicodedata

from django.utils.text import slugify

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
    return slugify(text)


# Swedish collation: a–z, then å, ä, ö; ü sorts as y, é as e, and so on.
_ALPHABET = "abcdefghijklmnopqrstuvwxyzåäö"
_FOLD = str.maketrans({"ü": "y", "é": "e", "è": "e", "à": "a", "á": "a", "æ": "ä", "ø": "ö"})
_RANK = {ch: i for i, ch in enumerate(_ALPHABET)}


def swedish_sort_key(text: str) -> tuple:
    """A key that sorts Swedish text the way a Swedish reader expects (SQLite sorts binary).

    Primary: spaces, then digits, then letters in Swedish alphabet order; ties are broken
    by the case-folded and then the original text, so the order is total and stable.
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


def swedish_date(value: dt.date) -> str:
    """``date(2020, 10, 20)`` → ``"20 oktober 2020"``."""
    return f"{value.day} {MONTHS[value.month - 1]} {value.year}"


def swedish_month(value: dt.date) -> str:
    """``date(2020, 10, 1)`` → ``"oktober 2020"``."""
    return f"{MONTHS[value.month - 1]} {value.year}"


def swedish_number(value: int | float, decimals: int = 0) -> str:
    """``4000`` → ``"4 000"`` with a narrow no-break space; decimal comma."""
    text = f"{value:,.{decimals}f}".replace(",", "\u202f").replace(".", ",")
    return re.sub(r"^-", "\u2212", text)
