"""The public shape of a case record.

Only the live row of a record that is not ``intern`` is ever serialized (the view's
queryset sees to that). Fields are listed one by one, so a field added to the model later
stays in the CMS until someone adds it here. Never here: internal notes, the coach and the
contact person (users), comments in the phase history, names of idea carriers without
recorded consent, anything of the revisions.
"""

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from cms.core.paths import case_path
from cms.core.serializers import CodeSerializer, TopicRefSerializer

from .choices import (
    InnovationType,
    Method,
    Origin,
    Outcome,
    PartnerType,
    Phase,
    PublicationLevel,
    TargetGroup,
)
from .models import (
    CasePartner,
    CasePhaseChange,
    CaseRecord,
    CaseResearchProject,
    CaseSolution,
    IdeaCarrier,
)


def code(choices, value) -> dict | None:
    """``("testas")`` → ``{"code": "testas", "label": "Testas"}``; None for no value."""
    if not value:
        return None
    return {"code": value, "label": dict(choices.choices).get(value, value)}


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
    """Role and unit always; the name only with recorded consent on a ``publik`` record."""

    name = serializers.SerializerMethodField()

    class Meta:
        model = IdeaCarrier
        fields = ["role", "unit", "name"]

    @extend_schema_field(OpenApiTypes.STR)
    def get_name(self, carrier) -> str | None:
        record = self.context["case_levels"].get(carrier.case_id)
        if record == PublicationLevel.PUBLIK and carrier.public_name:
            return carrier.public_name
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

    def get_path(self, record) -> str:
        return case_path(record.slug)

    def to_representation(self, instance):
        # The idea carriers need their record's publication level; give it to them
        # without a query per carrier.
        self.context.setdefault("case_levels", {})[instance.pk] = instance.publication_level
        return super().to_representation(instance)
