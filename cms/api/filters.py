"""Filters of the Wagtail endpoints (pages, images, documents): equality on plain fields,
ordering, the page tree and ``published_since``. A bad value is a 400 naming the
parameter, never a database error or an empty result."""

from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.db import models
from rest_framework.filters import BaseFilterBackend
from wagtail.api.v2.utils import parse_boolean
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page

from .params import MAX_ID, ParameterError, parse_int, parse_since

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
