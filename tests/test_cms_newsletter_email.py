"""The e-mail edition of a newsletter issue (``cms.newsletter.email``), on the demo content:
the same content as the issue's page, every link and image on the site given in full, a
layout of presentation tables, CSS inlined, a plain-text part; previewed and sent as a test
from the admin by a communicator only. Mail goes to Django's locmem backend."""

from __future__ import annotations

import json
import shutil
import subprocess

import lxml.html
import pytest
from conftest import PASSWORD, log_in, make_user
from django.conf import settings
from django.core import mail
from django.core.management import call_command
from django.db import transaction
from django.urls import reverse
from test_site_validation import vnu_jar

from cms.cases.models import CaseRecord
from cms.cases.stats import status_as_of
from cms.newsletter.email import plain_text, render_edition, site_url
from cms.newsletter.models import NewsletterIssuePage
from swedish import swedish_number


@pytest.fixture(scope="module", autouse=True)
def demo(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("load_demo", quiet=True)
        yield
        transaction.set_rollback(True)


pytestmark = pytest.mark.django_db


@pytest.fixture
def issue():
    return NewsletterIssuePage.objects.live().get(issue_date__year=2020, issue_date__month=10)


def test_every_link_and_image_is_absolute_on_the_site_and_every_image_has_alt_text(issue):
    edition = render_edition(issue)
    doc = lxml.html.document_fromstring(edition.html)
    assert doc.get("lang") == "sv"
    links = doc.xpath("//a/@href")
    images = doc.xpath("//img")
    assert links and images
    assert all(url.startswith(settings.HUB_SITE_URL) for url in links), links
    assert all(img.get("src").startswith(settings.HUB_SITE_URL) for img in images)
    assert all(img.get("alt") is not None for img in images)
    assert edition.web_url == site_url("/nyhetsbrev/2020-10/")
    assert doc.xpath("//a[text()='Läs i webbläsaren']/@href") == [edition.web_url]


def test_the_layout_is_presentation_tables_with_the_css_inlined(issue):
    doc = lxml.html.document_fromstring(render_edition(issue).html)
    tables = doc.xpath("//table")
    assert tables and all(table.get("role") == "presentation" for table in tables)
    assert not doc.xpath("//style"), "the <style> element is inlined and removed"
    assert "font-family" in doc.xpath("//body/@style")[0]
    assert "background" in doc.xpath("//td[contains(@class, 'masthead')]/@style")[0]


def test_nulaget_is_the_register_on_the_issue_date_in_both_parts(issue):
    status = status_as_of(issue.issue_date)
    edition = render_edition(issue)
    received = swedish_number(status.received)
    implemented = f"varav {swedish_number(status.implemented)} införda eller överlämnade"
    assert f"Inkomna case: {received}\n" in edition.text
    assert implemented in edition.text
    cells = lxml.html.document_fromstring(edition.html).xpath("//div[@class='status']//td")
    texts = [cell.text_content() for cell in cells]
    figures = dict(zip(texts[::2], texts[1::2], strict=True))
    assert figures["Inkomna case"] == received
    assert figures["Avslutade"].endswith(implemented)


def test_a_case_the_site_does_not_show_is_not_in_the_email(issue):
    public = CaseRecord.objects.public().order_by("case_id").first()
    internal = CaseRecord.objects.filter(publication_level="intern").first()
    assert internal is not None
    issue.body = [
        {
            "type": "section",
            "value": {
                "heading": "Två case",
                "text": "<p>Om två case.</p>",
                "image": {"image": None, "decorative": False, "alt_text": "", "caption": ""},
                "cases": [public.pk, internal.pk],
                "pages": [],
            },
        }
    ]
    edition = render_edition(issue)
    for part in (edition.html, edition.text):
        assert public.title in part
        assert internal.title not in part
    assert site_url(f"/case/{public.slug}/") in edition.text


def test_the_plain_text_part_has_every_heading_and_link_address(issue):
    edition = render_edition(issue)
    doc = lxml.html.document_fromstring(edition.html)
    for heading in doc.xpath("//h2/text()"):
        assert heading.upper() in edition.text or heading in edition.text
    for link in doc.xpath("//td[contains(@class, 'content')]//a/@href"):
        assert link in edition.text
    assert "<" not in edition.text


def test_rich_text_becomes_lines_with_link_addresses():
    html = '<p>Läs <a href="https://x.se/a/">mer</a> här.</p><ul><li>Ett</li><li>Två</li></ul>'
    assert plain_text(html) == "Läs mer (https://x.se/a/) här.\n- Ett\n- Två"


@pytest.mark.slow
def test_the_email_passes_the_nu_html_checker(issue, tmp_path):
    java = shutil.which("java")
    if not java:
        pytest.skip("java is missing")
    page = tmp_path / "issue.html"
    page.write_text(render_edition(issue).html, encoding="utf-8")
    proc = subprocess.run(
        [java, "-jar", str(vnu_jar()), "--errors-only", "--format", "json", "--stdout", str(page)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    messages = json.loads(proc.stdout)["messages"]
    assert not messages, [(m.get("lastLine"), m["message"]) for m in messages]


def test_a_communicator_previews_the_edition_and_sends_a_test_to_themselves(client, issue):
    make_user("nyhetsbrev", "Kommunikatörer")
    log_in(client, "nyhetsbrev", PASSWORD)
    edit = client.get(reverse("wagtailadmin_pages:edit", args=[issue.pk])).content.decode()
    assert reverse("newsletter_email_edition", args=[issue.pk]) in edit
    page = client.get(reverse("newsletter_email_edition", args=[issue.pk]))
    assert page.status_code == 200
    assert "Skicka ett provutskick till mig" in page.content.decode()
    assert "Det finns inga bekräftade prenumeranter än." in page.content.decode()
    assert "Skicka till prenumeranterna</button>" not in page.content.decode()
    html = client.get(reverse("newsletter_email_html", args=[issue.pk]))
    assert html.status_code == 200 and b'lang="sv"' in html.content
    assert "script-src" not in html["Content-Security-Policy"]
    assert "style-src 'unsafe-inline'" in html["Content-Security-Policy"]

    client.post(reverse("newsletter_email_test", args=[issue.pk]))
    assert len(mail.outbox) == 1
    sent = mail.outbox[0]
    assert sent.to == ["nyhetsbrev@example.org"]
    assert sent.subject == "Aktuellt i Idéslussen – oktober 2020"
    assert sent.alternatives[0].mimetype == "text/html"


def test_a_coach_can_neither_preview_nor_send(client, issue):
    make_user("coachen", "Idécoacher")
    log_in(client, "coachen", PASSWORD)
    edit = client.get(reverse("wagtailadmin_pages:edit", args=[issue.pk])).content.decode()
    assert reverse("newsletter_email_edition", args=[issue.pk]) not in edit
    # Wagtail's admin answers a refusal by sending the user to the dashboard with a message.
    for response in (
        client.get(reverse("newsletter_email_edition", args=[issue.pk])),
        client.get(reverse("newsletter_email_html", args=[issue.pk])),
        client.post(reverse("newsletter_email_test", args=[issue.pk])),
    ):
        assert (response.status_code, response.get("Location")) in ((403, None), (302, "/admin/"))
    assert not mail.outbox
