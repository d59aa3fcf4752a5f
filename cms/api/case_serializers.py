"""The public shape of a case record.

Only the live row of a record that is not ``intern`` is ever serialized (the view's
queryset sees to that). Fields are listed one by one, so a field added to the model later
stays in the CMS until someone adds it here. Never here: internal notes, the coach and the
contact person (users), comments in the phase history, names of idea carriers without
recorded consent, the units of idea carriers on ``anonymiserad`` records (roles only),
anything of the revisions.

The serializers below are the one definition of that shape, for the responses and for the
OpenAPI schema alike. The listing serializes up to 1 000 records a request, so they work
on rows rather than model instances (an exception to reading instances with
``prefetch_related``, measured in ``cms.api.case_rows``):

- a record is a dict of the columns the serializer reads (``case_rows``); its related
  objects are added to it as dicts and lists of dicts, read for a whole page of records
  in one query per relation (``cms.api.case_rows.load_relations``) instead of through
  modelcluster's related managers, which build a queryset per relation per record;
- ``CaseRecordSerializer`` turns a row into data with a function compiled once from its
  own fields (``compile_representation``), without REST framework's per-field
  bookkeeping. ``tests/test_api_cases_speed.py`` checks that it gives what REST
  framework's own ``Serializer.to_representation`` gives for the same rows, and that the
  rows hold what the models give through their own relations.
"""

import functools
from collections.abc import Callable

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from cms.cases.choices import (
    InnovationType,
    Method,
    Origin,
    Outcome,
    PartnerType,
    Phase,
    PublicationLevel,
    TargetGroup,
)
from cms.cases.models import (
    CasePartner,
    CasePhaseChange,
    CaseRecord,
    CaseResearchProject,
    CaseSolution,
    IdeaCarrier,
)
from cms.core.paths import case_path

from .case_rows import RELATIONS_LOADED, compile_representation, load_relations
from .fields.taxonomies import TopicRefSerializer
from .taxonomies import CodeSerializer


@functools.cache
def labels(choices) -> dict[str, str]:
    """Code → label of a choices class (``Phase.choices`` builds a new list on every use)."""
    return dict(choices.choices)


def code(choices, value) -> dict | None:
    """``("testas")`` → ``{"code": "testas", "label": "Testas"}``; None for no value."""
    if not value:
        return None
    return {"code": value, "label": labels(choices).get(value, value)}


@extend_schema_field(CodeSerializer(allow_null=True))
class CodeField(serializers.Field):
    """A stored code with its Swedish label."""

    def __init__(self, choices, **kwargs):
        self.choices_enum = choices
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    def to_representation(self, value):
        return code(self.choices_enum, value)


@extend_schema_field(CodeSerializer(many=True))
class CodeListField(CodeField):
    def to_representation(self, value):
        return [code(self.choices_enum, v) for v in value or []]


class OrganisationRefSerializer(serializers.Serializer):
    """An organisation where a case refers to it (full details under /api/v2/taxonomies/)."""

    name = serializers.CharField()
    short_name = serializers.CharField()
    slug = serializers.CharField()
    type = serializers.CharField()


class SDGRefSerializer(serializers.Serializer):
    number = serializers.IntegerField()
    name = serializers.CharField()


class PhaseChangeSerializer(serializers.ModelSerializer):
    phase = CodeField(Phase)

    class Meta:
        model = CasePhaseChange
        fields = ["phase", "date"]


class IdeaCarrierSerializer(serializers.ModelSerializer):
    """The role always. On a ``publik`` record also the unit, and the name where the person
    consented; an ``anonymiserad`` record shows people as roles only (DOMAIN.md), so
    ``unit`` and ``name`` are null there."""

    unit = serializers.SerializerMethodField(
        help_text="Unit (may be empty) on a publik record; null on an anonymiserad one."
    )
    name = serializers.SerializerMethodField(
        help_text="Name on a publik record where the person consented; otherwise null."
    )

    class Meta:
        model = IdeaCarrier
        fields = ["role", "unit", "name"]

    @extend_schema_field(serializers.CharField(allow_null=True))
    def get_unit(self, carrier) -> str | None:
        if carrier["case_publication_level"] == PublicationLevel.PUBLIK:
            return carrier["unit"]
        return None

    @extend_schema_field(serializers.CharField(allow_null=True))
    def get_name(self, carrier) -> str | None:
        # ``public_name`` is the model's: the name only with recorded consent.
        if carrier["case_publication_level"] == PublicationLevel.PUBLIK and carrier["public_name"]:
            return carrier["public_name"]
        return None


class PartnerSerializer(serializers.ModelSerializer):
    organisation = OrganisationRefSerializer()
    partner_type = CodeField(PartnerType)

    class Meta:
        model = CasePartner
        fields = ["organisation", "partner_type", "contribution"]


class SolutionSerializer(serializers.ModelSerializer):
    class Meta:
        model = CaseSolution
        fields = ["title", "description"]


class ResearchProjectSerializer(serializers.ModelSerializer):
    organisation = OrganisationRefSerializer(allow_null=True)

    class Meta:
        model = CaseResearchProject
        fields = ["title", "organisation", "url"]


class CaseRecordListSerializer(serializers.ListSerializer):
    """A page of records: their relations are loaded for the whole page at once."""

    def to_representation(self, data):
        records = list(data)
        load_relations(records)
        return [self.child.to_representation(record) for record in records]


# A case record, from a row of ``case_rows`` (its relations are loaded if need be). No
# docstring: it would become the record's description in the OpenAPI schema.
class CaseRecordSerializer(serializers.ModelSerializer):
    path = serializers.SerializerMethodField(help_text="Public path on the static site.")
    origin = CodeField(Origin)
    home_organisation = OrganisationRefSerializer()
    participating_organisations = OrganisationRefSerializer(many=True)
    target_groups = CodeListField(TargetGroup)
    innovation_types = CodeListField(InnovationType)
    topics = TopicRefSerializer(many=True)
    sdgs = SDGRefSerializer(many=True)
    phase = CodeField(Phase)
    phase_history = PhaseChangeSerializer(many=True)
    outcome = CodeField(Outcome)
    taken_over_by = OrganisationRefSerializer(allow_null=True)
    methods = CodeListField(Method)
    partners = PartnerSerializer(many=True)
    solutions = SolutionSerializer(many=True)
    research_projects = ResearchProjectSerializer(many=True)
    idea_carriers = IdeaCarrierSerializer(many=True)
    last_changed = serializers.DateTimeField(source="updated_at")

    class Meta:
        model = CaseRecord
        fields = [
            "case_id",
            "slug",
            "path",
            "title",
            "summary",
            "publication_level",
            "received_date",
            "origin",
            "home_organisation",
            "participating_organisations",
            "challenge",
            "target_groups",
            "innovation_types",
            "topics",
            "sdgs",
            "phase",
            "paused",
            "phase_history",
            "outcome",
            "taken_over_by",
            "methods",
            "team_size",
            "partners",
            "solutions",
            "research_projects",
            "idea_carriers",
            "results",
            "measured_effects",
            "challenges_met",
            "lessons",
            "spread",
            "next_steps",
            "first_published_at",
            "last_published_at",
            "last_changed",
        ]
        read_only_fields = fields
        list_serializer_class = CaseRecordListSerializer

    def get_path(self, record) -> str:
        return case_path(record["slug"])

    def to_representation(self, instance):
        if RELATIONS_LOADED not in instance:
            load_relations([instance])
        return self.compiled()(instance)

    @classmethod
    @functools.cache
    def compiled(cls) -> Callable[[dict], dict]:
        """``to_representation`` compiled once, from an instance without context: no field
        of a case record depends on the request."""
        return compile_representation(cls())


# The rows it reads --------------------------------------------------------------------------


@functools.cache
def record_columns() -> tuple[str, ...]:
    """The id and the record's own columns that ``CaseRecordSerializer`` reads: the
    sources of its fields that are columns of the record (a foreign key gives its id)."""
    columns = {field.name for field in CaseRecord._meta.concrete_fields}
    sources = [field.source for field in CaseRecordSerializer().fields.values()]
    return ("id", *(source for source in sources if source in columns))


def case_rows(queryset):
    """The records of a ``CaseRecord`` queryset as rows for ``CaseRecordSerializer``."""
    return queryset.values(*record_columns())
