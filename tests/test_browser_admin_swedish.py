"""The admin in Swedish, as editors meet it in a real browser: the dashboard, a good
example's page edit (with its case chooser), a case record edit, a save with errors (the
autosave pausing first) and a publish, each page read as the editor sees it (text, tooltips,
labels) with none of Wagtail's English sentences on it.

Headless Chromium (Debian's, through Playwright; see tests/sitefixture.py) against
pytest-django's live server.
"""

from __future__ import annotations

import html
import json
import re

import pytest
from adminbrowser import browser, sign_in, watch  # noqa: F401 (browser: a fixture)
from api_factories import add_page
from casedata import make_case
from conftest import PASSWORD
from django.urls import reverse
from pofile import english_sentences

from cms.cases.models import CaseStoryIndexPage, CaseStoryPage

pytestmark = [
    pytest.mark.slow,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

# What editors met in English before (the examples), whatever Wagtail's catalogue says.
NAMED = [
    "Autosave is paused",
    "There are validation errors",
    "updated and published",
    "Choose another",
    "Välj annan Case",
]

# The text an editor reads: what is shown, and the words of tooltips, labels and hints.
READ = """
() => [
    document.body.innerText,
    ...[...document.querySelectorAll(
        "[title], [aria-label], [placeholder], [data-w-tooltip-content-value]"
    )].flatMap((el) => ["title", "aria-label", "placeholder", "data-w-tooltip-content-value"]
        .map((name) => el.getAttribute(name) || "")),
].join("\\n")
"""


@pytest.fixture
def case(organisation):
    return make_case(organisation)


@pytest.fixture
def story(organisation, communicator):
    internal = make_case(
        organisation,
        case_id="IS-2019-002",
        title="Nattfasta på särskilda boenden",
        publication_level="intern",
        publish_as=communicator,
    )
    body = json.dumps([{"type": "rich_text", "value": "<p>Berättelsen.</p>"}])
    page = CaseStoryPage(title="Kortare nattfasta", case=internal, body=body)
    return add_page(CaseStoryIndexPage.objects.get(), page)


def served_text(documents: list) -> str:
    """The text of the last HTML the server sent, menus that the admin's JavaScript keeps
    out of the page until opened included."""
    body = documents[-1].text()
    body = re.sub(r"<(script|style)\b.*?</\1>", " ", body, flags=re.S)
    return html.unescape(re.sub(r"<[^>]+>", " ", body))


def english_on(seen, documents: list, sentences: set[str]) -> list[str]:
    text = seen.page.evaluate(READ) + "\n" + served_text(documents)
    text = re.sub(r"\s+", " ", text)
    return [s for s in NAMED if s in text] + sorted(s for s in sentences if s in text)


def test_editors_meet_the_admin_in_swedish(communicator, case, story, browser, live_server):  # noqa: F811
    sentences = english_sentences()
    context, seen = watch(browser, live_server.url)
    page = seen.page
    documents = []  # the admin's HTML responses, as sent
    page.on(
        "response",
        lambda response: (
            response.request.resource_type == "document" and documents.append(response)
        ),
    )
    # Wagtail watches a form for edits (and autosaves them) only a moment after it loads.
    page.add_init_script(
        'document.addEventListener("w-unsaved:watch-edits", () => { window.hubWatching = true; });'
    )
    english = {}

    sign_in(seen, "kommunikator", PASSWORD)
    seen.wait_for("#wagtail-sidebar:not(.sidebar-loading)", "Sidomenyn")
    english["dashboard"] = english_on(seen, documents, sentences)

    # A good example: its case chooser speaks of "case", and warns that this one is internal.
    seen.goto(f"/admin/pages/{story.pk}/edit/")
    seen.wait_for(".Draftail-Editor", "Texteditorn (Draftail)")
    chooser = served_text(documents)
    assert "Byt case" in chooser and "Välj annan" not in chooser
    assert "visas inte på webbplatsen" in page.locator("[data-hub-case-warning]").inner_text()
    english["page edit"] = english_on(seen, documents, sentences)

    # A case record; a slug with a space pauses the autosave with a Swedish explanation (an
    # empty required field would not: drafts may leave those for later).
    seen.goto(reverse("wagtailsnippets_cases_caserecord:edit", args=[case.pk]))
    seen.wait_for(".xdsoft_datetimepicker", "Datumväljaren")
    english["case edit"] = english_on(seen, documents, sentences)
    page.wait_for_function("() => window.hubWatching === true", timeout=30_000)
    page.fill("#id_slug", "ingen slug")
    paused = page.locator(".w-autosave-indicator__state--paused")
    paused.wait_for(state="visible", timeout=15_000)
    assert paused.inner_text().strip() == "Automatisk sparning har pausats"
    tooltip = page.get_attribute("#w-autosave-indicator", "data-w-tooltip-content-value")
    assert tooltip == "Formuläret har fel. Klicka på Spara så markeras de.", tooltip
    english["autosave paused"] = english_on(seen, documents, sentences)

    # Saved with the error: the form comes back with it marked.
    with page.expect_navigation():
        page.evaluate("document.querySelector('form[data-edit-form] button.action-save').click()")
    assert page.locator(".w-field__errors, .error-message").count() > 0
    english["save with errors"] = english_on(seen, documents, sentences)

    # Published: the message names the case record in Swedish.
    page.fill("#id_slug", "tidigare-upptackt-av-demens")
    with page.expect_navigation():
        page.evaluate("document.querySelector('button[name=\"action-publish\"]').click()")
    page.wait_for_load_state("networkidle")
    message = page.locator(".messages").inner_text()
    assert "Case ”IS-2019-001 Tidigare upptäckt av demens” har uppdaterats och publicerats." in (
        message
    ), message
    english["publish"] = english_on(seen, documents, sentences)

    context.close()
    assert english == {name: [] for name in english}, english
