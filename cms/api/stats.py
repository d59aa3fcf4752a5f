"""``/api/v2/stats/``: the "Nuläget" figures (computed by ``cms.cases.stats``); and
``/api/v2/stats/years/``: the same figures at the end of every year, then today."""

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers
from rest_framework.response import Response
from rest_framework.views import APIView

from cms.cases.choices import Phase
from cms.cases.stats import RegisterHistory, register_version, status_as_of, status_by_year

from .params import StrictParametersMixin, parse_day

AS_OF = OpenApiParameter(
    "as_of", OpenApiTypes.DATE, description="ISO date; default today (Sweden)."
)


def as_of(request):
    """The ``as_of`` parameter as a date, or None (today)."""
    raw = request.query_params.get("as_of")
    return parse_day("as_of", raw) if raw is not None else None


class CountsSerializer(serializers.Serializer):
    """The "Nuläget" counters for one date (see ``cms.cases.stats``)."""

    as_of = serializers.DateField()
    received = serializers.IntegerField(help_text="Cases received up to the date.")
    in_progress = serializers.IntegerField(help_text="Received and not closed.")
    in_implementation = serializers.IntegerField(help_text="In the phase Implementeras.")
    closed = serializers.IntegerField(help_text="Closed (phase Avslutad).")
    implemented = serializers.IntegerField(
        help_text="Closed as implemented, handed over or having found a home elsewhere."
    )


class StatusSerializer(CountsSerializer):
    """The "Nuläget" counters for one date, with what the site shows beside them."""

    not_public = serializers.IntegerField(
        help_text="Of the received cases, how many are not shown on the site (internal or "
        "not published). Only the number: nothing else about them."
    )
    by_phase = serializers.DictField(child=serializers.IntegerField())
    by_organisation = serializers.DictField(
        child=serializers.IntegerField(),
        help_text="Public cases (published, not intern) received up to the date, by the name "
        "of their home organisation; an organisation without public cases is not named. "
        "The other figures count the whole register.",
    )
    by_year = serializers.DictField(child=serializers.IntegerField())


class StatsView(StrictParametersMixin, APIView):
    """The "Nuläget" figures over every case record, internal ones included (aggregates
    reveal no single case), as the register stood at the end of ``as_of`` (default today),
    computed from the phase history; ``by_organisation`` counts public cases only, so that
    it names no organisation whose cases are all internal."""

    extra_query_params = frozenset(["as_of"])

    @extend_schema(parameters=[AS_OF], responses=StatusSerializer)
    def get(self, request):
        return Response(StatusSerializer(status_as_of(as_of(request)).as_dict()).data)


class YearPointSerializer(CountsSerializer):
    """Nuläget on one date of ``/stats/years/``: the end of a year, or today (the last)."""

    year = serializers.IntegerField(help_text="The year of ``as_of``.")
    received_in_year = serializers.IntegerField(
        help_text="Cases received in that year up to ``as_of``."
    )
    by_phase = serializers.DictField(
        child=serializers.IntegerField(), help_text="Cases in each phase on the date."
    )


class PhaseSerializer(serializers.Serializer):
    code = serializers.CharField()
    label = serializers.CharField(help_text="The phase's Swedish name.")


class StatsYearsSerializer(serializers.Serializer):
    as_of = serializers.DateField(help_text="Today (or the ``as_of`` asked for).")
    phases = PhaseSerializer(many=True, help_text="The phases in the order a case moves.")
    points = YearPointSerializer(many=True)
    version = serializers.CharField(
        help_text="Changes whenever a figure of any date may have changed (a digest of the "
        "register's dates and phases, nothing readable): a client that shows figures for "
        "other dates (a newsletter issue's) fetches them again when it changes."
    )


class StatsYearsView(StrictParametersMixin, APIView):
    """The "Nuläget" figures over time: as the register stood at the end of each year from
    the first year a case was received up to the year before ``as_of`` (default today),
    then on ``as_of`` itself. Each point is what ``/stats/?as_of=`` gives for its date
    (the same function computes both); no figure by organisation."""

    extra_query_params = frozenset(["as_of"])

    @extend_schema(parameters=[AS_OF], responses=StatsYearsSerializer)
    def get(self, request):
        day = as_of(request)
        history = RegisterHistory()  # the whole register, read once for both
        points = [
            {
                **status.as_dict(),
                "year": status.as_of.year,
                "received_in_year": status.by_year.get(str(status.as_of.year), 0),
            }
            for status in status_by_year(day, history)
        ]
        phases = [{"code": phase.value, "label": phase.label} for phase in Phase]
        data = {
            "as_of": points[-1]["as_of"],
            "phases": phases,
            "points": points,
            "version": register_version(history),
        }
        return Response(StatsYearsSerializer(data).data)
