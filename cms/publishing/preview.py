"""The preview, served by the CMS itself: a draft rendered with the site's theme.

Wagtail's preview of a page or a case record goes through wagtail-headless-preview
(``cms.core.preview``): the draft, unsaved edits included, is stored under a signed token
and the browser (the side panel's frame, or a new tab) is sent here with it. This view
reads the draft back, serializes it as the API would once it is published
(``cms.api.preview``) and renders it with the one-page code of the build
(``sitebuild.preview.render_item``), with the listings of the last pull (``content/``).
``preview_file`` serves what that page loads from the site: the theme's assets and the
pull's images of listed items.

Both are admin views (``wagtail_hooks``; Wagtail lets only people who may use the admin
reach them), so only editors ever see a preview.
A token is good for ``HUB_PREVIEW_MAX_AGE``; a missing, unknown, tampered or expired one
gets a Swedish page that says so (404 or 403), never the draft.
"""

from __future__ import annotations

import logging

from django.conf import settings
from django.core.signing import BadSignature, SignatureExpired
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.cache import add_never_cache_headers, patch_cache_control
from django.views.static import serve
from wagtail.utils.decorators import xframe_options_sameorigin_override
from wagtail_headless_preview.models import PagePreview

from cms.api.preview import draft_item
from cms.core.preview import SitePreviewMixin, object_from_preview
from sitebuild.contract import THEME_DIR
from sitebuild.preview import render_item

from .builds import folders

log = logging.getLogger(__name__)

#: Below the preview files' address: the folder and the files it may serve there, by the
#: first part of the path. Nothing else of the theme (its templates) or of content/.
THEME_ASSETS = "assets"
THEME_ICON = "favicon.ico"
CONTENT_MEDIA = "media"


@xframe_options_sameorigin_override  # the side panel shows it in a same-origin frame
def preview(request):
    """The draft behind ``?token=`` (and ``content_type=``, as headless-preview sends it)."""
    token = request.GET.get("token", "")
    if not token:
        return _refused(request, 404, "Adressen saknar förhandsvisningens nyckel.")
    try:
        SitePreviewMixin.get_preview_signer().unsign(token, max_age=settings.HUB_PREVIEW_MAX_AGE)
    except SignatureExpired:
        return _refused(
            request,
            403,
            "Förhandsvisningen har gått ut. Öppna förhandsgranskningen igen från redigeringsvyn.",
        )
    except BadSignature:
        return _refused(request, 403, "Länken till förhandsvisningen är inte giltig.")
    stored = PagePreview.objects.filter(token=token).select_related("content_type").first()
    wanted = request.GET.get("content_type")
    draft = object_from_preview(stored) if stored is not None else None
    if draft is None or (wanted and wanted != draft.get_content_type_str()):
        return _refused(
            request,
            404,
            "Förhandsvisningen finns inte längre. Öppna förhandsgranskningen igen från "
            "redigeringsvyn.",
        )

    html = render_item(
        draft_item(request, draft),
        content=folders()[0],
        files_url=reverse("publishing_preview_file", args=[""]),
        site_url=settings.HUB_SITE_URL,
    )
    response = HttpResponse(html)
    response["X-Robots-Tag"] = "noindex"
    # A draft, for the editor who asked: no cache may keep it.
    add_never_cache_headers(response)
    patch_cache_control(response, private=True)
    return response


def preview_file(request, path):
    """A file the preview loads from the site: ``assets/…`` and ``favicon.ico`` from the
    theme, ``media/…`` from the last pull (images of published items only)."""
    first, _, rest = path.partition("/")
    if first == THEME_ASSETS and rest:
        return serve(request, rest, document_root=THEME_DIR / THEME_ASSETS)
    if path == THEME_ICON:
        return serve(request, path, document_root=THEME_DIR)
    if first == CONTENT_MEDIA and rest:
        return serve(request, rest, document_root=folders()[0] / CONTENT_MEDIA)
    raise Http404


def _refused(request, status: int, reason: str) -> HttpResponse:
    log.info("Preview refused (%s): %s", status, reason)
    response = render(
        request,
        "publishing/preview_refused.html",
        {"reason": reason, "admin_url": reverse("wagtailadmin_home")},
        status=status,
    )
    add_never_cache_headers(response)
    return response
