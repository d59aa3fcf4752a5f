"""Exporting the case register (the listing's downloads, ``export_cases``): every column
with Swedish headers and labels, the listing's filters, personal data only for
Kommunikatörer who ask for it, formulas neutralised, and an export that imports back with
no change."""

import datetime as dt
from io import StringIO

import pytest
from casedata import make_case
from django.core.management import call_command
from django.urls import reverse
from registerfiles import read_xlsx, taxonomies

from cms.cases import register
from cms.cases.models import CasePartner, CaseRecord, IdeaCarrier
from cms.cases.register_import import import_table
from sitebuild.cli import build_parser

LIST = reverse("wagtailsnippets_cases_caserecord:list")
PERSONAL = ["Interna anteckningar", "Idécoach", "Kontaktperson", "Idébärare"]


@pytest.fixture
def records(db, communicator):
    orgs, topics = taxonomies()
    vof, miun = orgs["Vård- och omsorgsförvaltningen"], orgs["Mittuniversitetet"]
    first = make_case(vof, save=False, internal_notes="Ringer i maj.", coach=communicator)
    first.idea_carriers = [
        IdeaCarrier(
            role="Sjuksköterska",
            unit="Hemtjänst | Nord",
            name="Anna Berg",
            consent_to_publish_name=True,
            consent_date=dt.date(2019, 3, 1),
        ),
    ]
    first.partners = [
        CasePartner(
            organisation=miun, partner_type="forskning", contribution="Två studier\noch en rapport"
        )
    ]
    first.full_clean()
    first.save()
    first.topics.set([topics["Äldreomsorg"], topics["Hälsa"]])
    first.save()
    first.save_revision(user=communicator).publish(user=communicator)
    second = make_case(
        vof,
        results="Två rader\r\nsom i adminens textfält",  # what a browser's text area sends
        case_id="IS-2020-002",
        title="=1+1 och andra formler",
        summary="+ ett plustecken först",
        phase="avslutad",
        outcome="larande",
        received_date=dt.date(2020, 5, 6),
        publish_as=communicator,
    )
    # A draft waits on the second: the export shows it, and importing it back keeps it.
    draft = second.get_latest_revision_as_object()
    draft.lessons = "Utkast: lärdomar."
    draft.save_revision(user=communicator)
    return [first, second]


def download(client, **params):
    response = client.get(LIST, params)
    assert response.status_code == 200, response.status_code
    return response


@pytest.mark.django_db
def test_the_listing_exports_every_column_in_swedish(records, communicator, client):
    client.force_login(communicator)
    rows = read_xlsx(download(client, export="xlsx").content)
    assert rows[0] == [c.header for c in register.columns()]
    by_id = {row[0]: dict(zip(rows[0], row, strict=True)) for row in rows[1:]}
    first = by_id["IS-2019-001"]
    assert first["Fas"] == "Utforskas"
    assert first["Publiceringsnivå"] == "Publik"
    assert first["Hemvist"] == "Vård- och omsorgsförvaltningen"
    assert first["Ämnen"] == "Hälsa; Äldreomsorg"
    assert first["Fashistorik"] == "2019-03-04 Inkommen\n2019-04-03 Utforskas"
    assert first["Partner"] == "Mittuniversitetet | Forskning | Två studier\\noch en rapport"
    assert not set(PERSONAL) & set(rows[0])
    second = by_id["IS-2020-002"]
    assert second["Utfall"] == "Avslutat med lärdomar"
    assert second["Lärdomar"] == "Utkast: lärdomar."  # the latest version, the draft
    # Cells a spreadsheet would run as formulas are written as text.
    assert second["Rubrik"] == "'=1+1 och andra formler"
    assert second["Ingress"] == "'+ ett plustecken först"


@pytest.mark.django_db
def test_the_export_follows_the_listings_filters(records, communicator, client):
    client.force_login(communicator)
    rows = read_xlsx(download(client, export="xlsx", phase="avslutad").content)
    assert [row[0] for row in rows[1:]] == ["IS-2020-002"]


@pytest.mark.django_db
def test_personal_data_only_for_communicators_who_ask(records, communicator, coach, client):
    client.force_login(communicator)
    listing = download(client)
    assert "Ladda ner XLSX med personuppgifter" in listing.text
    rows = read_xlsx(download(client, export="xlsx", personal="1").content)
    assert rows[0][-4:] == PERSONAL
    first = dict(zip(rows[0], next(r for r in rows if r[0] == "IS-2019-001"), strict=True))
    assert first["Idébärare"] == "Sjuksköterska | Hemtjänst \\| Nord | Anna Berg | Ja | 2019-03-01"
    assert (first["Idécoach"], first["Interna anteckningar"]) == ("kommunikator", "Ringer i maj.")

    client.force_login(coach)
    listing = download(client)
    assert "personuppgifter" not in listing.text
    rows = read_xlsx(download(client, export="xlsx").content)
    assert not set(PERSONAL) & set(rows[0])
    assert "Anna Berg" not in str(rows)
    refused = client.get(LIST, {"export": "xlsx", "personal": "1"})
    assert refused.status_code == 403
    assert "Anna Berg" not in refused.text


@pytest.mark.django_db
@pytest.mark.parametrize("fmt", ["xlsx", "csv"])
@pytest.mark.parametrize("personal", [False, True], ids=["default", "personal"])
def test_an_export_imports_back_with_no_change(records, communicator, client, fmt, personal):
    client.force_login(communicator)
    params = {"export": fmt, **({"personal": "1"} if personal else {})}
    content = download(client, **params).content
    if fmt == "csv":
        assert content.startswith("\ufeff".encode())  # Excel reads it as UTF-8
    revisions = {r.case_id: r.revisions.count() for r in CaseRecord.objects.all()}
    result = import_table(register.read_table(content, f"register.{fmt}"), publish=True)
    assert result.ok, [r.errors for r in result.rows]
    assert result.counts["unchanged"] == 2, [(r.case_id, r.changed) for r in result.rows]
    assert {r.case_id: r.revisions.count() for r in CaseRecord.objects.all()} == revisions
    assert CaseRecord.objects.get(case_id="IS-2020-002").title == "=1+1 och andra formler"


@pytest.mark.django_db
def test_the_command_exports_by_suffix(records, tmp_path):
    out = StringIO()
    call_command("export_cases", str(tmp_path / "register.csv"), stdout=out)
    assert "2 case exporterade" in out.getvalue()
    text = (tmp_path / "register.csv").read_bytes().decode("utf-8-sig")
    assert text.startswith("Id;Rubrik;Slug;")
    assert "Anna Berg" not in text
    call_command("export_cases", str(tmp_path / "register.xlsx"), "--personal", stdout=out)
    rows = read_xlsx((tmp_path / "register.xlsx").read_bytes())
    assert rows[0][-4:] == PERSONAL and len(rows) == 3


def test_the_hub_command_hands_its_options_on():
    args = build_parser().parse_args(["import-cases", "register.xlsx", "--dry-run"])
    assert (args.func.__name__, args.dry_run, args.publish) == ("cmd_import_cases", True, False)
    args = build_parser().parse_args(["export-cases", "register.csv", "--personal"])
    assert (args.func.__name__, args.personal) == ("cmd_export_cases", True)


@pytest.mark.django_db
def test_latest_versions_are_wagtails_latest_revisions(records, communicator):
    draft = records[0].get_latest_revision_as_object()
    draft.partners.all()[0].contribution = "Ändrat i utkastet"
    draft.topics.set([])
    draft.save_revision(user=communicator)
    lookups = register.Lookups.load()
    cols = register.columns(personal=True)
    ours = register.latest_versions(CaseRecord.objects.order_by("case_id"), lookups)
    assert [register.record_row(r, cols, lookups) for r in ours] == [
        register.record_row(r.get_latest_revision_as_object(), cols, lookups)
        for r in CaseRecord.objects.order_by("case_id")
    ]
    assert ours[0].partners.all()[0].contribution == "Ändrat i utkastet"
    assert ours[0].pk == records[0].pk and ours[0].live
