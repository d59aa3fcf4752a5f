"""A newsletter issue's "Nuläget" in the API: the register counted for the issue date.

The same figures as the issue's ``status`` (``cms.cases.stats``), but a listing of issues
reads the register once per request (``RegisterHistory``, kept in the serializer's
context) instead of once per issue.
"""

from rest_framework import serializers

from cms.cases.stats import RegisterHistory

CONTEXT_KEY = "hub_register_history"


class IssueStatusField(serializers.Field):
    """Nuläget on the date the field's ``source`` names (``Status.headline``)."""

    def __init__(self, **kwargs):
        super().__init__(read_only=True, **kwargs)

    def to_representation(self, day):
        history = self.context.get(CONTEXT_KEY)
        if history is None:
            history = self.context[CONTEXT_KEY] = RegisterHistory()
        return history.status(day).headline()
