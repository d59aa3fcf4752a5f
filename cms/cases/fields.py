"""A multiple-choice field stored as a JSON list of codes (works on SQLite and PostgreSQL)."""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models


class ChoiceListField(models.JSONField):
    """A list of codes from ``choices``; edited as checkboxes, stored as a JSON array."""

    def __init__(self, *args, choices_enum=None, **kwargs):
        self.choices_enum = choices_enum
        kwargs.setdefault("default", list)
        kwargs.setdefault("blank", True)
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        kwargs["choices_enum"] = self.choices_enum
        if kwargs.get("default") is list:
            del kwargs["default"]
        if kwargs.get("blank") is True:
            del kwargs["blank"]
        return name, path, args, kwargs

    def validate(self, value, model_instance):
        super().validate(value, model_instance)
        allowed = set(self.choices_enum.values)
        if not isinstance(value, list) or any(v not in allowed for v in value):
            raise ValidationError(
                "Ogiltigt val: %(bad)s.",
                params={"bad": ", ".join(str(v) for v in value if v not in allowed)},
                code="invalid_choice",
            )

    def formfield(self, **kwargs):
        return forms.TypedMultipleChoiceField(
            choices=self.choices_enum.choices,
            required=not self.blank,
            label=self.verbose_name,
            help_text=self.help_text,
            widget=forms.CheckboxSelectMultiple,
        )

    def labels(self, value):
        mapping = dict(self.choices_enum.choices)
        return [mapping.get(v, v) for v in value or []]
