"""Building blocks for the API tests (not a test module): real objects in the real
database, made the way the admin makes them; case records come from ``casedata``."""

import io
import json

from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from PIL import Image as PILImage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

#: Every page type of the site, as the API names them.
PAGE_TYPES = [
    "core.HomePage",
    "core.StandardPage",
    "cases.CaseStoryIndexPage",
    "cases.CaseStoryPage",
    "articles.InspirationIndexPage",
    "articles.InspirationArticlePage",
    "programme.ProgrammeIndexPage",
    "programme.ProgrammePage",
    "newsletter.NewsletterIndexPage",
    "newsletter.NewsletterIssuePage",
]


def get_json(client, url, status=200):
    response = client.get(url)
    assert response.status_code == status, (url, response.status_code, response.content[:500])
    assert response["Content-Type"].startswith("application/json"), url
    return json.loads(response.content)


def count_queries(client, url) -> int:
    with CaptureQueriesContext(connection) as queries:
        get_json(client, url)
    return len(queries)


def make_image(title="Bild", size=(1200, 800), colour=(30, 120, 90), **extra):
    buffer = io.BytesIO()
    PILImage.new("RGB", size, colour).save(buffer, "PNG")
    return get_image_model().objects.create(
        title=title, file=ImageFile(buffer, name=f"{title[:20] or 'bild'}.png"), **extra
    )


def make_document(title="Rapport", filename="rapport.pdf", **extra):
    return get_document_model().objects.create(
        title=title, file=ContentFile(b"%PDF-1.4 test\n", name=filename), **extra
    )


def add_page(parent, page, publish=True):
    """Add ``page`` under ``parent`` as a draft (as the admin does), then publish it through
    its revision unless ``publish`` is False."""
    page.live = False
    parent.add_child(instance=page)
    revision = page.save_revision()
    if publish:
        revision.publish()
        page.refresh_from_db()
    return page


def section(model):
    """The section index page of ``model`` (created by the site-structure migration)."""
    return model.objects.get()
