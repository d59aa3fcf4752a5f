"""Importing the case register in the admin: a preview of what will change before anything
is saved, rejected rows shown with their row and column, the template, and who may import."""

import pytest
from django.urls import reverse
from registerfiles import HEADERS, taxonomies, valid_row, xlsx

from cms.cases import register
from cms.cases.models import CaseRecord


@pytest.fixture
def orgs(db):
    return taxonomies()[0]


def upload(client, content, name="register.xlsx", **data):
    from django.core.files.uploadedfile import SimpleUploadedFile

    url = reverse("wagtailsnippets_cases_caserecord:import")
    return client.post(url, {"file": SimpleUploadedFile(name, content), **data})


@pytest.mark.django_db
def test_the_admin_previews_then_imports(orgs, communicator, client):
    client.force_login(communicator)
    listing = client.get(reverse("wagtailsnippets_cases_caserecord:list"))
    assert reverse("wagtailsnippets_cases_caserecord:import") in listing.text
    page = client.get(reverse("wagtailsnippets_cases_caserecord:import"))
    assert page.status_code == 200 and "Importera case" in page.text
    assert reverse("wagtailsnippets_cases_caserecord:import_template") in page.text

    preview = upload(client, xlsx(HEADERS, [valid_row()]), publish="on")
    assert preview.status_code == 200
    assert "1 nya, 0 ändrade, 0 oförändrade, 0 avvisade" in preview.text
    assert not CaseRecord.objects.exists()

    url = reverse("wagtailsnippets_cases_caserecord:import")
    done = client.post(url, {"confirm": preview.context["token"], "publish": "on"}, follow=True)
    assert "Importen är klar: 1 nya, 0 ändrade" in done.text
    assert CaseRecord.objects.get().live

    # A changed title: the preview names the column; the confirmed file is gone after use.
    changed = upload(client, xlsx(HEADERS, [valid_row(Rubrik="Ny rubrik")]))
    assert "Ändras: Rubrik" in changed.text
    again = client.post(url, {"confirm": preview.context["token"]})
    assert "Filen att importera finns inte längre" in again.text
    assert CaseRecord.objects.get().title == "Tidigare upptäckt av demens"


@pytest.mark.django_db
def test_the_admin_shows_rejected_rows_and_offers_no_import(orgs, communicator, client):
    client.force_login(communicator)
    preview = upload(client, xlsx(HEADERS, [valid_row(Hemvist="Okänd förvaltning")]))
    assert "Hemvist" in preview.text and "”Okänd förvaltning” finns inte" in preview.text
    assert "Ingenting kan importeras" in preview.text
    assert 'name="confirm"' not in preview.text


@pytest.mark.django_db
def test_the_template_is_an_empty_sheet_with_every_header(communicator, client):
    from registerfiles import read_xlsx

    client.force_login(communicator)
    response = client.get(reverse("wagtailsnippets_cases_caserecord:import_template"))
    assert response.status_code == 200
    assert read_xlsx(response.content) == [[c.header for c in register.COLUMNS]]


@pytest.mark.django_db
def test_a_coach_may_not_import(orgs, coach, client):
    client.force_login(coach)
    url = reverse("wagtailsnippets_cases_caserecord:import")
    assert client.get(url).status_code == 403
    assert upload(client, xlsx(HEADERS, [valid_row()])).status_code == 403
    assert not CaseRecord.objects.exists()
    listing = client.get(reverse("wagtailsnippets_cases_caserecord:list"))
    assert url not in listing.text
