"""The case register as a spreadsheet: its columns, declared once, and reading and writing
``.xlsx`` and ``.csv`` files. Import (``register_import``), export, the admin views and the
``import_cases``/``export_cases`` commands all go through here.

A column has a Swedish header, the record field it fills (errors on that field are shown
under the header), and a *kind* that says how a value is got from a record, written to a
cell, read back from a cell and put on a record. Values are compared in their canonical
form (codes, organisation names, usernames, tuples for inline rows), so a cell that says
the same as the record in other words (a code instead of a label, another case) is no
change.

Cell formats (the README's "Caseregistret i kalkylblad" has them for editors):

- dates ``ÅÅÅÅ-MM-DD`` (a date cell in ``.xlsx`` also works); yes/no ``Ja``/``Nej``;
- codes as their Swedish labels (the code is accepted too, in any case);
- lists one cell, values separated by ``;`` or line breaks;
- inline rows one line each, parts separated by `` | ``; inside a part ``\\|`` is a ``|``,
  ``\\n`` a line break and ``\\\\`` a backslash.

Cells starting with ``=``, ``+``, ``-`` or ``@`` are formulas to a spreadsheet program: the
export writes them with a ``'`` in front, the import takes one leading ``'`` away and
rejects such a cell without it (unless it is a plain number).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

import tablib
from django.contrib.auth import get_user_model
from modelcluster.models import model_from_serializable_data

from cms.core.models import Organisation, SustainableDevelopmentGoal, Topic
from swedish import swedish_sort_key

from .choices import (
    InnovationType,
    Method,
    Origin,
    Outcome,
    PartnerType,
    Phase,
    PublicationLevel,
    TargetGroup,
)
from .record_parts import (
    CasePartner,
    CasePhaseChange,
    CaseResearchProject,
    CaseSolution,
    IdeaCarrier,
)

FORMATS = ("xlsx", "csv")
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
CSV_TYPE = "text/csv; charset=utf-8"
#: What a spreadsheet program would run as a formula.
FORMULA_START = ("=", "+", "-", "@")
PLAIN_NUMBER = re.compile(r"^[+-]?\d+([.,]\d+)?$")
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


class Text(Kind):
    """Free text; line breaks kept, ends stripped."""

    def get(self, record, column, lookups):
        return getattr(record, column.field) or ""

    def read(self, cell, lookups):
        return text_of(cell).replace("\r\n", "\n").replace("\r", "\n").strip()


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
        setattr(record, f"{column.field}_id", None)
        if value is not None:
            setattr(record, column.field, lookups.orgs[value.lower()])


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


# Inline rows: one per line, parts separated by " | " ---------------------------------------


def join_parts(parts: Iterable[str]) -> str:
    escaped = [
        p.replace("\\", "\\\\").replace("|", "\\|").replace("\r\n", "\n").replace("\n", "\\n")
        for p in parts
    ]
    while escaped and not escaped[-1]:
        escaped.pop()
    return " | ".join(escaped)


def split_parts(line: str) -> list[str]:
    parts, current, chars = [], [], iter(line)
    for char in chars:
        if char == "\\":
            following = next(chars, "")
            current.append({"n": "\n", "|": "|", "\\": "\\"}.get(following, "\\" + following))
        elif char == "|":
            parts.append("".join(current).strip())
            current = []
        else:
            current.append(char)
    parts.append("".join(current).strip())
    return parts


class Rows(Kind):
    """Inline rows (``record_parts``): one line per row, in their order."""

    model = None
    label = ""  # what one row is called in messages
    parts = 0

    def get(self, record, column, lookups):
        return tuple(self.row_value(row, lookups) for row in getattr(record, column.field).all())

    def write(self, value, lookups):
        return "\n".join(self.line(v) for v in value)

    def line(self, value) -> str:
        return join_parts(value)

    def read(self, cell, lookups):
        lines = [line.strip() for line in text_of(cell).replace("\r", "\n").split("\n")]
        values, errors = [], []
        for number, line in enumerate((line for line in lines if line), start=1):
            try:
                values.append(self.parse_line(line, lookups))
            except CellError as error:
                errors.append(f"{self.label} {number}: {error}")
        if errors:
            raise CellError(" ".join(errors))
        return tuple(values)

    def parse_line(self, line: str, lookups: Lookups):
        parts = split_parts(line)
        if len(parts) > self.parts:
            raise CellError(f"högst {self.parts} delar åtskilda med | (”{line}”).")
        return self.parse_parts(parts + [""] * (self.parts - len(parts)), lookups)

    def set(self, record, column, value, lookups):
        setattr(
            record,
            column.field,
            [self.make(v, i, lookups) for i, v in enumerate(value)],
        )


class PhaseHistory(Rows):
    """``2019-03-14 Inkommen`` or ``2019-03-14 Testas | kommentar``."""

    model = CasePhaseChange
    label = "Fasbyte"
    phases = Choice(Phase)

    def row_value(self, row, lookups):
        return (row.phase, row.date, row.note or "")

    def line(self, value):
        phase, date, note = value
        return join_parts([f"{date_text(date)} {self.phases.labels[phase]}", note])

    def parse_line(self, line, lookups):
        parts = split_parts(line)
        if len(parts) > 2:
            raise CellError(f"skriv ”ÅÅÅÅ-MM-DD Fas | kommentar” (”{line}”).")
        date, _, phase = parts[0].partition(" ")
        return (self.phases.code(phase) or _missing("fas"), parse_date(date), _at(parts, 1))

    def make(self, value, order, lookups):
        phase, date, note = value
        return CasePhaseChange(phase=phase, date=date, note=note, sort_order=order)


class Partners(Rows):
    """``Organisation | Typ av partner | Bidrag``."""

    model = CasePartner
    label = "Partner"
    parts = 3
    types = Choice(PartnerType)

    def row_value(self, row, lookups):
        return (lookups.org_names[row.organisation_id], row.partner_type, row.contribution)

    def line(self, value):
        name, kind, contribution = value
        return join_parts([name, self.types.labels.get(kind, kind), contribution])

    def parse_parts(self, parts, lookups):
        name, kind, contribution = parts
        if not name:
            _missing("organisation")
        return (lookups.org(name).name, self.types.code(kind) or _missing("typ"), contribution)

    def make(self, value, order, lookups):
        name, kind, contribution = value
        return CasePartner(
            organisation=lookups.orgs[name.lower()],
            partner_type=kind,
            contribution=contribution,
            sort_order=order,
        )


class Solutions(Rows):
    """``Lösningsförslag | Beskrivning``."""

    model = CaseSolution
    label = "Lösningsförslag"
    parts = 2

    def row_value(self, row, lookups):
        return (row.title, row.description)

    def parse_parts(self, parts, lookups):
        return (parts[0] or _missing("rubrik"), parts[1])

    def make(self, value, order, lookups):
        return CaseSolution(title=value[0], description=value[1], sort_order=order)


class Research(Rows):
    """``Projekt | Forskningspart | Länk``."""

    model = CaseResearchProject
    label = "Forskningsprojekt"
    parts = 3

    def row_value(self, row, lookups):
        org = lookups.org_names.get(row.organisation_id, "") if row.organisation_id else ""
        return (row.title, org, row.url)

    def parse_parts(self, parts, lookups):
        title, org, url = parts
        return (title or _missing("projektets namn"), lookups.org(org).name if org else "", url)

    def make(self, value, order, lookups):
        title, org, url = value
        return CaseResearchProject(
            title=title,
            organisation=lookups.orgs[org.lower()] if org else None,
            url=url,
            sort_order=order,
        )


class Carriers(Rows):
    """``Roll | Enhet | Namn | Samtycke (Ja/Nej) | Datum för samtycke``."""

    model = IdeaCarrier
    label = "Idébärare"
    parts = 5
    yes_no = YesNo()

    def row_value(self, row, lookups):
        return (row.role, row.unit, row.name, row.consent_to_publish_name, row.consent_date)

    def line(self, value):
        role, unit, name, consent, date = value
        return join_parts([role, unit, name, "Ja" if consent else "Nej", date_text(date)])

    def parse_parts(self, parts, lookups):
        role, unit, name, consent, date = parts
        consent = self.yes_no.read(consent, lookups)
        return (role or _missing("roll"), unit, name, consent, parse_date(date, "Samtycket"))

    def make(self, value, order, lookups):
        role, unit, name, consent, date = value
        return IdeaCarrier(
            role=role,
            unit=unit,
            name=name,
            consent_to_publish_name=consent,
            consent_date=date,
            sort_order=order,
        )


def _missing(what: str):
    raise CellError(f"{what} saknas.")


def _at(parts, index):
    return parts[index] if index < len(parts) else ""


# The columns ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Column:
    header: str
    field: str
    kind: Kind
    #: Internal notes and personal data: only in an export that asks for them, and only
    #: Kommunikatörer may ask.
    personal: bool = False


COLUMNS = [
    Column("Id", "case_id", Text()),
    Column("Rubrik", "title", Text()),
    Column("Slug", "slug", Text()),
    Column("Ingress", "summary", Text()),
    Column("Publiceringsnivå", "publication_level", Choice(PublicationLevel)),
    Column("Inkommet", "received_date", Date()),
    Column("Ursprung", "origin", Choice(Origin)),
    Column("Hemvist", "home_organisation", OrganisationKind()),
    Column("Deltagande organisationer", "participating_organisations", Many("org")),
    Column("Utmaning", "challenge", Text()),
    Column("Målgrupper", "target_groups", ChoiceList(TargetGroup)),
    Column("Innovationstyper", "innovation_types", ChoiceList(InnovationType)),
    Column("Ämnen", "topics", Many("topic")),
    Column("Globala mål", "sdgs", Goals()),
    Column("Fas", "phase", Choice(Phase)),
    Column("Pausat", "paused", YesNo()),
    Column("Utfall", "outcome", Choice(Outcome)),
    Column("Övertaget av", "taken_over_by", OrganisationKind()),
    Column("Metoder", "methods", ChoiceList(Method)),
    Column("Antal i teamet", "team_size", Number()),
    Column("Fashistorik", "phase_history", PhaseHistory()),
    Column("Partner", "partners", Partners()),
    Column("Lösningsförslag", "solutions", Solutions()),
    Column("Forskningsprojekt", "research_projects", Research()),
    Column("Resultat", "results", Text()),
    Column("Uppmätta effekter", "measured_effects", Text()),
    Column("Utmaningar på vägen", "challenges_met", Text()),
    Column("Lärdomar", "lessons", Text()),
    Column("Spridning till andra organisationer", "spread", Text()),
    Column("Nästa steg", "next_steps", Text()),
    Column("Interna anteckningar", "internal_notes", Text(), personal=True),
    Column("Idécoach", "coach", UserKind(), personal=True),
    Column("Kontaktperson", "contact", UserKind(), personal=True),
    Column("Idébärare", "idea_carriers", Carriers(), personal=True),
]
ID = COLUMNS[0]
BY_HEADER = {c.header.lower(): c for c in COLUMNS}
BY_FIELD = {c.field: c for c in COLUMNS}
#: Record relations the columns read, for ``prefetch_related``.
PREFETCH = [
    "participating_organisations",
    "topics",
    "sdgs",
    "phase_history",
    "partners",
    "solutions",
    "research_projects",
    "idea_carriers",
]


def columns(personal: bool = False) -> list[Column]:
    return [c for c in COLUMNS if personal or not c.personal]


# Writing ---------------------------------------------------------------------------------


def neutralise(text: str) -> str:
    """A cell a spreadsheet would run as a formula (or one starting with ``'``, which the
    import strips) gets a ``'`` in front."""
    if text.startswith((*FORMULA_START, "'")):
        return "'" + text
    return text


def record_row(record, cols: list[Column], lookups: Lookups) -> list[str]:
    return [neutralise(c.kind.write(c.kind.get(record, c, lookups), lookups)) for c in cols]


def dataset(records: Iterable, *, personal: bool = False) -> tablib.Dataset:
    """The register as a table: a header row of Swedish headers, a row per record."""
    lookups = Lookups.load()
    cols = columns(personal)
    data = tablib.Dataset(headers=[c.header for c in cols], title="Caseregistret")
    for record in records:
        data.append(record_row(record, cols, lookups))
    return data


def export_bytes(data: tablib.Dataset, fmt: str) -> bytes:
    """``.xlsx``, or ``.csv`` as Swedish Excel opens it: UTF-8 with BOM, semicolons."""
    if fmt == "xlsx":
        return data.export("xlsx")
    if fmt == "csv":
        return "\ufeff".encode() + data.export("csv", delimiter=";").encode("utf-8")
    raise ValueError(f"Okänt format: {fmt}")


def template_bytes() -> bytes:
    """An empty ``.xlsx`` with every header (personal ones included): the import's template."""
    return export_bytes(tablib.Dataset(headers=[c.header for c in COLUMNS]), "xlsx")


def latest_versions(queryset, lookups: Lookups | None = None) -> list:
    """The records of ``queryset``, each as its latest version: the rule of Wagtail's
    ``get_latest_revision_as_object`` (the live row, unless a newer draft waits: then the
    draft's revision), for any number of records in a few queries."""
    lookups = lookups or Lookups.load()
    records = queryset.select_related("latest_revision").prefetch_related(*PREFETCH)
    return [
        _draft(r, lookups) if r.has_unpublished_changes and r.latest_revision_id else r
        for r in records
    ]


#: What a draft's revision refers to, put back by ``_draft`` from the lookups.
_LINKS = ("participating_organisations", "topics", "sdgs")
_ROWS = ("phase_history", "idea_carriers", "partners", "solutions", "research_projects")
_KEYS = ("home_organisation", "taken_over_by", "coach", "contact")


def _draft(record, lookups: Lookups):
    """``record.get_latest_revision_as_object()`` without a query per reference: Wagtail
    (modelcluster) looks up each foreign key and link of the revision to drop those that
    no longer exist; here the lookups answer, and the inline rows are read without
    checking their parent, which is ``record``."""
    content = record.latest_revision.content
    skip = {*_LINKS, *_ROWS, *_KEYS, "latest_revision", "live_revision", "locked_by"}
    draft = record.with_content_json({k: v for k, v in content.items() if k not in skip})
    draft.live_revision_id = record.live_revision_id
    draft.locked_by_id = record.locked_by_id
    for name in ("home_organisation", "taken_over_by"):  # protected: they exist
        setattr(draft, f"{name}_id", content.get(name))
    for name in ("coach", "contact"):  # set to nothing when the user is deleted
        pk = content.get(name)
        setattr(draft, f"{name}_id", pk if pk in lookups.usernames else None)
    for name in _LINKS:
        getattr(draft, name).set(lookups.linked(name, content.get(name, [])))
    for name in (n for n in _ROWS if n in content):
        model = getattr(type(record), name).rel.related_model
        rows = [model_from_serializable_data(model, d, check_fks=False) for d in content[name]]
        setattr(draft, name, rows)
    return draft


# Reading ---------------------------------------------------------------------------------


@dataclass
class Table:
    """A file read: its headers and its rows, each with its number as the spreadsheet shows
    it (the header is row 1); blank rows left out."""

    headers: list[str]
    rows: list[tuple[int, list]] = field(default_factory=list)


class TableError(ValueError):
    """A file that cannot be read as a table; the message is Swedish."""


def read_table(content: bytes, name: str) -> Table:
    """Read an uploaded ``.xlsx`` or ``.csv``. Formulas are read as their text (never their
    last computed value) so they can be refused, and row numbers are the spreadsheet's."""
    suffix = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    if suffix == "xlsx" or content[:2] == b"PK":
        return _read_xlsx(content)
    if suffix in ("csv", "txt", ""):
        return _read_csv(content)
    raise TableError(f"Filen ”{name}” är varken .xlsx eller .csv.")


def _read_xlsx(content: bytes) -> Table:
    # openpyxl directly, not tablib's reader: that one reads cached formula results
    # (data_only) and so would hide a formula.
    from openpyxl import load_workbook

    try:
        book = load_workbook(io.BytesIO(content), read_only=True, data_only=False)
    except Exception as error:  # openpyxl raises many kinds for a broken file
        raise TableError(f"Filen kunde inte läsas som ett Excel-kalkylblad ({error}).") from None
    rows = book.worksheets[0].iter_rows(values_only=True)
    table = None
    for number, values in enumerate(rows, start=1):
        values = list(values)
        if table is None:
            table = Table(headers=[text_of(v).strip() for v in values])
            while table.headers and not table.headers[-1]:
                table.headers.pop()
            continue
        if any(text_of(v).strip() for v in values):
            table.rows.append((number, values[: len(table.headers)]))
    book.close()
    if table is None:
        raise TableError("Kalkylbladet är tomt: första raden ska ha kolumnrubrikerna.")
    return table


def decode(content: bytes) -> str:
    """UTF-8 (with or without BOM), else Windows-1252 (what Excel in Swedish saves)."""
    if content.startswith(b"\xef\xbb\xbf"):
        return content[3:].decode("utf-8")
    try:
        return content.decode("utf-8")
    except UnicodeDecodeError:
        return content.decode("cp1252", errors="replace")


def _read_csv(content: bytes) -> Table:
    text = decode(content)
    first = text.split("\n", 1)[0]
    delimiter = max(";,\t", key=first.count)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    table = None
    for number, values in enumerate(reader, start=1):
        if table is None:
            table = Table(headers=[v.strip() for v in values])
            continue
        if any(v.strip() for v in values):
            table.rows.append((number, values[: len(table.headers)]))
    if table is None:
        raise TableError("Filen är tom: första raden ska ha kolumnrubrikerna.")
    return table


def cell_value(value):
    """A cell as the import reads it: a leading ``'`` taken away; a formula refused."""
    if not isinstance(value, str):
        return value
    if value.startswith("'"):
        return value[1:]
    stripped = value.strip()
    if stripped.startswith(FORMULA_START) and not PLAIN_NUMBER.match(stripped):
        raise CellError(
            f"Cellen börjar med ”{stripped[0]}” och skulle köras som en formel i ett "
            "kalkylprogram. Ta bort tecknet, eller skriv ' före det om texten ska stå så."
        )
    return value
