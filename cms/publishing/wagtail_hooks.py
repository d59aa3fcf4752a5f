"""The publishing app in the admin: Inställningar → Webbplatsbyggen (the build history, the
"Bygg webbplatsen nu" button) and its panel on the dashboard; Inställningar → Spärrade
inloggningar (login lock-outs); which documents ``/documents/`` serves visitors; the
preview's addresses; and pages' addresses on the CMS, which lead to the site
(``site_links``)."""

from django.http import Http404
from django.urls import path, re_path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from cms.api.media import public_documents

from .history import BuildHistoryView, LatestBuildPanel
from .lockouts import LockoutsView, may_manage_lockouts
from .media import may_access_admin
from .preview import preview, preview_file
from .site_links import page_on_site


@hooks.register("register_admin_urls")
def register_publishing_urls():
    return [
        path("lockouts/", LockoutsView.as_view(), name="publishing_lockouts"),
        path("builds/", BuildHistoryView.as_view(), name="publishing_builds"),
    ]


@hooks.register("register_settings_menu_item")
def register_builds_menu_item():
    return MenuItem(
        "Webbplatsbyggen", reverse("publishing_builds"), name="builds", icon_name="globe", order=640
    )


@hooks.register("construct_homepage_panels")
def add_latest_build_panel(request, panels):
    panels.append(LatestBuildPanel())


class LockoutsMenuItem(MenuItem):
    def is_shown(self, request):
        return may_manage_lockouts(request.user)


@hooks.register("register_settings_menu_item")
def register_lockouts_menu_item():
    return LockoutsMenuItem(
        "Spärrade inloggningar",
        reverse("publishing_lockouts"),
        name="lockouts",
        icon_name="lock",
        order=650,
    )


# Before Wagtail's own check of collection restrictions, which would answer a visitor
# with a login or password form and so tell that the document exists.
@hooks.register("before_serve_document", order=-1)
def serve_only_public_documents(document, request):
    """``/documents/<id>/<name>`` gives visitors only the documents the site publishes
    (``cms.api.media.public_documents``); editors who may use the admin keep access to
    the rest, within Wagtail's own collection restrictions."""
    if may_access_admin(request.user):
        return None
    if not public_documents().filter(pk=document.pk).exists():
        raise Http404
    return None


# The preview (cms.publishing.preview) -----------------------------------------------------


@hooks.register("register_admin_urls")
def register_preview_urls():
    return [
        path("preview/", preview, name="publishing_preview"),
        # Any path, even none: reverse(…, args=[""]) is the folder's address.
        re_path(r"^preview/files/(?P<path>.*)$", preview_file, name="publishing_preview_file"),
    ]


# Before Wagtail's own check of view restrictions: a page the site does not show is a 404.
hooks.register("before_serve_page", page_on_site, order=-1)
