"""The newsletter "Aktuellt i Idéslussen": an archive with one permanent page per issue."""

from django.core.exceptions import ValidationError
from django.db import models
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.search import index

from cms.api.fields import StreamFieldSerializer
from cms.core.models import HubPage, ListingMixin, SectionIndexPage
from swedish import swedish_month

from .blocks import NewsletterBodyBlock
from .subscribers import ConsentEvent, SignupAttempt, Subscriber  # noqa: F401 (models)


class NewsletterIndexPage(SectionIndexPage):
    """The archive of all issues."""

    subpage_types = ["newsletter.NewsletterIssuePage"]

    class Meta:
        verbose_name = "Nyhetsbrevsarkiv"
        verbose_name_plural = "Nyhetsbrevsarkiv"


class NewsletterIssuePage(ListingMixin, HubPage):
    """One monthly issue. "Nuläget" is a snapshot of the register as of the issue date."""

    issue_date = models.DateField("Utgivningsdatum")
    issue_number = models.PositiveIntegerField("Nummer", unique=True)
    intro = models.TextField("Inledning", blank=True)
    status_received = models.PositiveIntegerField("Nuläget: inkomna case")
    status_in_progress = models.PositiveIntegerField("Nuläget: pågående case")
    status_in_implementation = models.PositiveIntegerField("Nuläget: i implementering")
    status_closed = models.PositiveIntegerField("Nuläget: avslutade eller under överlämning")
    status_implemented = models.PositiveIntegerField(
        "Nuläget: införda, överlämnade eller hittat hem"
    )
    body = StreamField(NewsletterBodyBlock(), verbose_name="Avsnitt")

    content_panels = HubPage.content_panels + [
        FieldRowPanel([FieldPanel("issue_date"), FieldPanel("issue_number")]),
        FieldPanel("intro"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("status_received"), FieldPanel("status_in_progress")]),
                FieldRowPanel(
                    [FieldPanel("status_in_implementation"), FieldPanel("status_closed")]
                ),
                FieldPanel("status_implemented"),
            ],
            heading="Nuläget",
            help_text="Siffrorna från registret per utgivningsdatum.",
        ),
        FieldPanel("body"),
    ]
    promote_panels = HubPage.promote_panels + ListingMixin.listing_panels

    search_fields = HubPage.search_fields + [index.SearchField("intro"), index.SearchField("body")]

    api_fields = ListingMixin.listing_api_fields + [
        APIField("display_title"),
        APIField("issue_date"),
        APIField("issue_number"),
        APIField("intro"),
        APIField("status_received"),
        APIField("status_in_progress"),
        APIField("status_in_implementation"),
        APIField("status_closed"),
        APIField("status_implemented"),
        APIField("body", serializer=StreamFieldSerializer()),
    ]

    parent_page_types = ["newsletter.NewsletterIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = "Nyhetsbrev"
        verbose_name_plural = "Nyhetsbrev"

    @property
    def display_title(self) -> str:
        return f"Aktuellt i Idéslussen – {swedish_month(self.issue_date)}"

    def clean(self):
        super().clean()
        if (
            self.status_closed is not None
            and self.status_received is not None
            and (self.status_closed > self.status_received)
        ):
            raise ValidationError({"status_closed": "Kan inte vara fler än antalet inkomna case."})
