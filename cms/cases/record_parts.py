"""The rows a case record is made of, edited inline on the record: its phase history,
idea carriers, partners, solution ideas and research projects."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.models import Orderable

from .choices import PartnerType, Phase


def not_in_future(value, field_label):
    """A date an editor enters about what has happened cannot be after today."""
    if value and value > timezone.localdate():
        raise ValidationError(f"{field_label} kan inte ligga i framtiden.")


class CasePhaseChange(Orderable):
    case = ParentalKey("cases.CaseRecord", related_name="phase_history", on_delete=models.CASCADE)
    phase = models.CharField("Fas", max_length=20, choices=Phase.choices)
    date = models.DateField("Datum")
    note = models.CharField("Kommentar", max_length=255, blank=True)

    panels = [FieldRowPanel([FieldPanel("phase"), FieldPanel("date")]), FieldPanel("note")]

    class Meta(Orderable.Meta):
        verbose_name = "Fasbyte"
        verbose_name_plural = "Fashistorik"

    def clean(self):
        super().clean()
        try:
            not_in_future(self.date, "Datum för fasbyte")
        except ValidationError as e:
            raise ValidationError({"date": e.messages[0]}) from None


class IdeaCarrier(Orderable):
    """A person who brought or drives the idea. Personal data: shown by role by default."""

    case = ParentalKey("cases.CaseRecord", related_name="idea_carriers", on_delete=models.CASCADE)
    role = models.CharField("Roll", max_length=120, help_text="T.ex. ”Sjuksköterska”.")
    unit = models.CharField("Enhet", max_length=200, blank=True)
    name = models.CharField(
        "Namn", max_length=120, blank=True, help_text="Visas bara om personen har samtyckt."
    )
    consent_to_publish_name = models.BooleanField("Samtycker till att namnet visas", default=False)
    consent_date = models.DateField("Datum för samtycke", null=True, blank=True)

    panels = [
        FieldRowPanel([FieldPanel("role"), FieldPanel("unit")]),
        FieldPanel("name"),
        FieldRowPanel([FieldPanel("consent_to_publish_name"), FieldPanel("consent_date")]),
    ]

    class Meta(Orderable.Meta):
        verbose_name = "Idébärare"
        verbose_name_plural = "Idébärare"

    def __str__(self):
        return self.role

    def clean(self):
        super().clean()
        errors = {}
        if self.consent_to_publish_name:
            if not self.name.strip():
                errors["name"] = "Ange namnet som personen har samtyckt till att visa."
            if not self.consent_date:
                errors["consent_date"] = "Ange när samtycket lämnades."
        try:
            not_in_future(self.consent_date, "Datum för samtycke")
        except ValidationError as e:
            errors["consent_date"] = e.messages[0]
        if errors:
            raise ValidationError(errors)

    @property
    def public_name(self) -> str:
        return self.name if self.consent_to_publish_name and self.consent_date else ""


class CasePartner(Orderable):
    case = ParentalKey("cases.CaseRecord", related_name="partners", on_delete=models.CASCADE)
    organisation = models.ForeignKey(
        "core.Organisation",
        verbose_name="Organisation",
        on_delete=models.PROTECT,
        related_name="+",
    )
    partner_type = models.CharField("Typ av partner", max_length=20, choices=PartnerType.choices)
    contribution = models.CharField("Bidrag", max_length=255, blank=True)

    panels = [
        FieldRowPanel([FieldPanel("organisation"), FieldPanel("partner_type")]),
        FieldPanel("contribution"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = "Partner"
        verbose_name_plural = "Partner"


class CaseSolution(Orderable):
    case = ParentalKey("cases.CaseRecord", related_name="solutions", on_delete=models.CASCADE)
    title = models.CharField("Lösningsförslag", max_length=255)
    description = models.TextField("Beskrivning", blank=True)

    panels = [FieldPanel("title"), FieldPanel("description")]

    class Meta(Orderable.Meta):
        verbose_name = "Lösningsförslag"
        verbose_name_plural = "Lösningsförslag"


class CaseResearchProject(Orderable):
    case = ParentalKey(
        "cases.CaseRecord", related_name="research_projects", on_delete=models.CASCADE
    )
    title = models.CharField("Projekt", max_length=255)
    organisation = models.ForeignKey(
        "core.Organisation",
        verbose_name="Forskningspart",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    url = models.URLField("Länk", blank=True)

    panels = [FieldPanel("title"), FieldPanel("organisation"), FieldPanel("url")]

    class Meta(Orderable.Meta):
        verbose_name = "Forskningsprojekt"
        verbose_name_plural = "Forskningsprojekt"
