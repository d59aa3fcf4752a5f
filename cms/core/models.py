"""Shared pages, the taxonomies every content area uses, and site settings."""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from cms.api.fields import ImageRenditionsField, RichTextSerializer, StreamFieldSerializer
from swedish import swedish_slugify

from .blocks import ALT_MISSING, DECORATIVE_HELP, DECORATIVE_LABEL, BodyBlock
from .forms import HubPageForm
from .preview import SitePreviewMixin


class SwedishSlugMixin:
    """Slugs are ASCII and transliterated the Swedish way, whatever the editor typed."""

    def full_clean(self, *args, **kwargs):
        if not self.slug and self.title:
            self.slug = swedish_slugify(self.title)
        elif self.slug:
            self.slug = swedish_slugify(self.slug)
        super().full_clean(*args, **kwargs)


class ListingMixin(models.Model):
    """What a card for the page shows, in one shape for every listing on the site."""

    listing_title = models.CharField(
        "Rubrik i listor",
        max_length=120,
        blank=True,
        help_text="Lämna tomt för att använda sidans rubrik.",
    )
    listing_summary = models.TextField(
        "Ingress",
        max_length=400,
        blank=True,
        help_text="Två–tre meningar som sammanfattar sidan. Visas i listor och sökträffar.",
    )
    listing_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name="Bild i listor",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    listing_image_decorative = models.BooleanField(
        DECORATIVE_LABEL, default=False, help_text=DECORATIVE_HELP
    )
    listing_image_alt = models.CharField(
        "Alternativtext för bilden",
        max_length=250,
        blank=True,
        help_text="Obligatorisk när en bild är vald och den inte är dekorativ.",
    )

    listing_panels = [
        MultiFieldPanel(
            [
                FieldPanel("listing_title"),
                FieldPanel("listing_summary"),
                FieldPanel("listing_image"),
                FieldPanel("listing_image_decorative"),
                FieldPanel("listing_image_alt"),
            ],
            heading="I listor och sökträffar",
        )
    ]

    listing_api_fields = [
        APIField("listing_title"),
        APIField("listing_summary"),
        APIField(
            "listing_image",
            serializer=ImageRenditionsField(
                alt_field="listing_image_alt", decorative_field="listing_image_decorative"
            ),
        ),
    ]

    class Meta:
        abstract = True

    def clean(self):
        super().clean()
        if (
            self.listing_image_id
            and not self.listing_image_decorative
            and not self.listing_image_alt.strip()
        ):
            raise ValidationError({"listing_image_alt": ALT_MISSING})


class HubPage(SwedishSlugMixin, SitePreviewMixin, Page):
    """Base for every page type in the hub. Previewed with the site's theme
    (``SitePreviewMixin``); its address on the CMS leads to the site
    (``cms.publishing.site_links``)."""

    base_form_class = HubPageForm

    class Meta:
        abstract = True


class SectionIndexPage(HubPage):
    """The one list page of a section (good examples, inspiration, the programme, the
    newsletter archive), right below the home page: a title and an intro, and the
    section's pages below it. The site lists them; the page itself holds no list."""

    intro = models.TextField("Ingress", blank=True)

    content_panels = HubPage.content_panels + [FieldPanel("intro")]

    api_fields = [APIField("intro")]

    parent_page_types = ["core.HomePage"]
    max_count = 1

    class Meta:
        abstract = True


class HomePage(HubPage):
    """The start page of the hub; there is exactly one, at the root of the site."""

    intro = models.TextField(
        "Vad är Idéslussen",
        max_length=500,
        help_text="Två meningar som förklarar Idéslussen för en besökare.",
    )
    body = StreamField(BodyBlock(), verbose_name="Innehåll", blank=True)
    contact_text = RichTextField(
        "Kontakta oss",
        features=["bold", "italic", "link"],
        blank=True,
        help_text="Hur man når Idéslussen med en idé.",
    )

    content_panels = HubPage.content_panels + [
        FieldPanel("intro"),
        FieldPanel("body"),
        FieldPanel("contact_text"),
    ]

    search_fields = HubPage.search_fields + [index.SearchField("intro")]

    api_fields = [
        APIField("intro"),
        APIField("body", serializer=StreamFieldSerializer()),
        APIField("contact_text", serializer=RichTextSerializer()),
    ]

    parent_page_types = ["wagtailcore.Page"]
    max_count = 1

    class Meta:
        verbose_name = "Startsida"
        verbose_name_plural = "Startsidor"


class StandardPage(ListingMixin, HubPage):
    """A fixed page: how the idea lock works, the accessibility statement, personal data."""

    body = StreamField(BodyBlock(), verbose_name="Innehåll")

    content_panels = HubPage.content_panels + [FieldPanel("body")]
    promote_panels = HubPage.promote_panels + ListingMixin.listing_panels

    search_fields = HubPage.search_fields + [index.SearchField("body")]

    api_fields = ListingMixin.listing_api_fields + [
        APIField("body", serializer=StreamFieldSerializer()),
    ]

    parent_page_types = ["core.HomePage", "core.StandardPage"]
    subpage_types = ["core.StandardPage"]

    class Meta:
        verbose_name = "Informationssida"
        verbose_name_plural = "Informationssidor"


class SlugFromNameMixin:
    """A taxonomy's slug: the one the editor typed, or else made from the name; always
    ASCII, transliterated the Swedish way."""

    def save(self, *args, **kwargs):
        self.slug = swedish_slugify(self.slug or self.name)
        super().save(*args, **kwargs)


class Organisation(SlugFromNameMixin, index.Indexed, models.Model):
    """An organisation that hosts, joins or partners in cases."""

    class Type(models.TextChoices):
        FORVALTNING = "forvaltning", "Förvaltning"
        BOLAG = "bolag", "Kommunalt bolag"
        KOMMUN = "kommun", "Kommun"
        REGION = "region", "Region"
        FORSKNING = "forskning", "Forskning"
        NARINGSLIV = "naringsliv", "Näringsliv"
        CIVILSAMHALLE = "civilsamhalle", "Civilsamhälle"
        INNOVATIONSSTOD = "innovationsstod", "Innovationsstöd"
        ANNAN = "annan", "Annan"

    name = models.CharField("Namn", max_length=200, unique=True)
    short_name = models.CharField("Kort namn", max_length=60, blank=True)
    slug = models.SlugField("Slug", max_length=200, unique=True, blank=True)
    type = models.CharField("Typ", max_length=20, choices=Type.choices)
    website = models.URLField("Webbplats", blank=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("short_name"),
        FieldPanel("type"),
        FieldPanel("website"),
        FieldPanel("slug"),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        verbose_name = "Organisation"
        verbose_name_plural = "Organisationer"
        ordering = ["name"]

    def __str__(self):
        return self.name


class Topic(SlugFromNameMixin, index.Indexed, models.Model):
    """A subject area (e.g. äldreomsorg, skola) used to group cases and articles."""

    name = models.CharField("Namn", max_length=100, unique=True)
    slug = models.SlugField("Slug", max_length=100, unique=True, blank=True)
    description = models.TextField("Beskrivning", blank=True)

    panels = [FieldPanel("name"), FieldPanel("description"), FieldPanel("slug")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        verbose_name = "Ämne"
        verbose_name_plural = "Ämnen"
        ordering = ["name"]

    def __str__(self):
        return self.name


class SustainableDevelopmentGoal(models.Model):
    """One of the 17 goals of Agenda 2030; seeded by a migration with Swedish names."""

    number = models.PositiveSmallIntegerField(
        "Nummer",
        unique=True,
        validators=[
            MinValueValidator(1, "Målnumret måste vara mellan 1 och 17."),
            MaxValueValidator(17, "Målnumret måste vara mellan 1 och 17."),
        ],
    )
    name = models.CharField("Namn", max_length=120)

    panels = [FieldPanel("number"), FieldPanel("name")]

    class Meta:
        verbose_name = "Globalt mål (Agenda 2030)"
        verbose_name_plural = "Globala mål (Agenda 2030)"
        ordering = ["number"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(number__gte=1, number__lte=17), name="sdg_number_1_17"
            )
        ]

    def __str__(self):
        return f"{self.number}. {self.name}"


@register_setting(icon="cog")
class HubSettings(BaseSiteSetting):
    """Contact details and texts shown on every page of the public site: the API serves
    them (``/api/v2/site/``, public fields only) and the next build puts them in the
    header, the footer, the 404 page and on the contact page."""

    organisation_name = models.CharField(
        "Organisation", max_length=120, default="Idésluss Sundsvall"
    )
    contact_email = models.EmailField(
        "Funktionsadress (e-post)",
        default="idesluss@sundsvall.se",
        help_text="En funktionsbrevlåda, aldrig en persons adress.",
    )
    contact_phone = models.CharField("Telefon (växel)", max_length=40, blank=True)
    postal_address = models.TextField("Postadress", blank=True)
    footer_text = models.TextField(
        "Text i sidfoten", blank=True, help_text="Kort text som visas längst ned på varje sida."
    )
    contact_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name="Kontaktsida",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Sidan som visar kontaktuppgifterna ovan. Sidfoten länkar till den.",
    )

    panels = [
        FieldPanel("organisation_name"),
        FieldPanel("contact_email"),
        FieldPanel("contact_phone"),
        FieldPanel("postal_address"),
        FieldPanel("footer_text"),
        FieldPanel("contact_page"),
    ]

    class Meta:
        verbose_name = "Webbplatsinställningar"
