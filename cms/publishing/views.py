"""The manifest endpoint: what the static site publishes now (see ``manifest``)."""

from django.utils import timezone
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.response import Response
from rest_framework.views import APIView

from cms.core.api_params import StrictQueryParamsMixin
from cms.core.api_resolver import Resolver

from .manifest import manifest_items


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


class ManifestView(StrictQueryParamsMixin, APIView):
    """Every published page and public case record with its id, type, public path and
    last change. Compare with the previous manifest: a missing entry was deleted,
    unpublished or hidden; a changed path is a move; a newer ``last_changed`` needs a fetch."""

    authentication_classes = []

    @extend_schema(responses=ManifestSerializer)
    def get(self, request):
        data = {"generated_at": timezone.now(), "items": manifest_items(Resolver(), request)}
        return Response(ManifestSerializer(data).data)
