"""Inline rows in the register's spreadsheet (phase history, partners, solutions, research
projects, idea carriers): one cell, one line per row, parts separated by `` | ``; inside a
part ``\\|`` is a ``|``, ``\\n`` a line break and ``\\\\`` a backslash."""

from __future__ import annotations

from collections.abc import Iterable

from .choices import PartnerType, Phase
from .record_parts import (
    CasePartner,
    CasePhaseChange,
    CaseResearchProject,
    CaseSolution,
    IdeaCarrier,
)
from .register_cells import (
    CellError,
    Choice,
    Kind,
    Lookups,
    YesNo,
    date_text,
    parse_date,
    plain_text,
    text_of,
)


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
        return tuple(
            tuple(plain_text(v) if isinstance(v, str) else v for v in self.row_value(row, lookups))
            for row in getattr(record, column.field).all()
        )

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
