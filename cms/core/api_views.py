"""Wagtail API v2 endpoints (pages, images, documents), narrowed to what the site may show.

Compared with Wagtail's own viewsets:

- the page queryset is ``cms.core.public.public_pages`` (also hides descendants of
  unpublished, expired and restricted pages);
- a page's meta carries its public ``path`` (see ``cms.core.paths``) and ``last_changed``
  instead of ``html_url`` and internal fields; nothing about owners, locks or revisions;
- rich text and StreamFields are expanded (``cms.core.api_fields``), and a listing loads
  every reference in batches, so the number of queries does not depend on the page size;
- the images and documents endpoints list only the media that public content uses;
- ``published_since=`` returns the pages whose ``last_changed`` is at or after a time;
- every query parameter is checked: an unknown one, a bad value or an out-of-range limit is
  a 400 naming it (``cms.core.api_params``); there is no search and no HTML renderer.
"""

from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.db import models
from django.http import Http404
from django.utils.functional import cached_property
from rest_framework.fields import Field
from rest_framework.filters import BaseFilterBackend
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response
from wagtail.api.v2.pagination import WagtailPagination
from wagtail.api.v2.serializers import PageSerializer
from wagtail.api.v2.utils import BadRequestError, page_models_from_string, parse_boolean
from wagtail.api.v2.views import BaseAPIViewSet, PagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.fields import RichTextField, StreamField
from wagtail.images.api.v2.views import ImagesAPIViewSet
from wagtail.models import Page

from cms.publishing.manifest import page_change_times

from . import public
from .api_fields import RichTextSerializer, StreamFieldSerializer
from .api_params import ParameterError, api_exception_handler, parse_int, parse_since
from .api_resolver import CONTEXT_KEY, Resolver, kind_of
from .paths import document_path

MAX_ID = 2**63 - 1


# Serializers ----------------------------------------------------------------------------


class PagePathField(Field):
    """The page's public path on the static site (``/goda-exempel/demens/``)."""

    def get_attribute(self, instance):
        return instance

    def to_representation(self, page):
        return self.context[CONTEXT_KEY].path_for(page.url_path)


class PageLastChangedField(Field):
    """When the page last changed as the site sees it: published, moved, or an ancestor
    published, moved or unrestricted (see ``cms.publishing.manifest``)."""

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


class HubPageSerializer(PageSerializer):
    serializer_field_mapping = PageSerializer.serializer_field_mapping | {
        StreamField: StreamFieldSerializer,
        RichTextField: RichTextSerializer,
    }
    path = PagePathField(read_only=True)
    last_changed = PageLastChangedField(read_only=True)
    parent = PageParentField(read_only=True)


# Filters --------------------------------------------------------------------------------


#: API fields whose names are also database fields with another meaning (a page's ``path``
#: in the API is its public path; in the database it is its place in the tree).
OVERRIDDEN_FIELDS = frozenset(["path"])


def filterable_fields(view, model) -> dict[str, models.Field]:
    """The plain database fields among an endpoint's fields: what ``?name=value`` and
    ``?order=`` may use (no StreamFields, rich text, JSON or many-to-many relations)."""
    fields = {}
    for name in view.get_available_fields(model, db_fields_only=True):
        if name in OVERRIDDEN_FIELDS:
            continue
        try:
            field = model._meta.get_field(name)
        except FieldDoesNotExist:
            continue
        if not field.concrete or field.many_to_many or field.one_to_many:
            continue
        if isinstance(field, StreamField | RichTextField | models.JSONField):
            continue
        fields[name] = field
    return fields


class FieldValueFilter(BaseFilterBackend):
    """``?slug=demens``, ``?year=2019``: equality on a plain field, the value checked with the
    field's own validation (a bad value is a 400 naming the field, never a database error)."""

    def filter_queryset(self, request, queryset, view):
        fields = filterable_fields(view, queryset.model)
        for name, raw in request.GET.items():
            field = fields.get(name)
            if field is None:
                continue
            if "\x00" in raw:
                raise ParameterError(name, "null characters are not allowed")
            try:
                if isinstance(field, models.BooleanField):
                    value = parse_boolean(raw)
                elif isinstance(field, models.ForeignKey):
                    value = parse_int(name, raw, 1, MAX_ID)
                elif isinstance(field, models.DateTimeField):
                    value = parse_since(name, raw)
                else:
                    value = field.clean(raw, None)
            except (ValidationError, ValueError, TypeError, OverflowError) as e:
                messages = getattr(e, "messages", None) or [str(e) or "invalid value"]
                raise ParameterError(name, " ".join(messages)) from None
            queryset = queryset.filter(**{field.attname: value})
        return queryset


class FieldOrderingFilter(BaseFilterBackend):
    """``?order=-published_date,title``: plain fields only; ties keep a stable order."""

    def filter_queryset(self, request, queryset, view):
        raw = request.GET.get("order")
        if raw is None:
            return queryset
        fields = filterable_fields(view, queryset.model)
        order = []
        for item in raw.split(","):
            name = item.strip().removeprefix("-")
            if name not in fields:
                raise ParameterError("order", f"cannot order by '{item}'")
            order.append(("-" if item.strip().startswith("-") else "") + fields[name].attname)
        return queryset.order_by(*order, "pk")


def _page_parameter(request, view, name) -> Page:
    raw = request.GET[name]
    if raw == "root" and name != "ancestor_of":
        return view.resolver.root_page
    pk = parse_int(name, raw, 1, MAX_ID)
    try:
        return view.get_base_queryset().get(pk=pk)
    except Page.DoesNotExist:
        raise ParameterError(name, f"no published page has id {pk}") from None


class TreeFilter(BaseFilterBackend):
    """``?child_of=``, ``?descendant_of=`` (an id or ``root``) and ``?ancestor_of=`` (an id)."""

    def filter_queryset(self, request, queryset, view):
        if "child_of" in request.GET and "descendant_of" in request.GET:
            raise ParameterError("descendant_of", "cannot be combined with child_of")
        if "child_of" in request.GET:
            queryset = queryset.child_of(_page_parameter(request, view, "child_of"))
        if "descendant_of" in request.GET:
            queryset = queryset.descendant_of(_page_parameter(request, view, "descendant_of"))
        if "ancestor_of" in request.GET:
            queryset = queryset.ancestor_of(_page_parameter(request, view, "ancestor_of"))
        return queryset


class PublishedSinceFilter(BaseFilterBackend):
    """``?published_since=2024-05-01T12:00:00Z``: pages whose ``last_changed`` is at or after
    that time (the same figure as in the manifest)."""

    def filter_queryset(self, request, queryset, view):
        if "published_since" not in request.GET:
            return queryset
        since = parse_since("published_since", request.GET["published_since"])
        changed = [pk for pk, time in view.change_times.items() if time and time >= since]
        return queryset.filter(pk__in=changed)


class StrictPagination(WagtailPagination):
    """Wagtail's ``limit``/``offset`` with checked values (default 20, at most
    ``WAGTAILAPI_LIMIT_MAX``)."""

    def paginate_queryset(self, queryset, request, view=None):
        from .api_params import wagtail_limit_max

        limit_max = wagtail_limit_max()
        if "limit" in request.GET:
            parse_int("limit", request.GET["limit"], 1, limit_max)
        if "offset" in request.GET:
            parse_int("offset", request.GET["offset"], 0)
        return super().paginate_queryset(queryset, request, view)


# Viewsets -------------------------------------------------------------------------------


class StrictParametersMixin:
    """Shared by the three endpoints: JSON only, no authentication (everything served is
    public, and a logged-in editor sees exactly what everybody sees), checked parameters."""

    renderer_classes = [JSONRenderer]
    authentication_classes = []
    pagination_class = StrictPagination
    detail_query_parameters = frozenset(["fields"])

    def initial(self, request, *args, **kwargs):
        # Content negotiation (in super().initial) would answer ?format=… with a 404.
        if "format" in request.GET:
            raise ParameterError("format", "unknown parameter (the API answers in JSON only)")
        super().initial(request, *args, **kwargs)

    def check_query_parameters(self, queryset):
        allowed = set(filterable_fields(self, queryset.model)) | set(self.known_query_parameters)
        self._refuse_unknown(allowed)

    def _refuse_unknown(self, allowed):
        unknown = sorted(set(self.request.GET) - set(allowed))
        if unknown:
            raise ParameterError(unknown[0], "unknown parameter (not a filter or an operation)")

    def handle_exception(self, exc):
        if isinstance(exc, ParameterError):
            return api_exception_handler(exc, self.get_exception_handler_context())
        if isinstance(exc, Http404):
            return Response({"message": "not found"}, status=404)
        if isinstance(exc, BadRequestError):
            # Only Wagtail's ``fields`` parsing raises these unwrapped.
            return api_exception_handler(
                ParameterError("fields", str(exc)), self.get_exception_handler_context()
            )
        return super().handle_exception(exc)

    def get_serializer_class(self):
        try:
            return super().get_serializer_class()
        except ParameterError:
            raise
        except BadRequestError as e:
            raise ParameterError("fields", str(e)) from None

    def get_object(self):
        pk = self.kwargs.get("pk")
        if pk is not None and not 0 < int(pk) <= MAX_ID:
            raise Http404
        return super().get_object()

    def detail_view(self, request, pk):
        self._refuse_unknown(self.detail_query_parameters)
        return super().detail_view(request, pk)

    def find_view(self, request):
        self._refuse_unknown(self.find_query_parameters)
        if "id" in request.GET:
            parse_int("id", request.GET["id"], 1, MAX_ID)
        return super().find_view(request)

    @cached_property
    def resolver(self) -> Resolver:
        return Resolver()

    def get_serializer_context(self):
        return super().get_serializer_context() | {CONTEXT_KEY: self.resolver}

    def get_renderer_context(self):
        # Compact JSON like the other endpoints (Wagtail indents by default).
        return super().get_renderer_context() | {"indent": None}


class HubPagesAPIViewSet(StrictParametersMixin, PagesAPIViewSet):
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
        queryset = self.get_queryset()
        self.check_query_parameters(queryset)
        queryset = self.filter_queryset(queryset)
        items = list(self.paginate_queryset(queryset))
        serializer = self.get_serializer(items, many=True)
        self.resolver.prepare(items, serializer.child.fields)
        return self.get_paginated_response(serializer.data)

    def detail_view(self, request, pk):
        self._refuse_unknown(self.detail_query_parameters)
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


class MediaInUseMixin:
    @cached_property
    def in_use(self) -> public.MediaInUse:
        """Which media public content uses, walked once per request (Wagtail asks for the
        queryset more than once)."""
        return public.media_in_use()


class HubImagesAPIViewSet(MediaInUseMixin, StrictParametersMixin, ImagesAPIViewSet):
    """Images the site publishes (``cms.core.public.public_images``: used by a public page
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
        return public.public_images(self.in_use).order_by("pk")


class DocumentPathField(Field):
    """Where the document is published on the static site (``/documents/5/rapport.pdf``)."""

    def get_attribute(self, instance):
        return instance

    def to_representation(self, doc):
        return document_path(doc.pk, doc.filename)


class HubDocumentSerializer(DocumentsAPIViewSet.base_serializer_class):
    path = DocumentPathField(read_only=True)


class HubDocumentsAPIViewSet(MediaInUseMixin, StrictParametersMixin, DocumentsAPIViewSet):
    """Documents the site publishes (``cms.core.public.public_documents``: linked from a
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
        return public.public_documents(self.in_use).order_by("pk")
