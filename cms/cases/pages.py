"""Case stories ("Goda exempel"): pages written by idea coaches, each about one record."""

from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.search import index

from cms.api.fields import CaseRefField, StreamFieldSerializer
from cms.core.blocks import BodyBlock
from cms.core.models import HubPage, ListingMixin, SectionIndexPage

from .panels import CaseFieldPanel
from .records import CaseRecord


class CaseStoryIndexPage(SectionIndexPage):
    """The list of good examples ("Goda exempel")."""

    subpage_types = ["cases.CaseStoryPage"]

    class Meta:
        verbose_name = "Goda exempel (lista)"
        verbose_name_plural = "Goda exempel (listor)"


class CaseStoryPage(ListingMixin, HubPage):
    """A good example, written by an idea coach about one case in the register."""

    case = models.ForeignKey(
        CaseRecord,
        verbose_name="Case",
        on_delete=models.PROTECT,
        related_name="stories",
        help_text="Det case i registret som berättelsen handlar om.",
    )
    byline = models.CharField(
        "Skriven av",
        max_length=120,
        blank=True,
        help_text="Roll, t.ex. ”Idécoach i Idéslussen”.",
    )
    body = StreamField(BodyBlock(), verbose_name="Berättelse")

    content_panels = HubPage.content_panels + [
        CaseFieldPanel("case"),
        FieldPanel("byline"),
        FieldPanel("body"),
    ]
    promote_panels = HubPage.promote_panels + ListingMixin.listing_panels

    search_fields = HubPage.search_fields + [index.SearchField("body")]

    api_fields = ListingMixin.listing_api_fields + [
        APIField("case", serializer=CaseRefField()),
        APIField("byline"),
        APIField("body", serializer=StreamFieldSerializer()),
    ]

    parent_page_types = ["cases.CaseStoryIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = "Gott exempel"
        verbose_name_plural = "Goda exempel"
