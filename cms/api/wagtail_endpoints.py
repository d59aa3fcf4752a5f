"""What the three Wagtail API v2 endpoints (pages, images, documents) share: checked
parameters and pagination, errors in the API's shape, and the request's reference resolver."""

from django.http import Http404
from django.utils.functional import cached_property
from rest_framework.response import Response
from wagtail.api.v2.pagination import WagtailPagination
from wagtail.api.v2.utils import BadRequestError

from .filters import filterable_fields
from .params import (
    MAX_ID,
    ParameterError,
    StrictParametersMixin,
    api_exception_handler,
    parse_int,
    wagtail_limit_max,
)
from .resolver import CONTEXT_KEY, Resolver


class StrictPagination(WagtailPagination):
    """Wagtail's ``limit``/``offset`` with checked values (default 20, at most
    ``WAGTAILAPI_LIMIT_MAX``)."""

    def paginate_queryset(self, queryset, request, view=None):
        limit_max = wagtail_limit_max()
        if "limit" in request.GET:
            parse_int("limit", request.GET["limit"], 1, limit_max)
        if "offset" in request.GET:
            parse_int("offset", request.GET["offset"], 0)
        return super().paginate_queryset(queryset, request, view)


class WagtailParametersMixin(StrictParametersMixin):
    """``StrictParametersMixin`` for Wagtail's endpoints: the parameters each action knows
    (a listing also takes the plain fields of its model as filters), ``?format=`` refused,
    and Wagtail's own errors (``BadRequestError``, ``Http404``) in the API's error shape."""

    pagination_class = StrictPagination
    detail_query_parameters = frozenset(["fields"])

    def initial(self, request, *args, **kwargs):
        # Content negotiation (in REST framework's initial) would answer ?format=… with a 404.
        if "format" in request.GET:
            raise ParameterError("format", "unknown parameter (the API answers in JSON only)")
        # REST framework's own checks (content negotiation) come before the parameters here,
        # as they always have on these endpoints (a 406 before a 400); so skip the check
        # that StrictParametersMixin.initial makes first, and make it after.
        super(StrictParametersMixin, self).initial(request, *args, **kwargs)
        self.refuse_unknown_parameters()

    def allowed_query_params(self) -> set[str]:
        if self.action == "detail_view":
            return set(self.detail_query_parameters)
        if self.action == "find_view":
            return set(self.find_query_parameters)
        if self.action != "listing_view":
            return set(self.request.GET)  # no such action: a 405 follows, whatever was asked
        model = self.get_queryset().model
        return set(filterable_fields(self, model)) | set(self.known_query_parameters)

    def unknown_parameters_error(self, unknown: list[str]) -> Exception:
        return ParameterError(unknown[0], "unknown parameter (not a filter or an operation)")

    def check_query_parameters(self, queryset):
        """Done before the action, in ``initial``."""

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

    def find_view(self, request):
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
