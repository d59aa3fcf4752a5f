"""Expanding references for the content API, in batches, showing only what is public.

Page content refers to other objects by id: chooser blocks in StreamFields, links and
embeds in rich text, foreign keys. The API never hands out such an id bare. A ``Resolver``
(one per request) turns each reference into what a front end needs: a page into its title
and public path, an image into renditions, a document link into the file's public path, a
case record into its id, title and path. A reference to something that is not public
(a draft page, an ``intern`` case, a page behind a view restriction) comes out as nothing:
``None``, or a link without ``href`` in rich text.

For a listing, ``prepare()`` first walks every item, converts their StreamFields together
and collects every reference (``collect()``); each kind of object is then loaded with one
query (``load()``). The number of queries therefore does not grow with the number of items.
``cms.api.media`` uses ``collect()`` alone to find which images and documents the public
pages and case records refer to; so what counts as "used" is exactly what this module
would expand.

Images and documents are loaded here if they are outside restricted collections; that
they are in use needs no check: the API serializes public objects only, and what they refer
to is in use by public content. (A preview serializes a draft, for an editor.)
"""

import logging

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import FieldDoesNotExist
from django.db.models import QuerySet
from django.utils.functional import cached_property
from django.utils.html import escape
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.rich_text import RichText, extract_references_from_rich_text
from wagtail.rich_text.rewriters import EmbedRewriter, LinkRewriter

from cms.core import public
from cms.core.paths import case_path, document_path, page_path

from .renditions import ALL_RENDITION_SPECS, BODY_RENDITIONS

logger = logging.getLogger(__name__)

#: The model of case records, named rather than imported: the content models import this
#: module (through ``cms.api.fields``), the case records among them, so importing it here
#: would be a cycle (and would make ``cms.core`` depend on ``cms.cases``).
CASE_MODEL = "cases.CaseRecord"

CONTEXT_KEY = "hub_resolver"


def get_resolver(context) -> "Resolver":
    """The request's resolver from a serializer or block context (a new one if absent)."""
    if context is None:
        return Resolver()
    resolver = context.get(CONTEXT_KEY)
    if resolver is None:
        resolver = context[CONTEXT_KEY] = Resolver()
    return resolver


def model_type(model) -> str:
    """``CaseStoryPage`` → ``"cases.CaseStoryPage"``."""
    return f"{model._meta.app_label}.{model.__name__}"


def kind_of(model) -> str | None:
    """Which kind of reference the resolver expands for ``model`` (None: not one)."""
    from wagtail.documents.models import AbstractDocument
    from wagtail.images.models import AbstractImage

    if model is None:
        return None
    if issubclass(model, Page):
        return "page"
    if issubclass(model, AbstractImage):
        return "image"
    if issubclass(model, AbstractDocument):
        return "document"
    if issubclass(model, apps.get_model(CASE_MODEL)):
        return "case"
    return None


def _as_id(value) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


class Resolver:
    KINDS = ("page", "image", "document", "case")

    def __init__(self):
        self._wanted = {kind: set() for kind in self.KINDS}
        self._loaded = {kind: {} for kind in self.KINDS}
        self._streams = {}

    # The site and its public pages ------------------------------------------------------

    @cached_property
    def root(self) -> public.SiteRoot | None:
        return public.site_root()

    @cached_property
    def hidden_paths(self) -> list[str]:
        return public.hidden_subtree_paths(self.root) if self.root else []

    @cached_property
    def root_page(self) -> Page | None:
        return Page.objects.filter(pk=self.root.id).first() if self.root else None

    def public_pages(self, model=Page):
        return public.public_pages(model, root=self.root, hidden=self.hidden_paths)

    def path_for(self, url_path: str) -> str | None:
        return page_path(url_path, self.root.url_path) if self.root else None

    # Collecting references ---------------------------------------------------------------

    def want(self, model, pk, kinds=KINDS) -> None:
        kind = kind_of(model)
        pk = _as_id(pk)
        if kind in kinds and pk is not None and pk not in self._loaded[kind]:
            self._wanted[kind].add(pk)

    def want_references(self, references, kinds=KINDS) -> None:
        for model, pk, *_ in references:
            self.want(model, pk, kinds)

    def prepare(self, objects, field_names) -> None:
        """Collect and load every reference that serializing ``field_names`` of ``objects``
        will need (all objects are instances of one model)."""
        self.collect(objects, field_names)
        self.load()

    def collect(self, objects, field_names, kinds=KINDS) -> None:
        """Note (without loading them) the references of ``kinds`` that serializing
        ``field_names`` of ``objects`` will need; ``wanted()`` then lists them.

        ``objects`` may be a queryset of one model: it is read only if one of the fields
        can refer to something of ``kinds`` (only foreign keys: just their columns), and
        relations to other kinds are not read at all."""
        model = getattr(objects, "model", None)  # a queryset knows its model
        if model is None:
            objects = list(objects)
            if not objects:
                return
            model = type(objects[0])
        fields = self.referring_fields(model, field_names, kinds)
        if not fields:
            return
        if isinstance(objects, QuerySet) and all(field.many_to_one for field in fields):
            models = [field.related_model for field in fields]
            for row in objects.values_list(*(field.attname for field in fields)):  # no objects
                self.want_references(zip(models, row, strict=True), kinds)
            return
        if isinstance(objects, QuerySet):
            # Read only the columns walked, and each many-to-many relation in one query.
            objects = objects.only(
                "pk", *(field.name for field in fields if not field.many_to_many)
            ).prefetch_related(*(field.name for field in fields if field.many_to_many))
        objects = list(objects)
        for field in fields:
            if isinstance(field, StreamField):
                self.hydrate(objects, field)
                for obj in objects:
                    value = self.stream(getattr(obj, field.attname))
                    self.want_references(field.stream_block.extract_references(value), kinds)
            elif isinstance(field, RichTextField):
                for obj in objects:
                    self.want_references(
                        field.extract_references(getattr(obj, field.attname)), kinds
                    )
            elif field.many_to_one:
                for obj in objects:
                    self.want(field.related_model, getattr(obj, field.attname), kinds)
            else:
                for obj in objects:
                    for related in getattr(obj, field.name).all():
                        self.want(field.related_model, related.pk, kinds)

    @staticmethod
    def referring_fields(model, field_names, kinds=KINDS) -> list:
        """The fields among ``field_names`` of ``model`` that can refer to something of
        ``kinds``: StreamFields and rich text (they can hold any reference), and foreign
        keys and many-to-many relations to a model of one of ``kinds``."""
        fields = []
        for name in field_names:
            try:
                field = model._meta.get_field(name)
            except FieldDoesNotExist:
                continue
            if isinstance(field, StreamField | RichTextField):
                fields.append(field)
            elif (field.many_to_one or field.many_to_many) and kind_of(
                field.related_model
            ) in kinds:
                fields.append(field)
        return fields

    def wanted(self, kind) -> set[int]:
        """The ids of ``kind`` collected and not loaded yet."""
        return set(self._wanted[kind])

    def hydrate(self, objects, field) -> None:
        """Convert one StreamField of many objects at once: each chooser block type is then
        fetched with one query for all of them instead of one per object."""
        values = [getattr(obj, field.attname) for obj in objects]
        todo = [value for value in values if id(value) not in self._streams]
        if not todo:
            return
        converted = field.stream_block.bulk_to_python([list(v.raw_data) for v in todo])
        for original, value in zip(todo, converted, strict=True):
            # Keep the original alive so that its id() is not reused during the request.
            self._streams[id(original)] = (original, value)

    def stream(self, value):
        """The converted StreamValue for ``value`` if ``hydrate`` saw it, else ``value``."""
        entry = self._streams.get(id(value))
        return entry[1] if entry and entry[0] is value else value

    # Loading ----------------------------------------------------------------------------

    def load(self) -> None:
        for kind in self.KINDS:
            ids = self._wanted[kind] - self._loaded[kind].keys()
            self._wanted[kind] = set()
            if ids:
                loaded = getattr(self, f"_load_{kind}s")(ids)
                self._loaded[kind].update({pk: loaded.get(pk) for pk in ids})

    def _load_pages(self, ids) -> dict:
        return {
            pk: {
                "id": pk,
                "type": model_type(ContentType.objects.get_for_id(ct).model_class()),
                "title": title,
                "path": self.path_for(url_path),
            }
            for pk, title, url_path, ct in self.public_pages()
            .filter(pk__in=ids)
            .values_list("pk", "title", "url_path", "content_type_id")
        }

    def _load_images(self, ids) -> dict:
        return {
            image.pk: image
            for image in public.unrestricted_images()
            .filter(pk__in=ids)
            .prefetch_renditions(*ALL_RENDITION_SPECS)
        }

    def _load_documents(self, ids) -> dict:
        return {doc.pk: doc for doc in public.unrestricted_documents().filter(pk__in=ids)}

    def _load_cases(self, ids) -> dict:
        model = apps.get_model(CASE_MODEL)
        labels = dict(model._meta.get_field("phase").choices)
        return {
            pk: {
                "case_id": case_id,
                "title": title,
                "path": case_path(slug),
                "phase": {"code": phase, "label": labels.get(phase, phase)},
            }
            for pk, case_id, title, slug, phase in model.objects.public()
            .filter(pk__in=ids)
            .values_list("pk", "case_id", "title", "slug", "phase")
        }

    def _get(self, kind, pk):
        pk = _as_id(pk)
        if pk is None:
            return None
        if pk not in self._loaded[kind]:
            self._wanted[kind].add(pk)
            self.load()
        return self._loaded[kind].get(pk)

    # Lookups ----------------------------------------------------------------------------

    def page(self, pk) -> dict | None:
        """``{"id", "type", "title", "path"}`` of a public page, else None."""
        return self._get("page", pk)

    def case(self, pk) -> dict | None:
        """``{"case_id", "title", "path", "phase"}`` of a public case record, else None."""
        return self._get("case", pk)

    def document(self, pk) -> dict | None:
        doc = self._get("document", pk)
        if doc is None:
            return None
        return {
            "id": doc.pk,
            "title": doc.title,
            "path": document_path(doc.pk, doc.filename),
            "file_extension": doc.file_extension,
            "file_size": doc.get_file_size(),  # stored after the first time
        }

    def image(self, pk, alt: str = "", renditions: dict | None = None) -> dict | None:
        """An image as renditions: ``{"id", "alt", "width", "height", "renditions":
        {name: {"url", "width", "height", "alt"}}}``, or None if it is not public."""
        from wagtail.images.models import SourceImageIOError

        image = self._get("image", pk)
        if image is None:
            return None
        renditions = renditions or BODY_RENDITIONS
        try:
            found = image.get_renditions(*renditions.values())
            if any(rendition.pk is None for rendition in found.values()):
                # Just made (a bulk insert leaves the key unset). If another process saved
                # it meanwhile, this is an unsaved copy whose file /media/ does not serve.
                # Read what was saved, through a fresh instance (refresh_from_db() would
                # keep the prefetched copies).
                image = type(image).objects.get(pk=image.pk)
                found = image.get_renditions(*renditions.values())
        except SourceImageIOError:
            logger.warning("Image %s has no readable source file", image.pk)
            return None
        return {
            "id": image.pk,
            "alt": alt,
            "width": image.width,
            "height": image.height,
            "renditions": {
                name: {
                    "url": found[spec].url,
                    "width": found[spec].width,
                    "height": found[spec].height,
                    "alt": alt,
                }
                for name, spec in renditions.items()
            },
        }

    # Rich text --------------------------------------------------------------------------

    def rich_text(self, value) -> str:
        """Database HTML → HTML for the site: links to public pages and documents get their
        public paths; links to anything else lose their ``href``; no ``linktype`` or
        ``embedtype`` attribute survives."""
        html = value.source if isinstance(value, RichText) else str(value or "")
        if not html:
            return ""
        self.want_references(extract_references_from_rich_text(html))
        self.load()
        return self._embed_rewriter(self._link_rewriter(html))

    @cached_property
    def _link_rewriter(self):
        return LinkRewriter(bulk_rules={"page": self._page_links, "document": self._doc_links})

    @cached_property
    def _embed_rewriter(self):
        return EmbedRewriter(bulk_rules={"image": self._image_embeds, "media": self._media_embeds})

    def _page_links(self, attrs_list):
        links = []
        for attrs in attrs_list:
            page = self.page(attrs.get("id"))
            links.append(f'<a href="{escape(page["path"])}">' if page and page["path"] else "<a>")
        return links

    def _doc_links(self, attrs_list):
        links = []
        for attrs in attrs_list:
            doc = self.document(attrs.get("id"))
            if doc is None:
                links.append("<a>")
                continue
            extra = f' data-file-extension="{escape(doc["file_extension"])}"'
            if doc["file_size"]:
                extra += f' data-file-size="{doc["file_size"]}"'
            links.append(f'<a href="{escape(doc["path"])}"{extra}>')
        return links

    def _image_embeds(self, attrs_list):
        tags = []
        for attrs in attrs_list:
            image = self.image(attrs.get("id"), alt=attrs.get("alt", ""))
            if image is None:
                tags.append("")
                continue
            r = image["renditions"]["medium"]
            tags.append(
                f'<img alt="{escape(r["alt"])}" src="{escape(r["url"])}" '
                f'width="{r["width"]}" height="{r["height"]}">'
            )
        return tags

    def _media_embeds(self, attrs_list):
        # No oEmbed lookups while serving the API: the site shows a plain link.
        return [
            f'<p><a href="{escape(url)}">{escape(url)}</a></p>' if (url := attrs.get("url")) else ""
            for attrs in attrs_list
        ]
