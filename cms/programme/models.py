"""Innovationsprogrammet: one page per programme year (cohort) with its sessions."""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.models import Orderable
from wagtail.search import index

from cms.api.fields import StreamFieldSerializer
from cms.api.fields.programme import ProgrammeSessionSerializer
from cms.api.fields.taxonomies import OrganisationSerializer
from cms.core.blocks import BodyBlock
from cms.core.models import HubPage, ListingMixin, SectionIndexPage


class ProgrammeIndexPage(SectionIndexPage):
    """The programme: what it is (a body besides the intro), and its cohorts by year."""

    body = StreamField(BodyBlock(), verbose_name="Innehåll", blank=True)

    content_panels = SectionIndexPage.content_panels + [FieldPanel("body")]

    api_fields = SectionIndexPage.api_fields + [
        APIField("body", serializer=StreamFieldSerializer())
    ]

    subpage_types = ["programme.ProgrammePage"]

    class Meta:
        verbose_name = "Innovationsprogrammet (översikt)"
        verbose_name_plural = "Innovationsprogrammet (översikter)"


class ProgrammePage(ListingMixin, HubPage):
    """One programme year: who took part, with whom, and the sessions."""

    year = models.PositiveSmallIntegerField(
        "År", unique=True, validators=[MinValueValidator(2017), MaxValueValidator(2100)]
    )
    cohort_name = models.CharField("Omgång", max_length=120, blank=True)
    participant_count = models.PositiveSmallIntegerField("Antal deltagare")
    partner = models.ForeignKey(
        "core.Organisation",
        verbose_name="Genomförs med",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    days = models.PositiveSmallIntegerField("Antal dagar", null=True, blank=True)
    body = StreamField(BodyBlock(), verbose_name="Innehåll", blank=True)

    content_panels = HubPage.content_panels + [
        FieldRowPanel([FieldPanel("year"), FieldPanel("cohort_name")]),
        FieldRowPanel([FieldPanel("participant_count"), FieldPanel("days")]),
        FieldPanel("partner"),
        FieldPanel("body"),
        InlinePanel("sessions", heading="Tillfällen", label="Tillfälle"),
    ]
    promote_panels = HubPage.promote_panels + ListingMixin.listing_panels

    search_fields = HubPage.search_fields + [index.SearchField("body")]

    api_fields = ListingMixin.listing_api_fields + [
        APIField("year"),
        APIField("cohort_name"),
        APIField("participant_count"),
        APIField("days"),
        APIField("partner", serializer=OrganisationSerializer(read_only=True)),
        APIField("sessions", serializer=ProgrammeSessionSerializer(many=True, read_only=True)),
        APIField("body", serializer=StreamFieldSerializer()),
    ]

    parent_page_types = ["programme.ProgrammeIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = "Programår"
        verbose_name_plural = "Programår"


class ProgrammeSession(Orderable):
    page = ParentalKey(ProgrammePage, related_name="sessions", on_delete=models.CASCADE)
    date = models.DateField("Datum")
    title = models.CharField("Rubrik", max_length=200)
    topic = models.CharField("Tema", max_length=200, blank=True)
    description = models.TextField("Beskrivning", blank=True)

    panels = [
        FieldRowPanel([FieldPanel("date"), FieldPanel("title")]),
        FieldPanel("topic"),
        FieldPanel("description"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = "Tillfälle"
        verbose_name_plural = "Tillfällen"

    def clean(self):
        super().clean()
        page = getattr(self, "page", None)
        if (
            page is not None
            and page.year
            and self.date
            and self.date.year
            not in (
                page.year,
                page.year + 1,
            )
        ):
            raise ValidationError({"date": f"Tillfället ska ligga under programåret {page.year}."})
