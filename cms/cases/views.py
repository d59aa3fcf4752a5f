"""REST endpoints of the case register: the public case records and the "Nuläget" figures."""

from django.http import Http404
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers, viewsets
from rest_framework.response import Response
from rest_framework.views import APIView

from cms.core.api_params import HubPagination, StrictQueryParamsMixin, parse_day
from cms.core.public import public_cases

from .filters import CaseRecordFilter
from .models import CASE_ID_RE
from .serializers import CaseRecordSerializer, case_rows
from .stats import status_as_of


class CaseRecordViewSet(StrictQueryParamsMixin, viewsets.ReadOnlyModelViewSet):
    """Case records whose live version is published and whose publication level is not
    ``intern``: public fields only, idea carriers by role (names only with consent on a
    ``publik`` record). Ordered newest received first, then by id; ``limit``/``offset``
    walk the whole register."""

    serializer_class = CaseRecordSerializer
    filterset_class = CaseRecordFilter
    filter_backends = [DjangoFilterBackend]
    pagination_class = HubPagination
    authentication_classes = []
    lookup_field = "case_id"
    lookup_value_regex = "[^/]+"

    def get_queryset(self):
        # Rows (dicts), not model instances: the serializer adds their relations per page.
        return case_rows(public_cases().order_by("-received_date", "case_id"))

    def get_object(self):
        if not CASE_ID_RE.match(self.kwargs.get(self.lookup_field, "")):
            raise Http404
        return super().get_object()


class StatusSerializer(serializers.Serializer):
    """The "Nuläget" counters for one date (see ``cms.cases.stats``)."""

    as_of = serializers.DateField()
    received = serializers.IntegerField(help_text="Cases received up to the date.")
    in_progress = serializers.IntegerField(help_text="Received and not closed.")
    in_implementation = serializers.IntegerField(help_text="In the phase Implementeras.")
    closed = serializers.IntegerField(help_text="Closed (phase Avslutad).")
    implemented = serializers.IntegerField(
        help_text="Closed as implemented, handed over or having found a home elsewhere."
    )
    by_phase = serializers.DictField(child=serializers.IntegerField())
    by_organisation = serializers.DictField(
        child=serializers.IntegerField(),
        help_text="Public cases (published, not intern) received up to the date, by the name "
        "of their home organisation; an organisation without public cases is not named. "
        "The other figures count the whole register.",
    )
    by_year = serializers.DictField(child=serializers.IntegerField())


class StatsView(StrictQueryParamsMixin, APIView):
    """The "Nuläget" figures over every case record, internal ones included (aggregates
    reveal no single case), as the register stood at the end of ``as_of`` (default today),
    computed from the phase history; ``by_organisation`` counts public cases only, so that
    it names no organisation whose cases are all internal."""

    authentication_classes = []
    extra_query_params = frozenset(["as_of"])

    @extend_schema(
        parameters=[
            OpenApiParameter(
                "as_of", OpenApiTypes.DATE, description="ISO date; default today (Sweden)."
            )
        ],
        responses=StatusSerializer,
    )
    def get(self, request):
        raw = request.query_params.get("as_of")
        as_of = parse_day("as_of", raw) if raw is not None else None
        return Response(StatusSerializer(status_as_of(as_of).as_dict()).data)
