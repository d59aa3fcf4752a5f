"""``/api/v2/taxonomies/``: the shared taxonomies and the code lists of the case register."""

from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.response import Response
from rest_framework.views import APIView

from cms.cases import choices
from cms.core.models import Organisation, SustainableDevelopmentGoal, Topic
from swedish import swedish_sort_key

from .fields.taxonomies import OrganisationSerializer
from .params import StrictParametersMixin


class TopicSerializer(serializers.ModelSerializer):
    class Meta:
        model = Topic
        fields = ["id", "name", "slug", "description"]


class SDGSerializer(serializers.ModelSerializer):
    class Meta:
        model = SustainableDevelopmentGoal
        fields = ["number", "name"]


class CodeSerializer(serializers.Serializer):
    """One code of a fixed list, with the Swedish label the site shows."""

    code = serializers.CharField()
    label = serializers.CharField()


class TaxonomiesSerializer(serializers.Serializer):
    organisations = OrganisationSerializer(many=True)
    topics = TopicSerializer(many=True)
    sdgs = SDGSerializer(many=True)
    codes = serializers.DictField(
        child=CodeSerializer(many=True),
        help_text="The code lists of the case register (phase, outcome, …) with labels.",
    )


CODE_LISTS = {
    "phase": choices.Phase,
    "outcome": choices.Outcome,
    "origin": choices.Origin,
    "innovation_type": choices.InnovationType,
    "method": choices.Method,
    "target_group": choices.TargetGroup,
    "partner_type": choices.PartnerType,
    "organisation_type": Organisation.Type,
}


class TaxonomiesView(StrictParametersMixin, APIView):
    """Organisations and topics (in Swedish alphabetical order), the 17 global goals, and
    the code lists of the case register with their Swedish labels."""

    @extend_schema(responses=TaxonomiesSerializer)
    def get(self, request):
        data = {
            "organisations": sorted(
                Organisation.objects.all(), key=lambda o: swedish_sort_key(o.name)
            ),
            "topics": sorted(Topic.objects.all(), key=lambda t: swedish_sort_key(t.name)),
            "sdgs": SustainableDevelopmentGoal.objects.order_by("number"),
            "codes": {
                name: [{"code": c.value, "label": c.label} for c in enum]
                for name, enum in CODE_LISTS.items()
            },
        }
        return Response(TaxonomiesSerializer(data).data)
