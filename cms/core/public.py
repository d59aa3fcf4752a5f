"""What may leave the CMS: the published, public subset of pages, case records and media.

Every API endpoint builds on these querysets, so the rules live in one place:

- a page is public when it is live, not expired, lies below the site's root page, has no
  view restriction, and every ancestor up to the root is public too (Wagtail keeps the
  children of an unpublished page live; the site must not show them);
- a case record is public when its live version is published (``live``) and its
  publication level is not ``intern``; only the live row is ever read, never a revision;
- an image or a document is public when what the site publishes refers to it (the fields
  a public page shows in the API, its ``api_fields``, and the fields of a public case
  record) and it does not sit in a collection with a view restriction. A file uploaded
  for a draft, or used by nothing, stays in the CMS. Only live rows are read: a live
  page's row holds its published content, its drafts are in revisions. Wagtail's
  reference index is not used: background tasks update it, so it may lag behind.
  While a public page is being serialized, being unrestricted is enough (the page refers
  to the file, so it is in use): that is what the API's reference resolver checks.
"""

from dataclasses import dataclass

from django.db.models import Q
from django.utils import timezone
from wagtail.models import Page, PageViewRestriction, Site


@dataclass(frozen=True)
class SiteRoot:
    """The root page of the default site: its id, tree path and url_path (``/home/``)."""

    id: int
    path: str
    url_path: str


def site_root() -> SiteRoot | None:
    row = (
        Site.objects.filter(is_default_site=True)
        .values_list("root_page_id", "root_page__path", "root_page__url_path")
        .first()
    )
    return SiteRoot(*row) if row else None


def hidden_subtree_paths(root: SiteRoot) -> list[str]:
    """Tree paths of the pages whose whole subtree is hidden: those that are not live,
    expired or restricted and have children (leaves are excluded row by row)."""
    now = timezone.now()
    paths = sorted(
        Page.objects.filter(path__startswith=root.path, numchild__gt=0)
        .filter(
            Q(live=False)
            | Q(expire_at__lte=now)
            | Q(pk__in=PageViewRestriction.objects.values("page_id"))
        )
        .values_list("path", flat=True)
    )
    # A hidden page inside a hidden subtree adds nothing.
    minimal: list[str] = []
    for path in paths:
        if not minimal or not path.startswith(minimal[-1]):
            minimal.append(path)
    return minimal


def public_pages(model=Page, root: SiteRoot | None = None, hidden: list[str] | None = None):
    """The public pages of ``model`` (a queryset); see the module docstring for the rules."""
    root = root if root is not None else site_root()
    if root is None:
        return model.objects.none()
    if hidden is None:
        hidden = hidden_subtree_paths(root)
    queryset = (
        model.objects.filter(path__startswith=root.path, live=True)
        .exclude(expire_at__lte=timezone.now())
        .exclude(pk__in=PageViewRestriction.objects.values("page_id"))
    )
    for path in hidden:
        queryset = queryset.exclude(path__startswith=path)
    return queryset


def public_cases():
    """Case records whose live version may be shown outside the CMS."""
    from cms.cases.choices import PublicationLevel
    from cms.cases.models import CaseRecord

    return CaseRecord.objects.filter(live=True).exclude(publication_level=PublicationLevel.INTERN)


def _restricted_collection_ids() -> set[int]:
    from wagtail.models import Collection, CollectionViewRestriction

    paths = list(
        Collection.objects.filter(
            pk__in=CollectionViewRestriction.objects.values("collection_id")
        ).values_list("path", flat=True)
    )
    if not paths:
        return set()
    query = Q()
    for path in paths:
        query |= Q(path__startswith=path)
    return set(Collection.objects.filter(query).values_list("pk", flat=True))


def unrestricted_images():
    """Images that public content may show when it refers to them."""
    from wagtail.images import get_image_model

    return get_image_model().objects.exclude(collection__in=_restricted_collection_ids())


def unrestricted_documents():
    """Documents that public content may link to."""
    from wagtail.documents import get_document_model

    return get_document_model().objects.exclude(collection__in=_restricted_collection_ids())


@dataclass(frozen=True)
class MediaInUse:
    """Ids of the images and documents that public pages and case records refer to."""

    images: frozenset[int]
    documents: frozenset[int]


MEDIA_KINDS = ("image", "document")


def media_in_use() -> MediaInUse:
    """What the site publishes refers to these images and documents (restricted or not).

    The walk is the API's own (``Resolver.collect``) over the fields the API shows: each
    page type's ``api_fields`` of its public pages, and the fields of the case serializer
    of the public records. The number of queries depends on the number of page types and
    block types, not on the number of pages."""
    from wagtail.models import get_page_models

    from cms.cases.serializers import CaseRecordSerializer

    from .api_resolver import Resolver

    resolver = Resolver()
    if resolver.root is not None:
        for model in get_page_models():
            names = [getattr(field, "name", field) for field in getattr(model, "api_fields", ())]
            if model._meta.abstract or not resolver.referring_fields(model, names, MEDIA_KINDS):
                continue
            # Only rows of this very type: a subclass has its own api_fields.
            pages = resolver.public_pages(model).exact_type(model)
            resolver.collect(pages, names, kinds=MEDIA_KINDS)
    resolver.collect(public_cases(), CaseRecordSerializer.Meta.fields, kinds=MEDIA_KINDS)
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
    original or a rendition of a public image, or the file of a public document."""
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model

    image_model = get_image_model()
    images = set(image_model.objects.filter(file=name).values_list("pk", flat=True))
    images |= set(
        image_model.get_rendition_model()
        .objects.filter(file=name)
        .values_list("image_id", flat=True)
    )
    documents = set(get_document_model().objects.filter(file=name).values_list("pk", flat=True))
    if not images and not documents:
        return False  # not a file of the media library: nothing to walk
    in_use = media_in_use()
    images &= in_use.images
    documents &= in_use.documents
    return (bool(images) and unrestricted_images().filter(pk__in=images).exists()) or (
        bool(documents) and unrestricted_documents().filter(pk__in=documents).exists()
    )
