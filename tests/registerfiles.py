"""Spreadsheet files for the register's import and export tests (not a test module): real
``.xlsx`` files made with openpyxl and ``.csv`` files made with the csv module, the demo's
planned register as rows, and reading an export back."""

from __future__ import annotations

import csv
import io

from openpyxl import Workbook, load_workbook

from cms.cases import register
from cms.demo.base import Report
from cms.demo.case_plan import plan_cases
from cms.demo.generate import record_from_spec
from cms.demo.organisations import ensure_organisations, ensure_topics
from swedish import swedish_slugify

HEADERS = [c.header for c in register.columns()]


def xlsx(headers: list[str], rows: list[list]) -> bytes:
    """An ``.xlsx`` as Excel saves one; a string starting with ``=`` becomes a formula."""
    book = Workbook()
    sheet = book.active
    sheet.append(headers)
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def csv_bytes(
    headers: list[str], rows: list[list], *, delimiter=",", encoding="utf-8", bom=False
) -> bytes:
    out = io.StringIO(newline="")
    writer = csv.writer(out, delimiter=delimiter)
    writer.writerow(headers)
    writer.writerows(rows)
    return ("\ufeff" if bom else "").encode(encoding) + out.getvalue().encode(encoding)


def read_xlsx(content: bytes) -> list[list]:
    sheet = load_workbook(io.BytesIO(content)).active
    return [["" if v is None else v for v in row] for row in sheet.iter_rows(values_only=True)]


def taxonomies():
    """The demo's organisations and topics (the goals come with the migrations)."""
    report = Report()
    return ensure_organisations(report), ensure_topics(report)


def demo_rows(personal: bool = False) -> tuple[list[str], list[list[str]]]:
    """The demo's 128 planned cases as export rows (headers, rows), made from the plan
    without saving anything; needs ``taxonomies()`` first."""
    from cms.core.models import SustainableDevelopmentGoal

    orgs, topics = taxonomies()
    sdgs = {g.number: g for g in SustainableDevelopmentGoal.objects.all()}
    lookups = register.Lookups.load()
    cols = register.columns(personal)
    rows = []
    for spec in plan_cases():
        record = record_from_spec(spec, orgs, topics, sdgs, {})
        record.slug = swedish_slugify(record.title)
        rows.append(register.record_row(record, cols, lookups))
    return [c.header for c in cols], rows


def valid_row(**cells) -> list[str]:
    """One valid row of the default columns; ``cells`` by header (spaces as ``_``)."""
    row = {
        "Id": "IS-2019-001",
        "Rubrik": "Tidigare upptäckt av demens",
        "Slug": "",
        "Ingress": "Hur kan kommunen se tecken på demens tidigare?",
        "Publiceringsnivå": "Publik",
        "Inkommet": "2019-03-04",
        "Ursprung": "Medarbetares idé",
        "Hemvist": "Vård- och omsorgsförvaltningen",
        "Deltagande organisationer": "",
        "Utmaning": "Kommunen kommer in för sent i förloppet.",
        "Målgrupper": "Äldre; Anhöriga",
        "Innovationstyper": "Tjänst",
        "Ämnen": "Äldreomsorg",
        "Globala mål": "3",
        "Fas": "Utforskas",
        "Pausat": "Nej",
        "Utfall": "",
        "Övertaget av": "",
        "Metoder": "Intervjuer",
        "Antal i teamet": "",
        "Fashistorik": "2019-03-04 Inkommen\n2019-04-01 Utforskas",
        "Partner": "",
        "Lösningsförslag": "",
        "Forskningsprojekt": "",
        "Resultat": "",
        "Uppmätta effekter": "",
        "Utmaningar på vägen": "",
        "Lärdomar": "",
        "Spridning till andra organisationer": "",
        "Nästa steg": "",
    }
    for key, value in cells.items():
        row[key.replace("_", " ")] = value
    if "Rubrik" not in cells and row["Id"] != "IS-2019-001":
        row["Rubrik"] = f"Ett annat case {row['Id']}"  # a slug of its own
    return [row[h] for h in HEADERS]
