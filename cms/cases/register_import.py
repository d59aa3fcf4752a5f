"""Importing the case register from a spreadsheet (``register`` reads the file).

Two steps, so that the admin can show what will change before anything is saved:

1. ``plan`` reads every row against the register as it is (no writes): each row is new,
   changed (which columns), unchanged or rejected (why, per column). Rows are matched on
   the case id. An existing record is compared with its latest version (a waiting draft
   included), so importing never silently drops a draft.
2. ``apply`` saves a plan that has no rejected rows, in one transaction: a new record is
   created, a changed one gets a new revision (the communicator can revert it), published
   only when asked for. Unchanged rows make no revision. The site is rebuilt once for the
   whole import (``builds.one_build``).

Only the columns in the file are touched: a file without, say, "Idébärare" leaves every
record's idea carriers as they are. Validation is the model's own (``full_clean``), with
its field errors shown under the column's header.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import transaction
from django.utils import timezone

from cms.publishing.builds import one_build
from swedish import swedish_number, swedish_slugify

from . import register
from .bulk import create_records, publish_created
from .record_parts import CasePhaseChange
from .records import CASE_ID_RE, CaseRecord, RetiredCaseId

CREATED, UPDATED, UNCHANGED, REJECTED = "created", "updated", "unchanged", "rejected"
#: The record's foreign keys, validated by the lookups that set them (see ``_validation_errors``).
FOREIGN_KEYS = [f.name for f in CaseRecord._meta.concrete_fields if f.many_to_one]
STATUS_TEXT = {
    CREATED: "Nytt",
    UPDATED: "Ändras",
    UNCHANGED: "Oförändrat",
    REJECTED: "Avvisas",
}


@dataclass
class RowResult:
    row: int  # as the spreadsheet numbers it; the header is row 1
    case_id: str
    status: str = UNCHANGED
    changed: list[str] = field(default_factory=list)  # headers of changed columns
    errors: list[tuple[str, str]] = field(default_factory=list)  # (header, message)
    record: CaseRecord | None = None  # what to save (new, or the changed latest version)

    @property
    def status_text(self) -> str:
        return STATUS_TEXT[self.status]


@dataclass
class Plan:
    rows: list[RowResult] = field(default_factory=list)
    file_errors: list[str] = field(default_factory=list)
    headers: list[str] = field(default_factory=list)  # the file's columns, in its order

    def count(self, status: str) -> int:
        return sum(1 for r in self.rows if r.status == status)

    @property
    def ok(self) -> bool:
        return not self.file_errors and not self.count(REJECTED)

    @property
    def counts(self) -> dict[str, int]:
        counted = Counter(r.status for r in self.rows)
        return {status: counted[status] for status in STATUS_TEXT}

    def summary(self) -> str:
        """``"3 nya, 2 ändrade, 120 oförändrade, 0 avvisade"``."""
        c = {status: swedish_number(n) for status, n in self.counts.items()}
        return (
            f"{c[CREATED]} nya, {c[UPDATED]} ändrade, {c[UNCHANGED]} oförändrade, "
            f"{c[REJECTED]} avvisade"
        )


def plan(table: register.Table) -> Plan:
    """What importing ``table`` would do; nothing is written."""
    result = Plan()
    cols, file_errors = _columns(table.headers)
    result.file_errors = file_errors
    result.headers = [c.header for c in cols if c is not None]
    if file_errors:
        return result

    lookups = register.Lookups.load()
    id_index = cols.index(register.ID)
    ids = [register.text_of(values[id_index]).strip() for _, values in table.rows]
    seen = Counter(ids)
    first_row = {}
    for (number, _), case_id in zip(table.rows, ids, strict=True):
        first_row.setdefault(case_id, number)

    valid_ids = [i for i in ids if CASE_ID_RE.match(i)]
    found = CaseRecord.objects.filter(case_id__in=valid_ids)
    existing = {r.case_id: r for r in register.latest_versions(found, lookups)}
    retired = set(
        RetiredCaseId.objects.filter(case_id__in=valid_ids).values_list("case_id", flat=True)
    )
    slugs = dict(CaseRecord.objects.values_list("slug", "case_id"))
    file_slugs: dict[str, str] = {}

    for (number, values), case_id in zip(table.rows, ids, strict=True):
        row = RowResult(row=number, case_id=case_id)
        result.rows.append(row)
        if not case_id:
            row.errors.append(("Id", "Id saknas. Varje rad behöver ett id, t.ex. IS-2019-031."))
        elif not CASE_ID_RE.match(case_id):
            row.errors.append(
                ("Id", f"Id ”{case_id}” ska ha formen IS-ÅÅÅÅ-NNN, t.ex. IS-2019-031.")
            )
        elif seen[case_id] > 1 and first_row[case_id] != number:
            row.errors.append(
                ("Id", f"Id {case_id} finns redan på rad {first_row[case_id]} i filen.")
            )
        elif case_id in retired:
            row.errors.append(
                ("Id", f"Id {case_id} har använts av ett borttaget case och kan inte återanvändas.")
            )
        _plan_row(row, cols, values, existing.get(case_id), lookups)
        if row.errors:
            row.status, row.record = REJECTED, None
            continue
        if row.status == CREATED or "Slug" in row.changed:
            slug = row.record.slug
            owner = slugs.get(slug)
            if owner not in (None, case_id):
                row.errors.append(("Slug", f"Slugen ”{slug}” används redan av {owner}."))
            elif file_slugs.setdefault(slug, case_id) != case_id:
                row.errors.append(
                    ("Slug", f"Slugen ”{slug}” används redan av {file_slugs[slug]} i filen.")
                )
            if row.errors:
                row.status, row.record = REJECTED, None
    return result


def _columns(headers: list[str]) -> tuple[list, list[str]]:
    """The file's columns in its order (``None`` for an empty header), and what is wrong."""
    cols, errors = [], []
    for position, header in enumerate(headers, start=1):
        if not header:
            cols.append(None)
            continue
        column = register.BY_HEADER.get(header.strip().lower())
        if column is None:
            errors.append(
                f"Okänd kolumn ”{header}” (kolumn {position}). Använd rubrikerna i mallen."
            )
        elif column in cols:
            errors.append(f"Kolumnen ”{column.header}” finns två gånger.")
        cols.append(column)
    if register.ID not in cols and not errors:
        errors.append("Kolumnen ”Id” saknas: raderna matchas mot registret på id.")
    elif register.ID not in cols:
        errors.append("Kolumnen ”Id” saknas.")
    return cols, errors


def _plan_row(row: RowResult, cols, values, current, lookups) -> None:
    """Read the row's cells, compare with ``current`` (the record's latest version, or
    ``None`` for a new id), and validate what would be saved."""
    parsed = {}
    for column, value in zip(cols, values, strict=False):
        if column is None or column is register.ID:
            continue
        try:
            parsed[column] = column.kind.read(register.cell_value(value), lookups)
        except register.CellError as error:
            row.errors.append((column.header, str(error)))
    # A cell missing at the end of a short row is an empty cell.
    for column in cols[len(values) :]:
        if column is not None and column is not register.ID:
            parsed[column] = column.kind.read("", lookups)
    if row.errors:
        return

    if current is None:
        row.status = CREATED
        record = CaseRecord(case_id=row.case_id)
    else:
        record = current
    history = register.BY_FIELD["phase_history"]
    before = {c: c.kind.get(record, c, lookups) for c in [*parsed, history]}
    for column, value in parsed.items():
        if column.header == "Slug" and not value:
            if current is not None:
                continue  # an empty slug keeps the record's own
            value = _slug(record.title or parsed.get(register.BY_FIELD["title"], ""))
        column.kind.set(record, column, value, lookups)
    if current is None and not record.slug:
        record.slug = _slug(record.title)
    _end_history_in_phase(record)
    row.changed = [c.header for c in before if c.kind.get(record, c, lookups) != before[c]]
    if current is not None:
        if not row.changed:
            return
        row.status = UPDATED
    row.errors = _validation_errors(record)
    row.record = record


def _slug(title: str) -> str:
    """A slug made from the title, as the model makes one, no longer than the field."""
    return swedish_slugify(title)[:255].rstrip("-")


def _end_history_in_phase(record: CaseRecord) -> None:
    """As ``CaseRecord.save`` does: a phase the history does not end in is entered with
    today's date. Done here, so that the comparison sees it and the same file imported
    again is no change."""
    if not record.phase:
        return
    history = sorted(record.phase_history.all(), key=lambda h: (h.date, h.sort_order or 0))
    if not history or history[-1].phase != record.phase:
        rows = list(record.phase_history.all())
        rows.append(
            CasePhaseChange(phase=record.phase, date=timezone.localdate(), sort_order=len(rows))
        )
        record.phase_history = rows


def _validation_errors(record: CaseRecord) -> list[tuple[str, str]]:
    """The model's own validation of the record and its inline rows, by column header."""
    errors = []
    try:
        # Uniqueness is checked for the whole file at once (ids, slugs) in ``plan``, and
        # foreign keys came from the lookups (they exist): no query per row for either.
        record.full_clean(exclude=FOREIGN_KEYS, validate_unique=False)
    except ValidationError as error:
        errors += _by_header(error.message_dict)
    for name in FOREIGN_KEYS:
        field = CaseRecord._meta.get_field(name)
        if not field.blank and getattr(record, field.attname) is None:
            errors += _by_header({name: [str(field.error_messages["blank"])]})
    for name in ("phase_history", "partners", "solutions", "research_projects", "idea_carriers"):
        column = register.BY_FIELD[name]
        for number, part in enumerate(getattr(record, name).all(), start=1):
            try:
                part.full_clean(exclude=["case", "organisation"])
            except ValidationError as error:
                for messages in error.message_dict.values():
                    for message in messages:
                        errors.append((column.header, f"{column.kind.label} {number}: {message}"))
    return errors


def _by_header(message_dict: dict) -> list[tuple[str, str]]:
    errors = []
    for name, messages in message_dict.items():
        column = register.BY_FIELD.get(name)
        if column is not None:
            header = column.header
        elif name == NON_FIELD_ERRORS:
            header = ""
        else:
            header = str(CaseRecord._meta.get_field(name).verbose_name)
        errors += [(header, message) for message in messages]
    return errors


# Saving ----------------------------------------------------------------------------------


def apply(result: Plan, *, user=None, publish: bool = False) -> None:
    """Save a plan without rejected rows, all of it or (on any error) nothing; one build."""
    if not result.ok:
        raise ValueError("En import med avvisade rader sparar ingenting.")
    counts = result.counts
    what = (
        f"Import av caseregistret: {swedish_number(counts[CREATED])} nya, "
        f"{swedish_number(counts[UPDATED])} ändrade"
    )
    with transaction.atomic(), one_build(what, user):
        created = [r.record for r in result.rows if r.status == CREATED]
        revisions = create_records(created, user)
        if publish:
            publish_created(created, revisions, user)
        for row in result.rows:
            if row.status == UPDATED:
                revision = row.record.save_revision(user=user, clean=False, log_action=True)
                if publish:
                    revision.publish(user=user)


def import_table(table: register.Table, *, user=None, publish=False, dry_run=False) -> Plan:
    """Plan, and save unless ``dry_run`` or a row is rejected."""
    result = plan(table)
    if result.ok and not dry_run:
        apply(result, user=user, publish=publish)
    return result
