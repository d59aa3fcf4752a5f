"""``/api/v2/site/``: what the public site shows of the site settings (``HubSettings``),
and the site's own public address.

The build step fetches it on every pull, like the taxonomies and the statistics, and
compares it with what it had: a change (a new phone number, another contact page, another
``HUB_SITE_URL``) makes the next build render every page again, since every page shows
these in its header and footer.
"""

from django.conf import settings
from django.urls import reverse
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.response import Response
from rest_framework.views import APIView
from wagtail.models import Site

from cms.core.models import HubSettings

from .params import StrictParametersMixin
from .resolver import Resolver


class SiteSerializer(serializers.Serializer):
    site_url = serializers.URLField(
        help_text="The static site's public address (HUB_SITE_URL), ending with a slash: "
        "canonical links, feeds and the sitemap start with it."
    )
    organisation_name = serializers.CharField(help_text="Who runs the site.")
    contact_email = serializers.EmailField(help_text="A shared mailbox, never a person's.")
    contact_phone = serializers.CharField(allow_blank=True)
    postal_address = serializers.CharField(allow_blank=True, help_text="Lines end with \\n.")
    footer_text = serializers.CharField(allow_blank=True)
    contact_page = serializers.CharField(
        allow_null=True,
        help_text="Public path of the contact page; null when none is chosen or it is not public.",
    )
    newsletter_signup_url = serializers.URLField(
        help_text="Where the site's newsletter form posts (the CMS's /prenumeration/)."
    )


def site_settings() -> dict:
    """The public fields of the default site's settings (their defaults while nobody has
    saved them: reading writes nothing) and the site's address."""
    site = Site.objects.filter(is_default_site=True).first()
    hub = HubSettings.objects.filter(site=site).first() if site else None
    hub = hub or HubSettings()
    return {
        "site_url": settings.HUB_SITE_URL,
        "organisation_name": hub.organisation_name,
        "contact_email": hub.contact_email,
        "contact_phone": hub.contact_phone,
        "postal_address": hub.postal_address,
        "footer_text": hub.footer_text,
        "contact_page": _public_path(hub.contact_page_id),
        "newsletter_signup_url": settings.WAGTAILADMIN_BASE_URL + reverse("newsletter_sign_up"),
    }


def _public_path(page_id: int | None) -> str | None:
    if page_id is None:
        return None
    resolver = Resolver()
    url_path = resolver.public_pages().filter(pk=page_id).values_list("url_path", flat=True).first()
    return resolver.path_for(url_path) if url_path else None


class SiteView(StrictParametersMixin, APIView):
    """The contact details and texts the public site shows on every page (the CMS's
    "Webbplatsinställningar": organisation, e-mail, phone, postal address, footer text),
    the public path of the contact page and the site's public address. Only these fields:
    nothing else of the settings, nor who changed them or when."""

    @extend_schema(responses=SiteSerializer)
    def get(self, request):
        return Response(SiteSerializer(site_settings()).data)
