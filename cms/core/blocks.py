"""The shared StreamField body used by every page type that has free-form content."""

from wagtail import blocks
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock

from cms.api.fields import BODY_RENDITIONS, ExpandReferences, get_resolver

RICH_TEXT_FEATURES = ["h2", "h3", "bold", "italic", "ol", "ul", "link", "document-link"]


DECORATIVE_LABEL = "Dekorativ bild"
DECORATIVE_HELP = (
    "Kryssa i om bilden bara är utsmyckning och inte säger något som texten inte redan säger. "
    "Då hoppar skärmläsare över den och den behöver ingen alternativtext."
)
ALT_MISSING = "Skriv en alternativtext för bilden, eller kryssa i att den är dekorativ."


class AccessibleImageBlock(ExpandReferences, blocks.StructBlock):
    """An image that carries alt text written for this use of it, unless the editor marks
    it as decorative: then the site gives it an empty alt text and screen readers skip it.

    The children are named as in Wagtail's own ``ImageBlock`` (``image``, ``decorative``,
    ``alt_text``), but this stays a StructBlock of our own: ``ImageBlock`` takes no other
    children (no caption), and nesting it would change the stored shape of every body and
    revision. A value saved before ``decorative`` existed reads as not decorative."""

    image = ImageChooserBlock(label="Bild")
    decorative = blocks.BooleanBlock(
        label=DECORATIVE_LABEL, required=False, default=False, help_text=DECORATIVE_HELP
    )
    alt_text = blocks.CharBlock(
        label="Alternativtext",
        max_length=250,
        required=False,
        help_text="Beskriv vad bilden visar för den som inte ser den. Obligatorisk om bilden "
        "inte är dekorativ.",
    )
    caption = blocks.CharBlock(label="Bildtext", required=False, max_length=250)

    class Meta:
        icon = "image"
        label = "Bild"

    def clean(self, value):
        from django.core.exceptions import ValidationError
        from wagtail.blocks.struct_block import StructBlockValidationError

        value = super().clean(value)
        if (
            value.get("image")
            and not value.get("decorative")
            and not (value.get("alt_text") or "").strip()
        ):
            raise StructBlockValidationError(
                block_errors={"alt_text": ValidationError(ALT_MISSING)}
            )
        return value

    def get_api_representation(self, value, context=None):
        """The image as renditions in the body sizes, with this use's alt text (empty for a
        decorative image), ``decorative`` and the caption; None when no (public) image is
        chosen."""
        image = value.get("image") if value else None
        if image is None:
            return None
        decorative = bool(value.get("decorative"))
        alt = "" if decorative else (value.get("alt_text") or "")
        shown = get_resolver(context).image(image.pk, alt=alt, renditions=BODY_RENDITIONS)
        return shown and shown | {"decorative": decorative, "caption": value.get("caption") or ""}


class OptionalImageBlock(AccessibleImageBlock):
    """Same shape as AccessibleImageBlock, but may be left empty; alt text is required only
    when an image is chosen that is not decorative."""

    image = ImageChooserBlock(label="Bild", required=False)

    class Meta:
        icon = "image"
        label = "Bild (valfri)"


class QuoteBlock(ExpandReferences, blocks.StructBlock):
    quote = blocks.TextBlock(label="Citat")
    attribution = blocks.CharBlock(
        label="Vem säger det",
        required=False,
        help_text="Ange roll och verksamhet, t.ex. ”Undersköterska, Individ och arbetsmarknad”.",
    )

    class Meta:
        icon = "openquote"
        label = "Citat"


class CallToActionBlock(ExpandReferences, blocks.StructBlock):
    heading = blocks.CharBlock(label="Rubrik", max_length=120)
    text = blocks.TextBlock(label="Text", required=False)
    link_label = blocks.CharBlock(label="Länktext", max_length=80)
    page = blocks.PageChooserBlock(label="Sida", required=False)
    url = blocks.URLBlock(label="Extern länk", required=False)

    class Meta:
        icon = "pick"
        label = "Uppmaning"

    def clean(self, value):
        from django.core.exceptions import ValidationError
        from wagtail.blocks.struct_block import StructBlockValidationError

        value = super().clean(value)
        if bool(value.get("page")) == bool(value.get("url")):
            raise StructBlockValidationError(
                block_errors={
                    "page": ValidationError("Välj antingen en sida eller en extern länk.")
                }
            )
        return value

    def get_api_representation(self, value, context=None):
        """As the fields, plus ``href``: the chosen page's public path or the external link
        (None if the page is not public)."""
        data = super().get_api_representation(value, context)
        data["href"] = (data["page"] or {}).get("path") or data["url"] or None
        return data


class FactBoxBlock(ExpandReferences, blocks.StructBlock):
    heading = blocks.CharBlock(label="Rubrik", max_length=120)
    text = blocks.RichTextBlock(label="Text", features=["bold", "italic", "ul", "ol", "link"])

    class Meta:
        icon = "info-circle"
        label = "Faktaruta"


class BodyBlock(ExpandReferences, blocks.StreamBlock):
    """One body for every page: what an editor can put in the main column."""

    rich_text = blocks.RichTextBlock(label="Text", features=RICH_TEXT_FEATURES)
    image = AccessibleImageBlock()
    quote = QuoteBlock()
    call_to_action = CallToActionBlock()
    embed = EmbedBlock(
        label="Inbäddning",
        help_text="Länk till t.ex. en film. Filmen måste vara textad.",
    )
    fact_box = FactBoxBlock()

    class Meta:
        label = "Innehåll"
