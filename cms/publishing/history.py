"""Webbplatsbyggen: the build history in the admin, the "Bygg webbplatsen nu" button, and
the latest build's status on the dashboard.

Every editor sees the history (a coach wants to know when their page is live); only those
with ``publishing.request_build`` (Kommunikatörer, migration 0003) see the button, and a
POST from anyone else is refused with 403.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib import messages
from django.db.models import Prefetch
from django.http import HttpResponseForbidden
from django.shortcuts import redirect
from django.utils import timezone
from django.views.generic import TemplateView
from wagtail.admin.ui.components import Component
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from swedish import swedish_date

from .builds import request_build
from .models import BuildTrigger, SiteBuild

#: Builds shown in the history, newest first.
SHOWN = 50
#: Changes named per build; a build of an import or a demo load has hundreds.
SHOWN_TRIGGERS = 5


def may_request_build(user) -> bool:
    return user.is_active and user.has_perm("publishing.request_build")


def swedish_time(moment) -> str:
    """``"4 december 2026 kl. 14.32.05"`` in the site's time zone; "–" for none."""
    if moment is None:
        return "–"
    local = timezone.localtime(moment)
    return f"{swedish_date(local.date())} kl. {local:%H.%M.%S}"


def duration(seconds: float | None) -> str:
    """``"4,2 s"``, ``"2 min 5 s"``; "–" for none."""
    if seconds is None:
        return "–"
    if seconds < 60:
        return f"{seconds:.1f} s".replace(".", ",")
    return f"{int(seconds // 60)} min {int(seconds % 60)} s"


def who(user) -> str:
    """An editor's name as the admin shows it; changes without one were the system's."""
    if user is None:
        return "systemet"
    return user.get_full_name() or user.get_username()


@dataclass
class BuildRow:
    """A build as the history shows it."""

    build: SiteBuild
    triggers: list[tuple[str, str, str]]  # (what, by whom, when), the first SHOWN_TRIGGERS
    more: int  # how many changes besides those
    queued: str
    started: str
    took: str


def recent_builds(limit: int = SHOWN) -> list[BuildRow]:
    triggers = BuildTrigger.objects.select_related("user")
    builds = SiteBuild.objects.prefetch_related(Prefetch("triggers", queryset=triggers))
    return [
        BuildRow(
            build=build,
            triggers=[
                (t.what, who(t.user), swedish_time(t.at))
                for t in build.triggers.all()[:SHOWN_TRIGGERS]
            ],
            more=max(0, len(build.triggers.all()) - SHOWN_TRIGGERS),
            queued=swedish_time(build.queued_at),
            started=swedish_time(build.started_at),
            took=duration(build.seconds),
        )
        for build in builds[:limit]
    ]


class BuildHistoryView(WagtailAdminTemplateMixin, TemplateView):
    """Inställningar → Webbplatsbyggen."""

    template_name = "publishing/builds.html"
    page_title = "Webbplatsbyggen"
    header_icon = "globe"

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [{"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["builds"] = recent_builds()
        context["may_request_build"] = may_request_build(self.request.user)
        return context

    def post(self, request, *args, **kwargs):
        if not may_request_build(request.user):
            # A plain 403 (Wagtail would turn PermissionDenied into a redirect home).
            return HttpResponseForbidden(
                "Bara kommunikatörer kan starta ett bygge av webbplatsen.",
                content_type="text/plain; charset=utf-8",
            )
        request_build("Bygg webbplatsen nu", request.user)
        messages.success(
            request,
            "Ett bygge av webbplatsen är beställt. Det syns i listan nedan och tar oftast "
            "några sekunder.",
        )
        return redirect("publishing_builds")


class LatestBuildPanel(Component):
    """The dashboard's panel: how the latest build went, with a link to the history."""

    name = "latest_build"
    order = 50
    template_name = "publishing/latest_build_panel.html"

    def get_context_data(self, parent_context=None):
        rows = recent_builds(1)
        return {"row": rows[0] if rows else None}
