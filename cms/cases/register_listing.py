"""The register's listing in the admin: what it filters by and how it sorts.

Text is sorted in Swedish order (a–z, then å, ä, ö) by the database itself
(``cms.core.collation``), so the listing still pages and counts in the database.
"""

import django_filters
from django import forms
from wagtail.admin.filters import WagtailFilterSet
from wagtail.snippets.views.snippets import IndexView

from cms.core.collation import Swedish
from cms.core.models import Organisation, Topic

from .records import CaseRecord


def received_years() -> list[tuple[str, str]]:
    """The filter's choices: all years, then those in which the register's records came in,
    newest first."""
    dates = CaseRecord.objects.dates("received_date", "year", order="DESC")
    return [("", "Alla"), *((str(date.year), str(date.year)) for date in dates)]


class YearFilter(django_filters.NumberFilter):
    """A year, chosen from those in the register. Any year is valid, so a link to a year
    whose records are gone lists none (a choice filter would ignore it and list all)."""

    field_class = forms.IntegerField


class CaseRecordFilterSet(WagtailFilterSet):
    home_organisation = django_filters.ModelChoiceFilter(
        label="Hemvist",
        queryset=Organisation.objects.order_by(Swedish("name")),
        empty_label="Alla",
    )
    received_year = YearFilter(
        label="Inkommet år",
        field_name="received_date",
        lookup_expr="year",
        widget=forms.Select(choices=received_years),
    )
    topic = django_filters.ModelChoiceFilter(
        label="Ämne",
        field_name="topics",
        queryset=Topic.objects.order_by(Swedish("name")),
        empty_label="Alla",
    )

    class Meta:
        model = CaseRecord
        fields = ["phase", "outcome", "publication_level", "home_organisation"]


class SwedishOrderIndexView(IndexView):
    """A snippet listing whose text columns (``swedish_orderings``) sort in Swedish order."""

    swedish_orderings = ("title",)

    def order_queryset(self, queryset):
        name = self.ordering if isinstance(self.ordering, str) else None
        if name and name.lstrip("-") in self.swedish_orderings:
            key = Swedish(name.lstrip("-"))
            return queryset.order_by(key.desc() if name.startswith("-") else key.asc(), "pk")
        return super().order_queryset(queryset)
