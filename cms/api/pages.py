"""``/api/v2/pages/``: the published pages of the site, narrowed to what it may show.

Compared with Wagtail's own viewset:

- the queryset is ``cms.core.public.public_pages`` (also hides descendants of unpublished,
  expired and restricted pages);
- a page's meta carries its public ``path`` (see ``cms.core.paths``) and ``last_changed``
  instead of ``html_url`` and internal fields; nothing about owners, locks or revisions;
- rich text and StreamFields are expanded (``cms.api.fields``), and a listing loads every
  reference in batches, so the number of queries does not depend on the page size;
- ``published_since=`` returns the pages whose ``last_changed`` is at or after a time;
- every query parameter is checked: an unknown one, a bad value or an out-of-range limit is
  a 400 naming it (``cms.api.wagtail_endpoints``); there is no search and no HTML renderer.
"""

from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.utils.functional import cached_property
from rest_framework.fields import Field, SkipField
from rest_framework.response import Response
from wagtail.api.v2.serializers import DetailUrlField, PageSerializer
from wagtail.api.v2.utils import page_models_from_string
from wagtail.api.v2.views import BaseAPIViewSet, PagesAPIViewSet
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page

from .fields import RichTextSerializer, StreamFieldSerializer
from .filters import FieldOrderingFilter, FieldValueFilter, PublishedSinceFilter, TreeFilter
from .manifest import page_change_times
from .params import ParameterError
from .resolver import CONTEXT_KEY, kind_of
from .wagtail_endpoints import WagtailParametersMixin


class PagePathField(Field):
    """The page's public path on the static site (``/goda-exempel/demens/``)."""

    def get_attribute(self, instance):
        return instance

    def to_representation(self, page):
        return self.context[CONTEXT_KEY].path_for(page.url_path)


class PageLastChangedField(Field):
    """When the page last changed as the site sees it: published, moved, or an ancestor
    published, moved or unrestricted (see ``cms.api.manifest``)."""

    def get_attribute(self, instance):
        return instance

    def to_representation(self, page):
        view = self.context["view"]
        changed = view.change_times.get(page.pk)
        return changed.isoformat() if changed else None


class PageParentField(Field):
    """The parent as ``{"id", "type", "title", "path"}``; None at the site root."""

    def get_attribute(self, instance):
        return instance

    def to_representation(self, page):
        resolver = self.context[CONTEXT_KEY]
        if page.pk == resolver.root.id:
            return None
        parent_id = (
            Page.objects.filter(path=page.path[: -Page.steplen])
            .values_list("pk", flat=True)
            .first()
        )
        return resolver.page(parent_id)


class PageDetailUrlField(DetailUrlField):
    """Wagtail's ``detail_url``; left out for a page not saved yet (a new page's preview,
    ``cms.api.preview``), which has no detail URL."""

    def get_attribute(self, instance):
        if instance.pk is None:
            raise SkipField
        return super().get_attribute(instance)


class HubPageSerializer(PageSerializer):
    serializer_field_mapping = PageSerializer.serializer_field_mapping | {
        StreamField: StreamFieldSerializer,
        RichTextField: RichTextSerializer,
    }
    detail_url = PageDetailUrlField(read_only=True)
    path = PagePathField(read_only=True)
    last_changed = PageLastChangedField(read_only=True)
    parent = PageParentField(read_only=True)


class HubPagesAPIViewSet(WagtailParametersMixin, PagesAPIViewSet):
    """Published pages of the site, one page type per request with ``?type=`` and
    ``?fields=*`` giving everything its template needs."""

    base_serializer_class = HubPageSerializer
    filter_backends = [FieldValueFilter, TreeFilter, PublishedSinceFilter, FieldOrderingFilter]
    known_query_parameters = frozenset(
        [
            "limit",
            "offset",
            "fields",
            "order",
            "type",
            "child_of",
            "descendant_of",
            "ancestor_of",
            "published_since",
        ]
    )
    find_query_parameters = frozenset(["id", "html_path", "fields"])
    body_fields = ["id", "title"]
    meta_fields = [
        "type",
        "detail_url",
        "path",
        "slug",
        "seo_title",
        "search_description",
        "show_in_menus",
        "first_published_at",
        "last_published_at",
        "last_changed",
        "parent",
    ]
    listing_default_fields = [
        "id",
        "type",
        "detail_url",
        "title",
        "path",
        "slug",
        "last_published_at",
        "last_changed",
    ]
    nested_default_fields = ["id", "type", "detail_url", "title"]
    detail_only_fields = ["parent"]

    @classmethod
    def get_detail_default_fields(cls, model):
        return BaseAPIViewSet.get_detail_default_fields.__func__(cls, model)

    @classmethod
    def get_listing_default_fields(cls, model):
        return cls.listing_default_fields[:]

    def get_root_page(self):
        return self.resolver.root_page

    def get_base_queryset(self):
        return self.resolver.public_pages()

    def get_queryset(self):
        raw = self.request.GET.get("type")
        if raw is None or self.action != "listing_view":
            return self.get_base_queryset().order_by("path")
        try:
            page_models = page_models_from_string(raw)
        except (LookupError, ValueError):
            raise ParameterError("type", f"unknown page type '{raw}'") from None
        if len(page_models) != 1:
            raise ParameterError("type", "give exactly one page type, e.g. cases.CaseStoryPage")
        model = page_models[0]
        queryset = self.resolver.public_pages(model).order_by("path")
        return prefetch_api_relations(queryset, model)

    @cached_property
    def change_times(self):
        return page_change_times(self.resolver.public_pages(), self.resolver.root)

    def listing_view(self, request):
        queryset = self.filter_queryset(self.get_queryset())
        items = list(self.paginate_queryset(queryset))
        serializer = self.get_serializer(items, many=True)
        self.resolver.prepare(items, serializer.child.fields)
        return self.get_paginated_response(serializer.data)

    def detail_view(self, request, pk):
        instance = self.get_object()
        serializer = self.get_serializer(instance)
        self.resolver.prepare([instance], serializer.fields)
        return Response(serializer.data)


def prefetch_api_relations(queryset, model):
    """Load the relations named in ``model.api_fields`` with the listing: taxonomies and
    child objects by ``prefetch_related``/``select_related``; references the resolver
    expands (images, pages, cases) only as ids."""
    select, prefetch = [], []
    for api_field in getattr(model, "api_fields", ()):
        try:
            field = model._meta.get_field(api_field.name)
        except FieldDoesNotExist:
            continue
        if field.many_to_many or field.one_to_many:
            if kind_of(field.related_model):
                prefetch.append(
                    models.Prefetch(field.name, queryset=field.related_model.objects.only("pk"))
                )
            else:
                prefetch.append(field.name)
        elif field.many_to_one and not kind_of(field.related_model):
            select.append(field.name)
    return queryset.select_related(*select).prefetch_related(*prefetch)
