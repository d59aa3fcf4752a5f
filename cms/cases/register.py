"""The case register as a spreadsheet: its columns, declared once, and reading and writing
``.xlsx`` and ``.csv`` files. Import (``register_import``), export, the admin views and the
``import_cases``/``export_cases`` commands all go through here.

A column has a Swedish header, the record field it fills (errors on that field are shown
under the header), whether it is internal or personal, and a *kind* (``register_cells``,
``register_rows`` for inline rows) that says how a value is got from a record, written to
a cell, read back from a cell and put on a record. Values are compared in their canonical
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
import io
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

import tablib
from modelcluster.models import model_from_serializable_data

from .choices import (
    InnovationType,
    Method,
    Origin,
    Outcome,
    Phase,
    PublicationLevel,
    TargetGroup,
)
from .register_cells import (
    CellError,
    Choice,
    ChoiceList,
    Date,
    Goals,
    Kind,
    Lookups,
    Many,
    Number,
    OrganisationKind,
    Slug,
    Text,
    UserKind,
    YesNo,
    text_of,
)
from .register_rows import Carriers, Partners, PhaseHistory, Research, Solutions

__all__ = ["CellError", "Lookups", "text_of"]

FORMATS = ("xlsx", "csv")
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
CSV_TYPE = "text/csv; charset=utf-8"
#: What a spreadsheet program would run as a formula.
FORMULA_START = ("=", "+", "-", "@")
PLAIN_NUMBER = re.compile(r"^[+-]?\d+([.,]\d+)?$")


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
    Column("Slug", "slug", Slug()),
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
    """The records of ``queryset``, in its order, each as its latest version: the rule of
    Wagtail's ``get_latest_revision_as_object`` (the live row, unless a newer draft waits:
    then the draft's revision), for any number of records in a few queries."""
    lookups = lookups or Lookups.load()
    model = queryset.model
    rows = list(queryset.values_list("pk", "has_unpublished_changes", "latest_revision_id"))
    with_draft = [pk for pk, changed, revision in rows if changed and revision]
    without = [pk for pk, changed, revision in rows if not (changed and revision)]
    found = model.objects.prefetch_related(*PREFETCH).in_bulk(without)
    drafts = model.objects.filter(pk__in=with_draft).select_related("latest_revision")
    found.update((record.pk, _draft(record, lookups)) for record in drafts.iterator(500))
    return [found[pk] for pk, _, _ in rows]


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
            "kalkylprogram. Skriv om texten så att den inte börjar med tecknet."
        )
    return value
