"""Importing the case register through the admin in a real browser: the communicator goes
from the register's listing to "Importera", chooses a spreadsheet, reads the preview,
imports with "Publicera direkt", and finds the cases in the register; a file with a bad
row shows why and offers no import. No CSP violation, console error or request to another
host on the way.

Headless Chromium (Debian's, through Playwright; see tests/sitefixture.py) against
pytest-django's live server.
"""

from __future__ import annotations

import pytest
from adminbrowser import browser, sign_in, watch  # noqa: F401 (browser: a fixture)
from conftest import PASSWORD
from django.urls import reverse
from registerfiles import HEADERS, taxonomies, valid_row, xlsx

from cms.cases.models import CaseRecord

pytestmark = [
    pytest.mark.slow,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def orgs(db):
    return taxonomies()[0]


# The data fixtures come before ``watched`` (see tests/test_browser_admin_csp.py).
@pytest.fixture
def watched(orgs, communicator, browser, live_server):  # noqa: F811
    context, seen = watch(browser, live_server.url)
    yield seen
    context.close()


def test_the_communicator_imports_the_register_in_the_browser(watched, tmp_path):
    page = watched.page
    good = tmp_path / "caseregistret.xlsx"
    good.write_bytes(xlsx(HEADERS, [valid_row(), valid_row(Id="IS-2019-002")]))
    bad = tmp_path / "fel.xlsx"
    bad.write_bytes(xlsx(HEADERS, [valid_row(Id="IS-2019-003", Fas="Pågår")]))

    sign_in(watched, "kommunikator", PASSWORD)
    watched.goto(reverse("wagtailsnippets_cases_caserecord:list"))
    # In the header's menu of more actions, beside the downloads.
    page.locator("header .w-dropdown__toggle").first.click()
    link = page.locator('a:has-text("Importera")')
    link.wait_for(state="visible", timeout=15_000)
    with page.expect_navigation():
        link.click()
    assert page.locator("h1").inner_text().strip() == "Importera case"

    # A bad row: the preview says which and why, and there is nothing to confirm.
    page.set_input_files("#id_file", str(bad))
    with page.expect_navigation():
        page.click('button:has-text("Förhandsgranska")')
    row = page.locator('[data-import-row="2"]').inner_text()
    assert "Avvisas" in row and "Fas:" in row and "Okänt värde ”Pågår”" in row, row
    assert page.locator('input[name="confirm"]').count() == 0

    # A good file: preview, then import and publish.
    page.set_input_files("#id_file", str(good))
    page.check("#id_publish")
    with page.expect_navigation():
        page.click('button:has-text("Förhandsgranska")')
    summary = page.locator("[data-import-summary]").inner_text()
    assert summary == "2 nya, 0 ändrade, 0 oförändrade, 0 avvisade.", summary
    assert page.is_checked("#id_publish_confirm")
    assert not CaseRecord.objects.exists()
    with page.expect_navigation():
        page.click('button:text-is("Importera")')
    page.wait_for_load_state("networkidle")
    message = page.locator(".messages").inner_text()
    assert "Importen är klar: 2 nya, 0 ändrade" in message, message
    assert "IS-2019-002" in page.locator("main").inner_text()
    watched.assert_clean()
    assert sorted(CaseRecord.objects.filter(live=True).values_list("case_id", flat=True)) == [
        "IS-2019-001",
        "IS-2019-002",
    ]
