"""Organisations and topics as page fields show them (and the taxonomies endpoint)."""

from rest_framework import serializers

from cms.core.models import Organisation, Topic


class OrganisationSerializer(serializers.ModelSerializer):
    type_label = serializers.CharField(source="get_type_display", read_only=True)

    class Meta:
        model = Organisation
        fields = ["id", "name", "short_name", "slug", "type", "type_label", "website"]


class TopicRefSerializer(serializers.ModelSerializer):
    """A topic where something is tagged with it (the description lives in taxonomies)."""

    class Meta:
        model = Topic
        fields = ["id", "name", "slug"]
