"""``/api/v2/cases/``: the public case records, and the filters of their listing.

Filters: what a visitor filters the portal by, plus ``changed_since``. Repeat a parameter
for several values (``?phase=testas&phase=implementeras``: either). Different parameters
combine (all must hold). A value that is not a known code, slug or number is a 400 naming
the parameter, not an empty result.
"""

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.http import Http404
from django_filters import rest_framework as filters
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import viewsets

from cms.cases.choices import Outcome, Phase
from cms.cases.models import CASE_ID_RE, CaseRecord
from cms.core.models import Organisation, Topic

from .case_serializers import CaseRecordSerializer, case_rows
from .params import HubPagination, ParameterError, StrictParametersMixin, parse_since

# Filters ----------------------------------------------------------------------------------


class SinceField(forms.CharField):
    """An ISO 8601 date or date-time (see ``cms.api.params.parse_since``)."""

    def to_python(self, value):
        value = super().to_python(value)
        if not value:
            return None
        try:
            return parse_since("changed_since", value)
        except ParameterError as e:
            raise ValidationError(e.message) from None


@extend_schema_field(OpenApiTypes.STR)
class SinceFilter(filters.Filter):
    field_class = SinceField


class YearField(forms.IntegerField):
    def __init__(self, **kwargs):
        kwargs.setdefault("min_value", 1900)
        kwargs.setdefault("max_value", 2100)
        super().__init__(**kwargs)


@extend_schema_field({"type": "integer", "minimum": 1900, "maximum": 2100})
class YearFilter(filters.Filter):
    field_class = YearField


@extend_schema_field(OpenApiTypes.STR)
class SlugsFilter(filters.ModelMultipleChoiceFilter):
    """One or more slugs (repeat the parameter), each of an existing object."""


class CaseRecordFilter(filters.FilterSet):
    phase = filters.MultipleChoiceFilter(choices=Phase.choices, help_text="Phase code.")
    outcome = filters.MultipleChoiceFilter(choices=Outcome.choices, help_text="Outcome code.")
    organisation = SlugsFilter(
        queryset=Organisation.objects.all(),
        to_field_name="slug",
        method="filter_organisation",
        help_text="Organisation slug: the home organisation or a participating one.",
    )
    topic = SlugsFilter(
        queryset=Topic.objects.all(),
        to_field_name="slug",
        method="filter_topic",
        help_text="Topic slug.",
    )
    sdg = filters.MultipleChoiceFilter(
        choices=[(str(n), str(n)) for n in range(1, 18)],
        method="filter_sdg",
        help_text="Number of a global goal (1–17).",
    )
    year = YearFilter(field_name="received_date__year", help_text="Year the case was received.")
    changed_since = SinceFilter(
        field_name="updated_at",
        lookup_expr="gte",
        help_text="ISO 8601 date or date-time: records changed at or after it.",
    )

    class Meta:
        model = CaseRecord
        fields = ["phase", "outcome", "organisation", "topic", "sdg", "year", "changed_since"]

    def filter_organisation(self, queryset, name, organisations):
        if not organisations:
            return queryset
        participating = CaseRecord.participating_organisations.through.objects.filter(
            organisation__in=organisations
        ).values("caserecord_id")
        return queryset.filter(Q(home_organisation__in=organisations) | Q(pk__in=participating))

    def filter_topic(self, queryset, name, topics):
        if not topics:
            return queryset
        through = CaseRecord.topics.through.objects.filter(topic__in=topics)
        return queryset.filter(pk__in=through.values("caserecord_id"))

    def filter_sdg(self, queryset, name, goals):
        if not goals:
            return queryset
        through = CaseRecord.sdgs.through.objects.filter(
            sustainabledevelopmentgoal__number__in=[int(goal) for goal in goals]
        )
        return queryset.filter(pk__in=through.values("caserecord_id"))


# The endpoint ----------------------------------------------------------------------------


class CaseRecordViewSet(StrictParametersMixin, viewsets.ReadOnlyModelViewSet):
    """Case records whose live version is published and whose publication level is not
    ``intern``: public fields only, idea carriers by role (names only with consent on a
    ``publik`` record). Ordered newest received first, then by id; ``limit``/``offset``
    walk the whole register."""

    serializer_class = CaseRecordSerializer
    filterset_class = CaseRecordFilter
    filter_backends = [DjangoFilterBackend]
    pagination_class = HubPagination
    lookup_field = "case_id"
    lookup_value_regex = "[^/]+"

    def get_queryset(self):
        # Rows (dicts), not model instances: the serializer adds their relations per page.
        return case_rows(CaseRecord.objects.public().order_by("-received_date", "case_id"))

    def get_object(self):
        if not CASE_ID_RE.match(self.kwargs.get(self.lookup_field, "")):
            raise Http404
        return super().get_object()
