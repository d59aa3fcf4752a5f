"""A draft in the API's shape, for the preview (``cms.publishing.preview``).

What ``/api/v2/pages/<id>/`` or ``/api/v2/cases/<case id>/`` would answer for the draft
once it is published: the same serializers, the same reference resolver (a link or a
chooser that points at something not public comes out as nothing, as it will on the
site), the same JSON. The draft is an unsaved instance (its edited children and relations
in memory), so it is handed to the serializers rather than looked up.
"""

from __future__ import annotations

import json

from rest_framework.renderers import JSONRenderer
from rest_framework.request import Request
from wagtail.models import Page

from .case_rows import instance_row
from .case_serializers import CaseRecordSerializer, record_columns
from .pages import HubPagesAPIViewSet


def draft_item(request, obj) -> dict:
    """The API item of ``obj``, a page of any hub type or a case record."""
    if isinstance(obj, Page):
        data = _page_data(request, obj)
    else:
        data = CaseRecordSerializer(instance_row(obj, record_columns())).data
    # Through JSON, as the build step gets it (dates as strings, and so on).
    return json.loads(JSONRenderer().render(data))


class _DraftPageView(HubPagesAPIViewSet):
    """The pages endpoint's detail view of a page it is given (not one it looks up)."""

    def __init__(self, page, request):
        super().__init__(action="detail_view", args=(), kwargs={}, format_kwarg=None)
        self.request = Request(request)
        self._cached_object = page


def _page_data(request, page) -> dict:
    from .urls import wagtail_api  # the router; cms.api.urls imports the endpoints

    view = _DraftPageView(page, request)
    view.request.wagtailapi_router = wagtail_api
    page = view.get_object()  # the specific page, as the endpoint serializes it
    serializer = view.get_serializer(page)
    view.resolver.prepare([page], serializer.fields)
    return serializer.data
