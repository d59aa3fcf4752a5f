"""The newsletter "Aktuellt i Idéslussen": an archive with one permanent page per issue."""

from django.db import models
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.search import index

from cms.api.fields import StreamFieldSerializer
from cms.api.fields.status import IssueStatusField
from cms.cases.stats import status_as_of
from cms.core.models import HubPage, ListingMixin, SectionIndexPage
from swedish import swedish_month

from .blocks import NewsletterBodyBlock
from .panels import IssueStatusPanel
from .sending import Delivery  # noqa: F401 (a model)
from .subscribers import ConsentEvent, SignupAttempt, Subscriber  # noqa: F401 (models)


class NewsletterIndexPage(SectionIndexPage):
    """The archive of all issues."""

    subpage_types = ["newsletter.NewsletterIssuePage"]

    class Meta:
        verbose_name = "Nyhetsbrevsarkiv"
        verbose_name_plural = "Nyhetsbrevsarkiv"


class NewsletterIssuePage(ListingMixin, HubPage):
    """One monthly issue. Its "Nuläget" is the register as it stood at the end of the issue
    date, computed (``status``, from ``cms.cases.stats.status_as_of``) rather than typed:
    so an issue always agrees with the site's Nuläget and "Nuläget över tid" for its date."""

    issue_date = models.DateField(
        "Utgivningsdatum",
        help_text="Nuläget i numret räknas fram ur case-registret som det såg ut detta datum.",
    )
    issue_number = models.PositiveIntegerField("Nummer", unique=True)
    intro = models.TextField("Inledning", blank=True)
    body = StreamField(NewsletterBodyBlock(), verbose_name="Avsnitt")

    content_panels = HubPage.content_panels + [
        FieldRowPanel([FieldPanel("issue_date"), FieldPanel("issue_number")]),
        FieldPanel("intro"),
        IssueStatusPanel(),
        FieldPanel("body"),
    ]
    promote_panels = HubPage.promote_panels + ListingMixin.listing_panels

    search_fields = HubPage.search_fields + [index.SearchField("intro"), index.SearchField("body")]

    api_fields = ListingMixin.listing_api_fields + [
        APIField("display_title"),
        APIField("issue_date"),
        APIField("issue_number"),
        APIField("intro"),
        APIField("status", serializer=IssueStatusField(source="issue_date")),
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

    @property
    def status(self) -> dict | None:
        """Nuläget on the issue date: ``{as_of, received, in_progress, in_implementation,
        closed, implemented}``, the figures ``/api/v2/stats/?as_of=<issue date>`` gives."""
        if self.issue_date is None:
            return None
        return status_as_of(self.issue_date).headline()
