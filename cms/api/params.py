"""Query parameters and errors, the same for every endpoint of the API (one mixin,
``StrictParametersMixin``, on each of them).

A bad request is a 400 whose JSON body names the parameter::

    {"message": "limit: must be an integer from 1 to 500", "errors": {"limit": ["…"]}}

Other errors carry only ``message`` (404, 405). Unknown parameters are refused rather than
ignored, so a typo in the build step (``publised_since``) fails loudly instead of quietly
fetching everything.
"""

import datetime as dt

from django.conf import settings
from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime
from rest_framework import exceptions, pagination
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response
from rest_framework.views import exception_handler
from wagtail.api.v2.utils import BadRequestError

#: The largest id a database may give (a larger one in a URL or parameter is not found).
MAX_ID = 2**63 - 1


class ParameterError(BadRequestError):
    """A query parameter the API cannot use. Raised by Wagtail and DRF endpoints alike."""

    def __init__(self, parameter: str, message: str):
        self.parameter = parameter
        self.message = message
        super().__init__(f"{parameter}: {message}")


def error_body(errors: dict[str, list[str]]) -> dict:
    message = "; ".join(
        f"{name}: {' '.join(str(m) for m in msgs)}" for name, msgs in errors.items()
    )
    return {"message": message, "errors": errors}


def api_exception_handler(exc, context):
    """REST framework's handler, with every error body in the shape described above."""
    if isinstance(exc, ParameterError):
        return Response(error_body({exc.parameter: [exc.message]}), status=400)
    response = exception_handler(exc, context)
    if response is None:
        return None
    data = response.data
    if response.status_code == 400 and isinstance(data, dict):
        errors = {
            str(name): [str(m) for m in (msgs if isinstance(msgs, list) else [msgs])]
            for name, msgs in data.items()
        }
        response.data = error_body(errors)
    elif isinstance(data, dict) and "detail" in data:
        response.data = {"message": str(data["detail"])}
    return response


def parse_since(parameter: str, raw: str) -> dt.datetime:
    """An ISO 8601 date or date-time (``2024-05-01``, ``2024-05-01T12:00:00Z``) as an aware
    datetime; a date means its start, a naive time is Swedish time."""
    # An unencoded "+01:00" arrives as " 01:00"; read it as meant.
    raw = (raw or "").strip().replace(" ", "+")
    try:
        value = parse_datetime(raw)
        if value is None:
            day = parse_date(raw)
            if day is None:
                raise ValueError
            value = dt.datetime.combine(day, dt.time.min)
    except ValueError:
        raise ParameterError(
            parameter, "must be an ISO 8601 date or date-time, e.g. 2024-05-01T12:00:00Z"
        ) from None
    if not 1900 <= value.year <= 9998:
        raise ParameterError(parameter, "must be a date between the years 1900 and 9998")
    if timezone.is_naive(value):
        value = timezone.make_aware(value)
    return value


def parse_day(parameter: str, raw: str) -> dt.date:
    """An ISO 8601 calendar date (``2019-12-31``)."""
    try:
        value = parse_date((raw or "").strip())
    except ValueError:
        value = None
    if value is None:
        raise ParameterError(parameter, "must be an ISO 8601 date, e.g. 2019-12-31")
    return value


def parse_int(parameter: str, raw: str, minimum: int, maximum: int | None = None) -> int:
    text = (raw or "").strip()
    if not (text.isascii() and text.isdigit()) or len(text) > 12:
        value = None
    else:
        value = int(text)
    if value is None or value < minimum or (maximum is not None and value > maximum):
        upper = f" to {maximum}" if maximum is not None else " or more"
        raise ParameterError(parameter, f"must be an integer from {minimum}{upper}")
    return value


class StrictParametersMixin:
    """For every endpoint: JSON only, no authentication (everything served is public, and
    a logged-in editor sees exactly what everybody sees), and a query parameter the
    endpoint does not know is a 400 naming it, so that a typo fails loudly.

    REST framework views accept their filters, pagination and ``extra_query_params``, and
    check them before anything else; the Wagtail endpoints
    (``cms.api.wagtail_endpoints``) name theirs per action, check them after content
    negotiation and answer in Wagtail's own words."""

    renderer_classes = [JSONRenderer]
    authentication_classes = []
    #: Parameters the view accepts besides its filters and pagination.
    extra_query_params: frozenset = frozenset()

    def allowed_query_params(self) -> set[str]:
        allowed = set(self.extra_query_params)
        filterset_class = getattr(self, "filterset_class", None)
        if filterset_class is not None and getattr(self, "action", None) != "retrieve":
            allowed |= set(filterset_class.base_filters)
        paginator = getattr(self, "paginator", None)
        if paginator is not None and getattr(self, "action", None) != "retrieve":
            allowed |= {paginator.limit_query_param, paginator.offset_query_param}
        return allowed

    def unknown_parameters_error(self, unknown: list[str]) -> Exception:
        return exceptions.ValidationError(dict.fromkeys(unknown, ["unknown parameter"]))

    def refuse_unknown_parameters(self) -> None:
        unknown = sorted(set(self.request.GET) - set(self.allowed_query_params()))
        if unknown:
            raise self.unknown_parameters_error(unknown)

    def initial(self, request, *args, **kwargs):
        self.refuse_unknown_parameters()
        super().initial(request, *args, **kwargs)


class HubPagination(pagination.LimitOffsetPagination):
    """``?limit=&offset=``, strictly checked; the body has the shape of Wagtail's listings:
    ``{"meta": {"total_count", "next", "previous"}, "items": [...]}``."""

    default_limit = 100
    max_limit = 1000

    def get_limit(self, request):
        raw = request.query_params.get(self.limit_query_param)
        if raw is None:
            return self.default_limit
        return parse_int(self.limit_query_param, raw, 1, self.max_limit)

    def get_offset(self, request):
        raw = request.query_params.get(self.offset_query_param)
        if raw is None:
            return 0
        return parse_int(self.offset_query_param, raw, 0)

    def get_paginated_response(self, data):
        return Response(
            {
                "meta": {
                    "total_count": self.count,
                    "next": self.get_next_link(),
                    "previous": self.get_previous_link(),
                },
                "items": data,
            }
        )

    def get_paginated_response_schema(self, schema):
        return {
            "type": "object",
            "required": ["meta", "items"],
            "properties": {
                "meta": {
                    "type": "object",
                    "properties": {
                        "total_count": {"type": "integer"},
                        "next": {"type": "string", "format": "uri", "nullable": True},
                        "previous": {"type": "string", "format": "uri", "nullable": True},
                    },
                },
                "items": schema,
            },
        }

    def get_schema_operation_parameters(self, view):
        parameters = super().get_schema_operation_parameters(view)
        for parameter in parameters:
            if parameter["name"] == self.limit_query_param:
                parameter["schema"].update(
                    {"minimum": 1, "maximum": self.max_limit, "default": self.default_limit}
                )
            elif parameter["name"] == self.offset_query_param:
                parameter["schema"].update({"minimum": 0, "default": 0})
        return parameters


def wagtail_limit_max() -> int:
    return getattr(settings, "WAGTAILAPI_LIMIT_MAX", 20)
