"""Admin and serving hooks shared by the whole CMS."""

from django.http import Http404
from wagtail import hooks

from . import public
from .media import may_access_admin


# Before Wagtail's own check of collection restrictions, which would answer a visitor
# with a login or password form and so tell that the document exists.
@hooks.register("before_serve_document", order=-1)
def serve_only_public_documents(document, request):
    """``/documents/<id>/<name>`` gives visitors only the documents the site publishes
    (``cms.core.public.public_documents``); editors who may use the admin keep access to
    the rest, within Wagtail's own collection restrictions."""
    if may_access_admin(request.user):
        return None
    if not public.public_documents().filter(pk=document.pk).exists():
        raise Http404
    return None
