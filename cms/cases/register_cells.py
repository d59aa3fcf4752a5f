"""The cells of the register's spreadsheet (``register``): how a value of each kind of
column is got from a case record, written to a cell, read back from a cell (or refused with
a Swedish ``CellError``) and put on a record. Values are compared in their canonical form:
codes, organisation and topic names, goal numbers, usernames, tuples for inline rows
(``register_rows``)."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.contrib.auth import get_user_model

from cms.core.models import Organisation, SustainableDevelopmentGoal, Topic
from swedish import swedish_slugify, swedish_sort_key

if TYPE_CHECKING:
    from .register import Column

LIST_SPLIT = re.compile(r"[;\n]")
YES = {"ja", "j", "sant", "true", "1", "x"}
NO = {"nej", "n", "falskt", "false", "0", ""}


class CellError(ValueError):
    """A cell that cannot be read; the message is Swedish and names what is wrong."""


# Lookups: organisations, topics, goals and users, loaded once per import or export --------


@dataclass
class Lookups:
    orgs: dict[str, Organisation]  # lower-cased name → organisation
    org_names: dict[int, str]  # pk → name
    topics: dict[str, Topic]
    topic_names: dict[int, str]
    sdgs: dict[int, SustainableDevelopmentGoal]  # number → goal
    sdg_numbers: dict[int, int]  # pk → number
    users: dict[str, object]  # lower-cased username → user
    usernames: dict[int, str]
    by_pk: dict[str, dict]  # many-to-many field name → pk → object

    def linked(self, name: str, pks) -> list:
        """The objects of ``name`` (a many-to-many field) with these pks, as far as they
        still exist."""
        table = self.by_pk[name]
        return [table[pk] for pk in pks if pk in table]

    @classmethod
    def load(cls) -> Lookups:
        orgs = list(Organisation.objects.all())
        topics = list(Topic.objects.all())
        sdgs = list(SustainableDevelopmentGoal.objects.all())
        users = list(get_user_model().objects.all())
        return cls(
            orgs={o.name.lower(): o for o in orgs},
            org_names={o.pk: o.name for o in orgs},
            topics={t.name.lower(): t for t in topics},
            topic_names={t.pk: t.name for t in topics},
            sdgs={g.number: g for g in sdgs},
            sdg_numbers={g.pk: g.number for g in sdgs},
            users={u.get_username().lower(): u for u in users},
            usernames={u.pk: u.get_username() for u in users},
            by_pk={
                "participating_organisations": {o.pk: o for o in orgs},
                "topics": {t.pk: t for t in topics},
                "sdgs": {g.pk: g for g in sdgs},
            },
        )

    def org(self, name: str) -> Organisation:
        found = self.orgs.get(name.strip().lower())
        if found is None:
            raise CellError(
                f"Organisationen ”{name.strip()}” finns inte i registret. Lägg upp den under "
                "Caseregister → Organisationer, eller rätta stavningen."
            )
        return found

    def topic(self, name: str) -> Topic:
        found = self.topics.get(name.strip().lower())
        if found is None:
            raise CellError(
                f"Ämnet ”{name.strip()}” finns inte. Lägg upp det under Caseregister → Ämnen, "
                "eller rätta stavningen."
            )
        return found

    def user(self, username: str):
        found = self.users.get(username.strip().lower())
        if found is None:
            raise CellError(f"Det finns ingen användare med användarnamnet ”{username.strip()}”.")
        return found


# Kinds of cells -------------------------------------------------------------------------


def text_of(value) -> str:
    """A cell's value as text: dates ISO, whole numbers without ``.0``, ``None`` empty."""
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def parse_date(value, what: str = "Datum") -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = text_of(value).strip()
    if not text:
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise CellError(
            f"{what} ”{text}” är inte ett datum. Skriv det som ÅÅÅÅ-MM-DD, t.ex. 2019-03-14."
        ) from None


def date_text(value: dt.date | None) -> str:
    return value.isoformat() if value else ""


def split_list(text: str) -> list[str]:
    return [part.strip() for part in LIST_SPLIT.split(text) if part.strip()]


def short_label(label: str) -> str:
    """``"Intern – visas aldrig utanför CMS:et"`` → ``"Intern"``."""
    return label.split(" – ")[0]


class Kind:
    """How one column's value is got, written, read and set; subclasses per kind."""

    def get(self, record, column: Column, lookups: Lookups):
        return getattr(record, column.field)

    def write(self, value, lookups: Lookups) -> str:
        return text_of(value)

    def read(self, cell, lookups: Lookups):
        return text_of(cell)

    def set(self, record, column: Column, value, lookups: Lookups) -> None:
        setattr(record, column.field, value)


def plain_text(text: str) -> str:
    """Text as the register compares it: line breaks ``\\n`` (the admin's text areas send
    ``\\r\\n``), no spaces at either end."""
    return text.replace("\r\n", "\n").replace("\r", "\n").strip()


class Text(Kind):
    """Free text; line breaks kept, ends stripped."""

    def get(self, record, column, lookups):
        return plain_text(getattr(record, column.field) or "")

    def read(self, cell, lookups):
        return plain_text(text_of(cell))


class Slug(Text):
    """A slug, made ASCII the Swedish way as the model makes it (``SwedishSlugMixin``), so
    that "Min slug" and the stored "min-slug" are the same."""

    def read(self, cell, lookups):
        return swedish_slugify(super().read(cell, lookups))


class Choice(Kind):
    """One code, written as its Swedish label; the label or the code is read, in any case."""

    def __init__(self, choices):
        self.labels = {code: short_label(label) for code, label in choices.choices}
        self.codes = {}
        for code, label in choices.choices:
            for name in (code, label, short_label(label)):
                self.codes[name.lower()] = code
        self.choices_text = ", ".join(self.labels.values())

    def code(self, text: str) -> str:
        text = text.strip()
        if not text:
            return ""
        try:
            return self.codes[text.lower()]
        except KeyError:
            raise CellError(f"Okänt värde ”{text}”. Möjliga värden: {self.choices_text}.") from None

    def get(self, record, column, lookups):
        return getattr(record, column.field) or ""

    def write(self, value, lookups):
        return self.labels.get(value, value)

    def read(self, cell, lookups):
        return self.code(text_of(cell))


class ChoiceList(Choice):
    def get(self, record, column, lookups):
        return tuple(getattr(record, column.field) or ())

    def write(self, value, lookups):
        return "; ".join(self.labels.get(v, v) for v in value)

    def read(self, cell, lookups):
        codes = []
        for part in split_list(text_of(cell)):
            code = self.code(part)
            if code not in codes:
                codes.append(code)
        return tuple(codes)

    def set(self, record, column, value, lookups):
        setattr(record, column.field, list(value))


class Date(Kind):
    def write(self, value, lookups):
        return date_text(value)

    def read(self, cell, lookups):
        return parse_date(cell)


class YesNo(Kind):
    def write(self, value, lookups):
        return "Ja" if value else "Nej"

    def read(self, cell, lookups):
        text = text_of(cell).strip().lower()
        if text in YES:
            return True
        if text in NO:
            return False
        raise CellError(f"Skriv Ja eller Nej, inte ”{text_of(cell).strip()}”.")


class Number(Kind):
    def read(self, cell, lookups):
        text = text_of(cell).strip()
        if not text:
            return None
        try:
            return int(text)
        except ValueError:
            raise CellError(f"”{text}” är inte ett heltal.") from None


class OrganisationKind(Kind):
    """One organisation (a foreign key), by its name."""

    def get(self, record, column, lookups):
        pk = getattr(record, f"{column.field}_id")
        return None if pk is None else lookups.org_names[pk]

    def write(self, value, lookups):
        return value or ""

    def read(self, cell, lookups):
        text = text_of(cell).strip()
        return lookups.org(text).name if text else None

    def set(self, record, column, value, lookups):
        setattr(record, column.field, lookups.orgs[value.lower()] if value else None)


class Many(Kind):
    """A many-to-many relation (organisations, topics), by names, in Swedish order."""

    def __init__(self, lookup: str):
        self.lookup = lookup  # "org" or "topic"

    def get(self, record, column, lookups):
        return tuple(sorted((o.name for o in getattr(record, column.field).all()), key=_sv))

    def write(self, value, lookups):
        return "; ".join(value)

    def read(self, cell, lookups):
        find = getattr(lookups, self.lookup)
        return tuple(sorted({find(part).name for part in split_list(text_of(cell))}, key=_sv))

    def set(self, record, column, value, lookups):
        table = lookups.orgs if self.lookup == "org" else lookups.topics
        getattr(record, column.field).set([table[name.lower()] for name in value])


class Goals(Kind):
    """Agenda 2030 goals, by number."""

    def get(self, record, column, lookups):
        return tuple(sorted(g.number for g in record.sdgs.all()))

    def write(self, value, lookups):
        return "; ".join(str(n) for n in value)

    def read(self, cell, lookups):
        numbers = set()
        for part in split_list(text_of(cell)):
            # "3" or "3. Hälsa och välbefinnande", as the admin writes a goal
            number = part.split(".")[0].strip()
            if not number.isdigit() or int(number) not in lookups.sdgs:
                raise CellError(
                    f"Globalt mål ”{part}” finns inte. Målen har nummer 1–17; skriv numren "
                    "åtskilda med semikolon, t.ex. 3; 11."
                )
            numbers.add(int(number))
        return tuple(sorted(numbers))

    def set(self, record, column, value, lookups):
        record.sdgs.set([lookups.sdgs[n] for n in value])


class UserKind(Kind):
    """An editor (coach, contact person), by username."""

    def get(self, record, column, lookups):
        pk = getattr(record, f"{column.field}_id")
        return None if pk is None else lookups.usernames.get(pk)

    def write(self, value, lookups):
        return value or ""

    def read(self, cell, lookups):
        text = text_of(cell).strip()
        return lookups.user(text).get_username() if text else None

    def set(self, record, column, value, lookups):
        user = lookups.users[value.lower()] if value else None
        setattr(record, column.field, user)


def _sv(name: str):
    return swedish_sort_key(name)
