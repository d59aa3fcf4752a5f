"""Previews of pages and case records through wagtail-headless-preview.

Wagtail's preview (the side panel and "Förhandsgranska i ny flik") asks the object being
edited, with the editor's unsaved changes, for ``serve_preview``. Headless-preview's answer
is to store the draft as JSON under a signed token (its ``PagePreview`` model) and send the
browser to the front end's preview address with that token. Here the front end is the CMS
itself: ``cms.publishing.preview`` reads the draft back by its token and renders it with
the site's theme. This module is the model side, shared by every page type (through
``HubPage``) and by case records, which are snippets rather than pages.

Compared with the library's own mixin: the token carries a random part, so two editors
previewing the same page in the same second never share one; and an object that is not a
page (a case record) is stored with its own content type and read back without the page
tree.
"""

from __future__ import annotations

import secrets

from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from wagtail_headless_preview.models import HeadlessPreviewMixin, PagePreview

#: The name of the CMS's preview view (``cms.publishing.wagtail_hooks``).
PREVIEW_URL_NAME = "publishing_preview"


class SitePreviewMixin(HeadlessPreviewMixin):
    """Preview with the site's theme, served by the CMS (``cms.publishing.preview``)."""

    def get_client_root_url(self, request) -> str:
        """The preview's address: the CMS's own preview view (no second server)."""
        return reverse(PREVIEW_URL_NAME)

    def create_page_preview(self) -> PagePreview:
        """A new ``PagePreview`` holding this object as it is now, unsaved edits included."""
        identifier = f"id={self.pk}" if self.pk is not None else f"new={self._meta.label}"
        token = self.get_preview_signer().sign(f"{identifier};{secrets.token_urlsafe(12)}")
        return PagePreview.objects.create(
            token=token,
            content_type=ContentType.objects.get_for_model(self),
            content_json=self.to_json(),
        )


def object_from_preview(preview: PagePreview):
    """The draft a ``PagePreview`` holds, as an unsaved instance of its model (a page of its
    specific type, or a case record) with its child objects and relations in memory; None
    if its model is gone."""
    model = preview.content_type.model_class()
    return None if model is None else model.from_json(preview.content_json)
