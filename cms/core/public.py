"""What of the page tree and the media library may leave the CMS.

- a page is public when it is live, not expired, lies below the site's root page, has no
  view restriction, and every ancestor up to the root is public too (Wagtail keeps the
  children of an unpublished page live; the site must not show them). Wagtail's own
  ``PageQuerySet.public()`` covers the restrictions but not unpublished or expired
  ancestors, so one pass over the hidden subtrees handles all three;
- an image or a document may be shown when it does not sit in a collection with a view
  restriction (``unrestricted_images``/``unrestricted_documents``). Which of those the site
  publishes (the ones public content refers to) is the API's walk, ``cms.api.media``.

Case records have their rule beside their model: ``CaseRecord.objects.public()``.
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
