"""REST endpoint of the shared taxonomies."""

from drf_spectacular.utils import extend_schema
from rest_framework.response import Response
from rest_framework.views import APIView

from cms.cases import choices
from swedish import swedish_sort_key

from .api_params import StrictQueryParamsMixin
from .models import Organisation, SustainableDevelopmentGoal, Topic
from .serializers import TaxonomiesSerializer

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


class TaxonomiesView(StrictQueryParamsMixin, APIView):
    """Organisations and topics (in Swedish alphabetical order), the 17 global goals, and
    the code lists of the case register with their Swedish labels."""

    authentication_classes = []

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
