"""Inspiration: articles about public-sector innovation, written by coaches and the communicator."""

from django.db import models
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.search import index

from cms.api.fields import CaseRefListField, StreamFieldSerializer
from cms.api.fields.taxonomies import TopicRefSerializer
from cms.core.blocks import BodyBlock
from cms.core.models import HubPage, ListingMixin, SectionIndexPage


class InspirationIndexPage(SectionIndexPage):
    """The list of inspiration articles."""

    subpage_types = ["articles.InspirationArticlePage"]

    class Meta:
        verbose_name = "Inspiration (lista)"
        verbose_name_plural = "Inspiration (listor)"


class InspirationArticlePage(ListingMixin, HubPage):
    """An article: a method explained, a myth examined, an example from elsewhere."""

    published_date = models.DateField("Publiceringsdatum", help_text="Datum som visas på sidan.")
    byline = models.CharField("Skriven av", max_length=120, blank=True)
    topics = ParentalManyToManyField(
        "core.Topic", verbose_name="Ämnen", blank=True, related_name="articles"
    )
    related_cases = ParentalManyToManyField(
        "cases.CaseRecord", verbose_name="Relaterade case", blank=True, related_name="articles"
    )
    body = StreamField(BodyBlock(), verbose_name="Innehåll")

    content_panels = HubPage.content_panels + [
        FieldPanel("published_date"),
        FieldPanel("byline"),
        FieldPanel("topics"),
        FieldPanel("related_cases"),
        FieldPanel("body"),
    ]
    promote_panels = HubPage.promote_panels + ListingMixin.listing_panels

    search_fields = HubPage.search_fields + [index.SearchField("body")]

    api_fields = ListingMixin.listing_api_fields + [
        APIField("published_date"),
        APIField("byline"),
        APIField("topics", serializer=TopicRefSerializer(many=True, read_only=True)),
        APIField("related_cases", serializer=CaseRefListField()),
        APIField("body", serializer=StreamFieldSerializer()),
    ]

    parent_page_types = ["articles.InspirationIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = "Inspirationsartikel"
        verbose_name_plural = "Inspirationsartiklar"
