"""``/api/v2/site/``: the site settings the public site shows, public fields only, and the
site's address; the contact page only while it is public."""

import pytest
from api_factories import add_page, get_json
from django.test import override_settings
from wagtail.models import Site

from cms.core.models import HubSettings, StandardPage

URL = "/api/v2/site/"
PUBLIC_FIELDS = {
    "site_url",
    "organisation_name",
    "contact_email",
    "contact_phone",
    "postal_address",
    "footer_text",
    "contact_page",
    "newsletter_signup_url",
}


@pytest.fixture
def hub_settings(db, home):
    contact = add_page(home, StandardPage(title="Kontakta oss", slug="kontakta-oss"))
    return HubSettings.objects.create(
        site=Site.objects.get(is_default_site=True),
        organisation_name="Idésluss Sundsvall",
        contact_email="idesluss@sundsvall.se",
        contact_phone="060-19 10 00",
        postal_address="Sundsvalls kommun\n851 85 Sundsvall",
        footer_text="Idéslussen prövar idéer.",
        contact_page=contact,
    )


@override_settings(
    HUB_SITE_URL="https://hub.example.org/", WAGTAILADMIN_BASE_URL="https://cms.example.org"
)
def test_the_settings_are_given_with_public_fields_only(client, hub_settings):
    assert get_json(client, URL) == {
        "site_url": "https://hub.example.org/",
        "organisation_name": "Idésluss Sundsvall",
        "contact_email": "idesluss@sundsvall.se",
        "contact_phone": "060-19 10 00",
        "postal_address": "Sundsvalls kommun\n851 85 Sundsvall",
        "footer_text": "Idéslussen prövar idéer.",
        "contact_page": "/kontakta-oss/",
        "newsletter_signup_url": "https://cms.example.org/prenumeration/",
    }


def test_a_new_model_field_does_not_leak(client, hub_settings):
    """The answer names exactly the public fields, not what else the model holds (its id,
    its site) or any field added to it later."""
    model_fields = {f.name for f in HubSettings._meta.get_fields()}
    assert set(get_json(client, URL)) == PUBLIC_FIELDS
    assert {"id", "site"} <= model_fields - PUBLIC_FIELDS


def test_before_anyone_saved_the_settings_their_defaults_are_given_and_nothing_is_written(
    client, db
):
    data = get_json(client, URL)
    assert data["organisation_name"] == "Idésluss Sundsvall"
    assert data["contact_email"] == "idesluss@sundsvall.se"
    assert data["contact_page"] is None
    assert not HubSettings.objects.exists()


def test_a_contact_page_that_is_not_public_is_not_named(client, hub_settings):
    hub_settings.contact_page.unpublish()
    assert get_json(client, URL)["contact_page"] is None


def test_unknown_parameters_are_refused(client, db):
    data = get_json(client, URL + "?fields=*", status=400)
    assert "fields" in data["errors"]
