"""``/api/v2/images/`` and ``/api/v2/documents/``: the media the site publishes.

An image or a document is published when what the site publishes refers to it (the fields
a public page shows in the API, its ``api_fields``, and the fields of a public case record)
and it does not sit in a collection with a view restriction (``cms.core.public``). A file
uploaded for a draft, or used by nothing, stays in the CMS. Only live rows are read: a
live page's row holds its published content, its drafts are in revisions. Wagtail's
reference index is not used: background tasks update it, so it may lag behind. While a
public page is being serialized, being unrestricted is enough (the page refers to the
file, so it is in use): that is what the reference resolver checks.

``/media/`` and ``/documents/`` serve visitors the same files (``cms.publishing.media``).
"""

from dataclasses import dataclass

from django.utils.functional import cached_property
from rest_framework.fields import Field
from wagtail.documents import get_document_model
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.fields import RichTextField, StreamField
from wagtail.images import get_image_model
from wagtail.images.api.v2.views import ImagesAPIViewSet
from wagtail.models import get_page_models

from cms.cases.models import CaseRecord
from cms.core.paths import document_path
from cms.core.public import unrestricted_documents, unrestricted_images

from .case_serializers import CaseRecordSerializer
from .filters import FieldOrderingFilter, FieldValueFilter
from .resolver import Resolver
from .wagtail_endpoints import WagtailParametersMixin

# Which media are published ----------------------------------------------------------------


@dataclass(frozen=True)
class MediaInUse:
    """Ids of the images and documents that public pages and case records refer to."""

    images: frozenset[int]
    documents: frozenset[int]


MEDIA_KINDS = ("image", "document")


def _walks(resolver: Resolver) -> list[tuple]:
    """Each field of public content that can refer to media, as ``(objects, [name])``:
    each page type's ``api_fields`` of its public pages, then the fields of the case
    serializer of the public records. Foreign keys come first (a column each), StreamFields
    and rich text last (their values must be converted), so that a search for one file
    usually ends early."""
    sources = []  # (objects, the fields of theirs that can refer to media)
    if resolver.root is not None:
        for model in get_page_models():
            names = [getattr(field, "name", field) for field in getattr(model, "api_fields", ())]
            fields = resolver.referring_fields(model, names, MEDIA_KINDS)
            if fields and not model._meta.abstract:
                # Only rows of this very type: a subclass has its own api_fields.
                sources.append((resolver.public_pages(model).exact_type(model), fields))
    fields = resolver.referring_fields(CaseRecord, CaseRecordSerializer.Meta.fields, MEDIA_KINDS)
    sources.append((CaseRecord.objects.public(), fields))
    walks = [(field, objects) for objects, fields in sources for field in fields]
    walks.sort(key=lambda walk: isinstance(walk[0], StreamField | RichTextField))
    return [(objects, [field.name]) for field, objects in walks]


def media_in_use() -> MediaInUse:
    """What the site publishes refers to these images and documents (restricted or not).

    The walk is the API's own (``Resolver.collect``) over the fields the API shows. The
    number of queries depends on the number of page types and fields, not on the number of
    pages."""
    resolver = Resolver()
    for objects, names in _walks(resolver):
        resolver.collect(objects, names, kinds=MEDIA_KINDS)
    return MediaInUse(
        images=frozenset(resolver.wanted("image")),
        documents=frozenset(resolver.wanted("document")),
    )


def public_images(in_use: MediaInUse | None = None):
    """Images the site publishes: in use by public content and not restricted."""
    in_use = in_use if in_use is not None else media_in_use()
    return unrestricted_images().filter(pk__in=sorted(in_use.images))


def public_documents(in_use: MediaInUse | None = None):
    """Documents the site publishes: in use by public content and not restricted."""
    in_use = in_use if in_use is not None else media_in_use()
    return unrestricted_documents().filter(pk__in=sorted(in_use.documents))


def is_public_media_file(name: str) -> bool:
    """Whether ``name`` (a path below MEDIA_ROOT, as the storage names files) is the
    original or a rendition of a public image, or the file of a public document.

    The build step asks for every rendition a build uses, one request each; so the walk
    stops at the first field of public content that refers to the file's image or document,
    instead of walking everything (``media_in_use``) each time."""
    image_model = get_image_model()
    images = set(image_model.objects.filter(file=name).values_list("pk", flat=True))
    images |= set(
        image_model.get_rendition_model()
        .objects.filter(file=name)
        .values_list("image_id", flat=True)
    )
    documents = set(get_document_model().objects.filter(file=name).values_list("pk", flat=True))
    # Restricted files are never public: no walk for them (nor for files of no image).
    if images:
        images = set(unrestricted_images().filter(pk__in=images).values_list("pk", flat=True))
    if documents:
        documents = set(
            unrestricted_documents().filter(pk__in=documents).values_list("pk", flat=True)
        )
    if not images and not documents:
        return False
    resolver = Resolver()
    for objects, names in _walks(resolver):
        resolver.collect(objects, names, kinds=MEDIA_KINDS)
        if resolver.wanted("image") & images or resolver.wanted("document") & documents:
            return True
    return False


# The endpoints ----------------------------------------------------------------------------


class MediaInUseMixin:
    @cached_property
    def in_use(self) -> MediaInUse:
        """Which media public content uses, walked once per request (Wagtail asks for the
        queryset more than once)."""
        return media_in_use()


class HubImagesAPIViewSet(MediaInUseMixin, WagtailParametersMixin, ImagesAPIViewSet):
    """Images the site publishes (``public_images``: used by a public page
    or case record, outside restricted collections): title, size and the original's URL.
    Pages carry the renditions the site uses; nothing here says who uploaded what."""

    filter_backends = [FieldValueFilter, FieldOrderingFilter]
    known_query_parameters = frozenset(["limit", "offset", "fields", "order"])
    find_query_parameters = frozenset(["id", "fields"])
    body_fields = ["id", "title", "width", "height"]
    meta_fields = ["type", "detail_url", "download_url"]
    listing_default_fields = ["id", "type", "detail_url", "title", "width", "height"]
    nested_default_fields = ["id", "type", "detail_url", "title"]

    def get_queryset(self):
        return public_images(self.in_use).order_by("pk")


class DocumentPathField(Field):
    """Where the document is published on the static site (``/documents/5/rapport.pdf``)."""

    def get_attribute(self, instance):
        return instance

    def to_representation(self, doc):
        return document_path(doc.pk, doc.filename)


class HubDocumentSerializer(DocumentsAPIViewSet.base_serializer_class):
    path = DocumentPathField(read_only=True)


class HubDocumentsAPIViewSet(MediaInUseMixin, WagtailParametersMixin, DocumentsAPIViewSet):
    """Documents the site publishes (``public_documents``: linked from a
    public page or case record, outside restricted collections), with their public path,
    format and size."""

    base_serializer_class = HubDocumentSerializer
    filter_backends = [FieldValueFilter, FieldOrderingFilter]
    known_query_parameters = frozenset(["limit", "offset", "fields", "order"])
    find_query_parameters = frozenset(["id", "fields"])
    body_fields = ["id", "title", "file_size", "file_extension"]
    meta_fields = ["type", "detail_url", "path", "download_url"]
    listing_default_fields = ["id", "type", "detail_url", "title", "path"]
    nested_default_fields = ["id", "type", "detail_url", "title"]

    def get_queryset(self):
        return public_documents(self.in_use).order_by("pk")
