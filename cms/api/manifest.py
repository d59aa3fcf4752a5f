"""``/api/v2/manifest/``: everything the static site publishes now, and when each item last changed.

The build step keeps the manifest of its previous run and compares:

- an entry that is gone was deleted, unpublished, made ``intern``, put behind a view
  restriction or moved out of the site: remove its output (the tombstone is the absence);
- an entry whose ``path`` differs was moved or renamed: its ``last_changed`` is newer too;
- an entry whose ``last_changed`` is newer than the previous run must be fetched again
  (``/api/v2/pages/?published_since=``, ``/api/v2/cases/?changed_since=`` give exactly
  those).

A page's ``last_changed`` is the latest of: its own last publication; a move of the page or
an ancestor; a view restriction changed or removed on it or an ancestor; the last
publication of an ancestor below the home page (which may have changed the ancestor's slug,
and with it this page's path, or made it visible again after an unpublish). The last rule
errs on the safe side: republishing a section page marks its subtree as changed.
A case record's ``last_changed`` is its ``updated_at``: every save of the live record
(publishing, unpublishing, a change of publication level) moves it.
"""

import datetime as dt

from django.contrib.contenttypes.models import ContentType
from django.db.models import Max
from django.urls import reverse
from django.utils import timezone
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.response import Response
from rest_framework.views import APIView
from wagtail.api.v2.utils import get_full_url
from wagtail.models import Page, PageLogEntry

from cms.cases.models import CaseRecord
from cms.core.paths import case_path

from .params import StrictParametersMixin
from .resolver import Resolver, model_type

#: Logged actions that change where a page is, or whether its subtree can be seen.
PATH_ACTIONS = [
    "wagtail.move",
    "wagtail.view_restriction.create",
    "wagtail.view_restriction.edit",
    "wagtail.view_restriction.delete",
]


def page_change_times(public_pages, root) -> dict[int, dt.datetime | None]:
    """``{page id: last change}`` for every page in ``public_pages``; two queries."""
    if root is None:
        return {}
    rows = list(public_pages.order_by("path").values_list("pk", "path", "last_published_at"))
    events = dict(
        PageLogEntry.objects.filter(action__in=PATH_ACTIONS)
        .values("page_id")
        .annotate(latest=Max("timestamp"))
        .values_list("page_id", "latest")
    )
    times: dict[int, dt.datetime | None] = {}
    inherited: dict[str, dt.datetime | None] = {}
    for pk, path, published in rows:
        own = _latest(published, events.get(pk))
        from_parent = inherited.get(path[: -Page.steplen])
        times[pk] = _latest(own, from_parent)
        # The home page's own publications do not touch its descendants' paths.
        inherited[path] = _latest(from_parent, events.get(pk)) if pk == root.id else times[pk]
    return times


def _latest(*times):
    present = [t for t in times if t is not None]
    return max(present) if present else None


def manifest_items(resolver, request) -> list[dict]:
    """Every published page and public case record: kind, id, type, path, last change and
    the API URL to fetch it. Four queries, whatever the size of the site."""
    pages = resolver.public_pages()
    times = page_change_times(pages, resolver.root)
    items = []
    for pk, url_path, content_type_id in pages.order_by("path").values_list(
        "pk", "url_path", "content_type_id"
    ):
        changed = times.get(pk)
        items.append(
            {
                "kind": "page",
                "id": str(pk),
                "type": model_type(ContentType.objects.get_for_id(content_type_id).model_class()),
                "path": resolver.path_for(url_path),
                "last_changed": changed,
                "detail_url": get_full_url(request, reverse("wagtailapi:pages:detail", args=(pk,))),
            }
        )
    for case_id, slug, updated_at in (
        CaseRecord.objects.public().order_by("case_id").values_list("case_id", "slug", "updated_at")
    ):
        items.append(
            {
                "kind": "case",
                "id": case_id,
                "type": "cases.CaseRecord",
                "path": case_path(slug),
                "last_changed": updated_at,
                "detail_url": get_full_url(request, reverse("api-case-detail", args=(case_id,))),
            }
        )
    return items


class ManifestItemSerializer(serializers.Serializer):
    kind = serializers.ChoiceField(choices=["page", "case"])
    id = serializers.CharField(help_text="Page id, or the case record's id (IS-2019-031).")
    type = serializers.CharField(help_text="Content type, e.g. cases.CaseStoryPage.")
    path = serializers.CharField(help_text="Public path on the static site.")
    last_changed = serializers.DateTimeField(allow_null=True)
    detail_url = serializers.URLField(help_text="Where the API serves the item.")


class ManifestSerializer(serializers.Serializer):
    generated_at = serializers.DateTimeField()
    items = ManifestItemSerializer(many=True)


class ManifestView(StrictParametersMixin, APIView):
    """Every published page and public case record with its id, type, public path and
    last change. Compare with the previous manifest: a missing entry was deleted,
    unpublished or hidden; a changed path is a move; a newer ``last_changed`` needs a fetch."""

    @extend_schema(responses=ManifestSerializer)
    def get(self, request):
        data = {"generated_at": timezone.now(), "items": manifest_items(Resolver(), request)}
        return Response(ManifestSerializer(data).data)
