"""How content fields and blocks look in the API: expanded, never as bare ids.

Page models name these in their ``api_fields``; blocks mix in ``ExpandReferences``. Every
lookup goes through the request's ``Resolver`` (``cms.api.resolver``), which batches
queries and shows only what is public. This package is the one part of ``cms.api`` that
content apps import; serializers of their own models are in ``taxonomies`` and
``programme`` beside it (this module imports no content model, so the models can import
it).
"""

from rest_framework import serializers
from wagtail import blocks

from cms.api.renditions import BODY_RENDITIONS, LISTING_RENDITIONS
from cms.api.resolver import get_resolver

# Blocks ---------------------------------------------------------------------------------


class ExpandReferences:
    """Mixin for our blocks: the API value has rich text as HTML with public paths and every
    chooser expanded (pages as title and path, images as renditions, cases as id, title and
    path); a reference to something that is not public becomes ``None``."""

    def get_api_representation(self, value, context=None):
        return expand_block(self, value, context)


def api_value(block, value, context):
    """The API value of any block: a block with its own shape (``ExpandReferences``) gives
    it; Wagtail's own blocks are expanded generically."""
    if isinstance(block, ExpandReferences):
        return block.get_api_representation(value, context)
    return expand_block(block, value, context)


def expand_block(block, value, context):
    from wagtail.documents.blocks import DocumentChooserBlock
    from wagtail.images.blocks import ImageChooserBlock
    from wagtail.snippets.blocks import SnippetChooserBlock

    resolver = get_resolver(context)
    if isinstance(block, blocks.StreamBlock):
        return [
            {"type": child.block.name, "value": api_value(child.block, child.value, context)}
            | ({"id": child.id} if child.id else {})
            for child in (value or [])
        ]
    if isinstance(block, blocks.StructBlock):
        return {
            name: api_value(child, value.get(name), context)
            for name, child in block.child_blocks.items()
        }
    if isinstance(block, blocks.ListBlock):
        items = [api_value(block.child_block, item, context) for item in (value or [])]
        if isinstance(block.child_block, blocks.ChooserBlock):
            # A list of references shows only the public ones.
            items = [item for item in items if item is not None]
        return items
    if isinstance(block, blocks.RichTextBlock):
        return resolver.rich_text(value)
    pk = getattr(value, "pk", None)
    if isinstance(block, blocks.PageChooserBlock):
        return resolver.page(pk)
    if isinstance(block, ImageChooserBlock):
        return resolver.image(pk, alt="")
    if isinstance(block, DocumentChooserBlock):
        return resolver.document(pk)
    if isinstance(block, SnippetChooserBlock):
        return resolver.case(pk) if block.target_model._meta.label == "cases.CaseRecord" else None
    if isinstance(block, blocks.ChooserBlock):
        return None  # a reference we do not know how to show publicly
    return block.get_api_representation(value, context=context)


# Serializer fields used in api_fields ---------------------------------------------------


class StreamFieldSerializer(serializers.Field):
    """A StreamField, expanded block by block (``api_value``)."""

    def __init__(self, **kwargs):
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    def to_representation(self, value):
        value = get_resolver(self.context).stream(value)
        return api_value(value.stream_block, value, self.context)


class RichTextSerializer(serializers.CharField):
    """A RichTextField as HTML with public paths (``Resolver.rich_text``)."""

    def __init__(self, **kwargs):
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    def to_representation(self, value):
        return get_resolver(self.context).rich_text(value)


class ImageRenditionsField(serializers.Field):
    """An image foreign key as renditions, with the alt text from a sibling field, or an
    empty alt text when a sibling boolean marks the image as decorative.

    ``ImageRenditionsField(alt_field="listing_image_alt",
    decorative_field="listing_image_decorative")``
    """

    def __init__(self, alt_field=None, renditions=None, decorative_field=None, **kwargs):
        self.alt_field = alt_field
        self.decorative_field = decorative_field
        self.renditions = renditions or LISTING_RENDITIONS
        kwargs["source"] = "*"
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    def to_representation(self, instance):
        pk = getattr(instance, f"{self.field_name}_id")
        if pk is None:
            return None
        decorative = bool(self.decorative_field and getattr(instance, self.decorative_field))
        alt = getattr(instance, self.alt_field, "") if self.alt_field and not decorative else ""
        shown = get_resolver(self.context).image(pk, alt=alt, renditions=self.renditions)
        return shown and shown | {"decorative": decorative}


class BodyImageField(ImageRenditionsField):
    def __init__(self, **kwargs):
        super().__init__(renditions=BODY_RENDITIONS, **kwargs)


class CaseRefField(serializers.Field):
    """A foreign key to a case record as ``{"case_id", "title", "path", "phase"}``; ``None``
    when the record is not public."""

    def __init__(self, **kwargs):
        kwargs["source"] = "*"
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    def to_representation(self, instance):
        return get_resolver(self.context).case(getattr(instance, f"{self.field_name}_id"))


class CaseRefListField(serializers.Field):
    """A many-to-many relation to case records: the public ones, as in ``CaseRefField``."""

    def __init__(self, **kwargs):
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    def to_representation(self, manager):
        resolver = get_resolver(self.context)
        refs = (resolver.case(related.pk) for related in manager.all())
        return [ref for ref in refs if ref is not None]
