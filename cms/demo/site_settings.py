"""The demo's site settings: the contact details every page of the site shows, and the
contact page that shows them too."""

from wagtail.models import Site

from cms.core.models import HubSettings

CONTACT = {
    "organisation_name": "Idésluss Sundsvall",
    "contact_email": "idesluss@sundsvall.se",
    "contact_phone": "060-19 10 00",
    "postal_address": "Idésluss Sundsvall\nSundsvalls kommun\n851 85 Sundsvall",
    "footer_text": "Idéslussen hjälper medarbetare i Sundsvalls kommun att pröva sina idéer.",
}


def ensure_site_settings(pages, report) -> HubSettings:
    """Idéslussen's contact details and the contact page (``pages["kontakt"]``), unless
    the settings were saved before: what a communicator changed stays."""
    site = Site.objects.get(is_default_site=True)
    settings, created = HubSettings.objects.get_or_create(
        site=site, defaults={**CONTACT, "contact_page": pages["kontakt"]}
    )
    report.add("Webbplatsinställningar", created)
    return settings
