"""One page rendered on its own from its API payload, with the site's theme."""

import pytest
from casedata import make_case
from django.test import Client

from cms.articles.models import InspirationArticlePage, InspirationIndexPage
from sitebuild.preview import render_item


@pytest.mark.django_db
def test_page_payload_renders_with_the_theme():
    index = InspirationIndexPage.objects.get()
    page = index.add_child(
        instance=InspirationArticlePage(
            title="Myter om innovation: ”det kostar för mycket”",
            published_date="2020-10-20",
            body=[("rich_text", "<p>Brödtext med åäö.</p>")],
        )
    )
    page.save_revision().publish()
    item = Client().get(f"/api/v2/pages/{page.pk}/").json()

    html = render_item(item)

    assert '<html lang="sv"' in html
    assert "Myter om innovation: ”det kostar för mycket”" in html
    assert "Brödtext med åäö." in html
    assert "20\u00a0oktober\u00a02020" in html
    assert html.count("<h1") == 1


@pytest.mark.django_db
def test_case_payload_renders_with_the_theme(organisation, communicator):
    case = make_case(organisation, publish_as=communicator, title="Digitala nycklar")
    item = Client().get(f"/api/v2/cases/{case.case_id}/").json()

    html = render_item(item)

    assert "Digitala nycklar" in html
    assert case.case_id in html
    assert "Utforskas" in html
