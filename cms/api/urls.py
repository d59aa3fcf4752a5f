"""The read-only API the static site is built from, all under ``/api/v2/``.

Wagtail API v2: ``pages/`` (``cms.api.pages``), ``images/`` and ``documents/``
(``cms.api.media``). REST framework: ``cases/``, ``taxonomies/``, ``stats/`` ("Nuläget";
``stats/years/``: at the end of every year), ``site/`` (the site settings the site shows)
and ``manifest/``, each from the module of that name in ``cms.api``.
The OpenAPI 3 schema of the REST framework endpoints is at ``/api/schema/``.
"""

from django.http import JsonResponse
from django.urls import include, path, re_path
from drf_spectacular.views import SpectacularAPIView
from rest_framework.routers import SimpleRouter
from wagtail.api.v2.router import WagtailAPIRouter

from .cases import CaseRecordViewSet
from .manifest import ManifestView
from .media import HubDocumentsAPIViewSet, HubImagesAPIViewSet
from .pages import HubPagesAPIViewSet
from .site import SiteView
from .stats import StatsView, StatsYearsView
from .taxonomies import TaxonomiesView

wagtail_api = WagtailAPIRouter("wagtailapi")
wagtail_api.register_endpoint("pages", HubPagesAPIViewSet)
wagtail_api.register_endpoint("images", HubImagesAPIViewSet)
wagtail_api.register_endpoint("documents", HubDocumentsAPIViewSet)

rest_router = SimpleRouter()
rest_router.register("cases", CaseRecordViewSet, basename="api-case")

rest_urlpatterns = [
    *rest_router.urls,
    path("taxonomies/", TaxonomiesView.as_view(), name="api-taxonomies"),
    path("stats/", StatsView.as_view(), name="api-stats"),
    path("stats/years/", StatsYearsView.as_view(), name="api-stats-years"),
    path("site/", SiteView.as_view(), name="api-site"),
    path("manifest/", ManifestView.as_view(), name="api-manifest"),
]


def not_found(request, *args, **kwargs):
    """Anything else under /api/ is a JSON 404 (not the site's HTML 404 page)."""
    return JsonResponse({"message": "not found"}, status=404)


urlpatterns = [
    path("api/v2/", include(rest_urlpatterns)),
    path("api/v2/", wagtail_api.urls),
    path(
        "api/schema/",
        SpectacularAPIView.as_view(patterns=[path("api/v2/", include(rest_urlpatterns))]),
        name="api-schema",
    ),
]

#: Goes last before the site's own catch-all, so that other /api/ routes still match.
not_found_urlpatterns = [re_path(r"^api/", not_found)]
