"""URLs of the CMS. The public site is static; Django serves the admin, the API and previews
(``cms.publishing``), and sends anyone who asks for a page here to the site."""

import re

from django.conf import settings
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls
from wagtail.images.views.serve import ServeView

from cms.api.urls import not_found_urlpatterns as api_not_found_urlpatterns
from cms.api.urls import urlpatterns as api_urlpatterns
from cms.publishing.site_links import case_on_site

urlpatterns = [
    *api_urlpatterns,
    path("admin/", include(wagtailadmin_urls)),
    path("prenumeration/", include("cms.newsletter.urls")),
    path("documents/", include(wagtaildocs_urls)),
    path(
        "images/<str:signature>/<int:image_id>/<str:filter_spec>/",
        ServeView.as_view(),
        name="wagtailimages_serve",
    ),
]

if settings.DEBUG:
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()

if settings.HUB_SERVE_MEDIA:
    # The build step reads images and documents over HTTP, also from the CMS in its own
    # process (as a remote build would), so the CMS must answer for MEDIA_URL wherever media
    # live on its local disk. (django.conf.urls.static.static() only works with DEBUG on.)
    # Visitors get only the files of public media; editors everything (cms.publishing.media).
    from cms.publishing.media import serve_media

    urlpatterns += [
        re_path(rf"^{re.escape(settings.MEDIA_URL.lstrip('/'))}(?P<path>.*)$", serve_media)
    ]

urlpatterns += [
    *api_not_found_urlpatterns,
    # Pages' and case records' addresses lead to the site (cms.publishing.site_links; pages
    # through Wagtail's before_serve_page hook).
    path("case/<slug:slug>/", case_on_site),
    path("", include(wagtail_urls)),
]
