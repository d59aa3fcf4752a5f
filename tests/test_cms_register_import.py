"""Importing the case register from a spreadsheet (cms.cases.register_import): real .xlsx
and .csv files, every kind of bad row rejected with its row and column and nothing saved,
revisions and publishing, and one site build per import (the admin's import page:
test_cms_register_import_admin)."""

import datetime as dt
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import timezone
from django_tasks_db.models import DBTaskResult
from registerfiles import HEADERS, csv_bytes, demo_rows, taxonomies, valid_row, xlsx
from wagtail.models import ModelLogEntry

from cms.cases import register, register_import
from cms.cases.models import CaseRecord
from cms.publishing.models import BuildTrigger

#: In the future however long the run, and across midnight (the parameters are made once).
FUTURE = (timezone.localdate() + dt.timedelta(days=365)).isoformat()


@pytest.fixture
def orgs(db):
    return taxonomies()[0]


def run(content: bytes, name="register.xlsx", **options):
    return register_import.import_table(register.read_table(content, name), **options)


def rejections(result):
    return [(r.row, header, message) for r in result.rows for header, message in r.errors]


@pytest.mark.django_db
def test_the_demo_register_of_128_cases_imports_as_it_is(orgs):
    headers, rows = demo_rows()
    result = run(xlsx(headers, rows))
    assert result.ok, rejections(result)
    assert result.counts == {"created": 128, "updated": 0, "unchanged": 0, "rejected": 0}
    assert CaseRecord.objects.count() == 128
    # What the register now holds exports as the same rows.
    records = register.latest_versions(CaseRecord.objects.order_by("received_date", "case_id"))
    lookups = register.Lookups.load()
    exported = {r.case_id: register.record_row(r, register.columns(), lookups) for r in records}
    assert exported == {row[0]: row for row in rows}
    # Drafts, not published: nothing reached the site.
    assert not CaseRecord.objects.filter(live=True).exists()
    assert all(r.revisions.count() == 1 for r in CaseRecord.objects.all())


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("cells", "header", "words"),
    [
        ({"Id": ""}, "Id", "Id saknas"),
        ({"Id": "IS-19-1"}, "Id", "IS-ÅÅÅÅ-NNN"),
        ({"Fas": "Pågår"}, "Fas", "Okänt värde ”Pågår”"),
        ({"Utfall": "Infört i verksamheten"}, "Utfall", "bara när fasen är Avslutad"),
        ({"Inkommet": "4/3 2019"}, "Inkommet", "är inte ett datum"),
        ({"Inkommet": FUTURE}, "Inkommet", "framtiden"),
        ({"Hemvist": "Sundsvalls Skidklubb"}, "Hemvist", "”Sundsvalls Skidklubb” finns inte"),
        ({"Ämnen": "Rymdfart"}, "Ämnen", "”Rymdfart” finns inte"),
        ({"Globala mål": "3; 18"}, "Globala mål", "”18” finns inte"),
        ({"Rubrik": "x" * 256}, "Rubrik", "255 tecken"),
        ({"Rubrik": '=HYPERLINK("http://x","y")'}, "Rubrik", "köras som en formel"),
        ({"Ingress": "+46 60 19 10 00"}, "Ingress", "köras som en formel"),
        ({"Utmaning": "-tidigt"}, "Utmaning", "köras som en formel"),
        ({"Resultat": "@alla"}, "Resultat", "köras som en formel"),
        ({"Slug": "sida"}, "Slug", "caseportal"),
        ({"Fas": "Avslutad", "Utfall": "Överlämnat till verksamhet"}, "Övertaget av", "tog över"),
        ({"Fashistorik": f"{FUTURE} Inkommen"}, "Fashistorik", "Fasbyte 1: Datum"),
        ({"Partner": "Mittuniversitetet | Okänd typ"}, "Partner", "Partner 1: Okänt värde"),
        ({"Antal i teamet": "många"}, "Antal i teamet", "inte ett heltal"),
    ],
    ids=[
        "missing-id",
        "bad-id",
        "unknown-phase",
        "outcome-while-open",
        "bad-date",
        "future-date",
        "unknown-organisation",
        "unknown-topic",
        "sdg-18",
        "long-title",
        "formula",
        "plus",
        "minus",
        "at",
        "reserved-slug",
        "handover-without-taker",
        "future-phase-change",
        "bad-partner-type",
        "bad-number",
    ],
)
def test_a_bad_row_is_rejected_with_its_row_and_column_and_nothing_is_saved(
    orgs, cells, header, words
):
    good = valid_row(Id="IS-2019-001")
    bad = valid_row(**{"Id": "IS-2019-002", **cells})
    result = run(xlsx(HEADERS, [good, bad]))
    assert not result.ok
    assert result.rows[0].status == "created"
    assert result.rows[1].status == "rejected"
    found = rejections(result)
    assert [(row, h) for row, h, _ in found] == [(3, header)], found
    assert words in found[0][2], found
    assert not CaseRecord.objects.exists()


@pytest.mark.django_db
def test_a_duplicate_id_in_the_file_is_rejected(orgs):
    result = run(xlsx(HEADERS, [valid_row(), valid_row(Rubrik="Annan rubrik")]))
    assert rejections(result) == [(3, "Id", "Id IS-2019-001 finns redan på rad 2 i filen.")]
    assert not CaseRecord.objects.exists()


@pytest.mark.django_db
def test_plain_numbers_with_a_sign_are_not_formulas(orgs):
    result = run(xlsx(HEADERS, [valid_row(Ingress="-5"), valid_row(Id="IS-2019-002")]))
    assert result.ok, rejections(result)


@pytest.mark.django_db
def test_an_unknown_column_or_no_id_column_rejects_the_file(orgs):
    result = run(xlsx(["Id", "Rubriken"], [["IS-2019-001", "x"]]))
    assert result.file_errors == ["Okänd kolumn ”Rubriken” (kolumn 2). Använd rubrikerna i mallen."]
    result = run(xlsx(["Rubrik"], [["x"]]))
    assert result.file_errors == ["Kolumnen ”Id” saknas: raderna matchas mot registret på id."]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("delimiter", "encoding", "bom"),
    [(";", "cp1252", False), (",", "utf-8", False), (";", "utf-8", True), (",", "utf-8", True)],
    ids=["excel-swedish", "utf-8", "utf-8-bom-semicolon", "utf-8-bom"],
)
def test_csv_in_excels_swedish_and_in_utf_8(orgs, delimiter, encoding, bom):
    rows = [valid_row(), valid_row(Id="IS-2019-002", Rubrik="Språkstöd på förskolan")]
    content = csv_bytes(HEADERS, rows, delimiter=delimiter, encoding=encoding, bom=bom)
    result = run(content, "register.csv")
    assert result.ok, rejections(result) or result.file_errors
    record = CaseRecord.objects.get(case_id="IS-2019-002")
    assert record.title == "Språkstöd på förskolan"
    assert record.home_organisation.name == "Vård- och omsorgsförvaltningen"
    assert record.target_groups == ["aldre", "anhoriga"]


@pytest.mark.django_db
def test_labels_and_codes_are_read_in_any_case(orgs):
    row = valid_row(
        Fas="konceptutveckling",
        Publiceringsnivå="ANONYMISERAD",
        Målgrupper="äldre\nbarn_unga",
        Fashistorik="2019-03-04 inkommen\n2019-04-01 idé- och konceptutveckling | Workshop",
        Hemvist="vård- och omsorgsförvaltningen",
    )
    result = run(xlsx(HEADERS, [row]))
    assert result.ok, rejections(result)
    record = CaseRecord.objects.get()
    assert (record.phase, record.publication_level) == ("konceptutveckling", "anonymiserad")
    assert record.target_groups == ["aldre", "barn_unga"]
    assert [(h.phase, h.note) for h in record.phase_history.all()] == [
        ("inkommen", ""),
        ("konceptutveckling", "Workshop"),
    ]


@pytest.mark.django_db
def test_a_slug_is_made_as_the_model_makes_it_and_reimports_unchanged(orgs):
    content = xlsx(HEADERS, [valid_row(Slug="Äldre Demens")])
    assert run(content).ok
    assert CaseRecord.objects.get().slug == "aldre-demens"
    assert run(content).counts["unchanged"] == 1


@pytest.mark.django_db
def test_real_date_cells_are_read(orgs):
    row = valid_row(Inkommet=dt.datetime(2019, 3, 4))
    result = run(xlsx(HEADERS, [row]))
    assert result.ok, rejections(result)
    assert CaseRecord.objects.get().received_date == dt.date(2019, 3, 4)


@pytest.mark.django_db
def test_reimporting_changes_nothing_and_a_change_is_a_new_revision(orgs, communicator):
    content = xlsx(HEADERS, [valid_row(), valid_row(Id="IS-2019-002", Rubrik="Andra")])
    run(content, user=communicator, publish=True)
    record = CaseRecord.objects.get(case_id="IS-2019-001")
    assert record.live and record.revisions.count() == 1

    again = run(content, user=communicator, publish=True)
    assert again.counts["unchanged"] == 2
    assert record.revisions.count() == 1

    changed = xlsx(
        HEADERS,
        [valid_row(Rubrik="Demens upptäckt tidigare"), valid_row(Id="IS-2019-002", Rubrik="Andra")],
    )
    result = run(changed, user=communicator)
    assert [(r.status, r.changed) for r in result.rows] == [
        ("updated", ["Rubrik"]),
        ("unchanged", []),
    ]
    record.refresh_from_db()
    # A draft: the live record is as it was, the new revision waits.
    assert record.title == "Tidigare upptäckt av demens"
    assert record.has_unpublished_changes and record.revisions.count() == 2
    assert record.get_latest_revision_as_object().title == "Demens upptäckt tidigare"
    # The draft is the base for the next comparison: the same file again is no change.
    assert run(changed, user=communicator).counts["unchanged"] == 2
    # The communicator can go back to the published revision.
    first = record.revisions.order_by("created_at", "pk").first()
    first.as_object().save_revision(user=communicator, previous_revision=first).publish()
    record.refresh_from_db()
    assert record.title == "Tidigare upptäckt av demens"


@pytest.mark.django_db
def test_a_file_without_the_personal_columns_leaves_them_alone(orgs, communicator):
    full = [*HEADERS, "Interna anteckningar", "Idécoach", "Idébärare"]
    row = [
        *valid_row(),
        "Ringer i maj.",
        "kommunikator",
        "Sjuksköterska | Hemtjänst | Anna | Ja | 2019-03-01",
    ]
    run(xlsx(full, [row]))
    result = run(xlsx(HEADERS, [valid_row(Rubrik="Ny rubrik")]), publish=True)
    assert result.rows[0].changed == ["Rubrik"]
    record = CaseRecord.objects.get()
    assert record.internal_notes == "Ringer i maj." and record.coach == communicator
    carrier = record.idea_carriers.get()
    assert (carrier.name, carrier.public_name) == ("Anna", "Anna")


@pytest.mark.django_db
def test_a_dry_run_saves_nothing_and_counts(orgs):
    run(xlsx(HEADERS, [valid_row()]), publish=True)
    rows = [valid_row(), valid_row(Id="IS-2019-002"), valid_row(Id="IS-2019-003", Fas="Okänd")]
    result = run(xlsx(HEADERS, rows), dry_run=True)
    assert result.summary() == "1 nya, 0 ändrade, 1 oförändrade, 1 avvisade"
    assert CaseRecord.objects.count() == 1


@pytest.mark.django_db
def test_an_import_of_many_published_cases_makes_one_build(
    orgs, communicator, django_capture_on_commit_callbacks
):
    rows = [valid_row(Id=f"IS-2019-{n:03d}", Rubrik=f"Case {n}") for n in range(1, 13)]
    with django_capture_on_commit_callbacks(execute=True):
        run(xlsx(HEADERS, rows), user=communicator, publish=True)
    assert CaseRecord.objects.filter(live=True).count() == 12
    # Published as Wagtail publishes: the one revision live, logged with who did it.
    for record in CaseRecord.objects.all():
        assert record.live_revision_id == record.latest_revision_id
        assert not record.has_unpublished_changes and record.first_published_at
    entries = ModelLogEntry.objects.filter(action="wagtail.publish", user=communicator)
    assert entries.count() == 12
    assert [(t.what, t.user) for t in BuildTrigger.objects.all()] == [
        ("Import av caseregistret: 12 nya, 0 ändrade", communicator)
    ]
    tasks = DBTaskResult.objects.filter(task_path="cms.publishing.builds.run_build")
    assert tasks.count() == 1


@pytest.mark.django_db
def test_an_import_without_publishing_asks_for_no_build(
    orgs, communicator, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        run(xlsx(HEADERS, [valid_row()]), user=communicator)
    assert not BuildTrigger.objects.exists()


# The command --------------------------------------------------------------------------


@pytest.mark.django_db
def test_the_command_imports_and_says_so_in_swedish(orgs, tmp_path):
    path = tmp_path / "register.csv"
    path.write_bytes(csv_bytes(HEADERS, [valid_row()], delimiter=";", encoding="cp1252"))
    out = StringIO()
    call_command("import_cases", str(path), "--dry-run", stdout=out)
    assert "Provkörning: 1 nya, 0 ändrade, 0 oförändrade, 0 avvisade" in out.getvalue()
    assert not CaseRecord.objects.exists()
    call_command("import_cases", str(path), "--publish", stdout=out)
    assert CaseRecord.objects.get().live


@pytest.mark.django_db
def test_the_command_fails_on_a_rejected_row(orgs, tmp_path):
    path = tmp_path / "register.xlsx"
    path.write_bytes(xlsx(HEADERS, [valid_row(Fas="Pågår")]))
    out = StringIO()
    with pytest.raises(CommandError) as exc:
        call_command("import_cases", str(path), stdout=out)
    assert "Rad 2, Fas: Okänt värde ”Pågår”" in out.getvalue()
    assert "Ingenting importerades" in str(exc.value)
    assert not CaseRecord.objects.exists()


def test_a_file_that_is_no_spreadsheet_is_refused_in_swedish():
    with pytest.raises(register.TableError, match="kunde inte läsas som ett Excel-kalkylblad"):
        register.read_table(b"not a spreadsheet", "register.xlsx")


@pytest.mark.django_db
def test_new_cases_are_logged_and_indexed_like_the_admins(
    orgs, communicator, django_capture_on_commit_callbacks
):
    from django.conf import settings
    from django.test import override_settings
    from wagtail.models import ReferenceIndex

    with override_settings(TASKS=settings.IMMEDIATE_TASKS):
        with django_capture_on_commit_callbacks(execute=True):
            run(xlsx(HEADERS, [valid_row()]), user=communicator)
    record = CaseRecord.objects.get()
    entry = ModelLogEntry.objects.get(object_id=str(record.pk))
    assert (entry.action, entry.user, entry.revision) == (
        "wagtail.create",
        communicator,
        record.latest_revision,
    )
    home = orgs["Vård- och omsorgsförvaltningen"]
    assert ReferenceIndex.get_references_to(home).filter(object_id=str(record.pk)).exists()
    from wagtail.search.backends import get_search_backend

    assert len(get_search_backend().search("demens", CaseRecord)) == 1


def test_counts_are_written_the_swedish_way():
    rows = [register_import.RowResult(row=n, case_id="", status="created") for n in range(1200)]
    summary = register_import.Plan(rows=rows).summary()
    assert summary == "1\u202f200 nya, 0 ändrade, 0 oförändrade, 0 avvisade"
