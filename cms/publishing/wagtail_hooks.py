"""The publishing app in the admin: Inställningar → Spärrade inloggningar (login lock-outs)."""

from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .lockouts import LockoutsView, may_manage_lockouts


@hooks.register("register_admin_urls")
def register_lockout_urls():
    return [path("lockouts/", LockoutsView.as_view(), name="publishing_lockouts")]


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
