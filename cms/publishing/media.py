"""Serving MEDIA_ROOT from the CMS, to the public only what the site publishes.

The build step downloads image renditions from ``/media/images/…`` as an anonymous client,
and the admin shows thumbnails of images that only drafts use. So a file is served when the
request comes from someone who may use the admin, or when it belongs to a public image or
document (``cms.api.media.is_public_media_file``). Anything else is a 404, never a 403:
the answer must not tell that a file exists.
"""

from django.conf import settings
from django.http import Http404
from django.utils.cache import patch_cache_control
from django.views.static import serve

from cms.api.media import is_public_media_file


def may_access_admin(user) -> bool:
    """Editors (anyone allowed into the Wagtail admin) see drafts, so their media too."""
    return user.is_authenticated and user.has_perm("wagtailadmin.access_admin")


def serve_media(request, path):
    """A file below MEDIA_ROOT, if the request may see it (see the module docstring).

    The lookup compares ``path`` with the names the storage gave the files, and Django's
    ``serve`` joins it to MEDIA_ROOT safely, so no path leads outside MEDIA_ROOT."""
    if may_access_admin(request.user):
        response = serve(request, path, document_root=settings.MEDIA_ROOT)
        # Shown because of who asked: no shared cache may keep it for anyone else.
        patch_cache_control(response, private=True)
        return response

    if not is_public_media_file(path):
        raise Http404
    return serve(request, path, document_root=settings.MEDIA_ROOT)
