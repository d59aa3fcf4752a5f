"""API shapes for the programme pages."""

from rest_framework import serializers


class ProgrammeSessionSerializer(serializers.Serializer):
    """One session of a programme year (a plain serializer: the page model imports it)."""

    date = serializers.DateField()
    title = serializers.CharField()
    topic = serializers.CharField()
    description = serializers.CharField()
