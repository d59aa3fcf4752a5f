"""API shapes of the shared taxonomies: organisations, topics and the global goals."""

from rest_framework import serializers

from .models import Organisation, SustainableDevelopmentGoal, Topic


class OrganisationSerializer(serializers.ModelSerializer):
    type_label = serializers.CharField(source="get_type_display", read_only=True)

    class Meta:
        model = Organisation
        fields = ["id", "name", "short_name", "slug", "type", "type_label", "website"]


class TopicSerializer(serializers.ModelSerializer):
    class Meta:
        model = Topic
        fields = ["id", "name", "slug", "description"]


class TopicRefSerializer(serializers.ModelSerializer):
    """A topic where something is tagged with it (the description lives in taxonomies)."""

    class Meta:
        model = Topic
        fields = ["id", "name", "slug"]


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
