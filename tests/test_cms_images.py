"""Images need alt text written for their use, unless the editor ticks "Dekorativ bild":
then the API gives an empty alt text, and the site writes ``alt=""`` (a screen reader
skips the image). Through the real admin forms and the real API."""

import json

import pytest
from api_factories import get_json, make_image
from django.urls import reverse
from wagtail.test.utils.form_data import nested_form_data, streamfield

from cms.core.models import StandardPage

pytestmark = pytest.mark.django_db


def _add_standard_page(client, home, title, image_block, **fields):
    url = reverse("wagtailadmin_pages:add", args=("core", "standardpage", home.pk))
    data = nested_form_data(
        {
            "title": title,
            "slug": "",
            "body": streamfield([("image", image_block)]),
            "action-publish": "publish",
            **fields,
        }
    )
    return client.post(url, data)


def _errors(response) -> str:
    """The form's errors as text, those of StreamField blocks included."""
    errors = []
    for field, found in response.context["form"].errors.as_data().items():
        for error in found:
            data = error.as_json_data() if hasattr(error, "as_json_data") else error.messages
            errors.append(f"{field}: {json.dumps(data, ensure_ascii=False)}")
    return "\n".join(errors)


def test_an_image_without_alt_text_is_refused_unless_decorative(client, communicator, home):
    client.force_login(communicator)
    image = make_image("Mönster")
    block = {"image": image.pk, "alt_text": "", "caption": ""}

    refused = _add_standard_page(client, home, "Utan alternativtext", block)
    assert refused.status_code == 200
    assert "Skriv en alternativtext för bilden, eller kryssa i att den är dekorativ." in (
        _errors(refused)
    )
    assert not StandardPage.objects.filter(title="Utan alternativtext").exists()

    saved = _add_standard_page(client, home, "Med dekorativ bild", block | {"decorative": "on"})
    assert saved.status_code == 302
    page = StandardPage.objects.get(title="Med dekorativ bild")
    assert page.live and page.body[0].value["decorative"] is True

    item = get_json(client, f"/api/v2/pages/{page.pk}/")
    value = item["body"][0]["value"]
    assert value["decorative"] is True and value["alt"] == ""
    assert all(r["alt"] == "" for r in value["renditions"].values())


def test_alt_text_of_a_decorative_image_never_reaches_the_site(client, communicator, home):
    """An editor who first wrote an alt text and then ticked the box: the image is
    decorative, the text stays in the CMS."""
    client.force_login(communicator)
    image = make_image("Ränder")
    block = {"image": image.pk, "decorative": "on", "alt_text": "Blå ränder", "caption": ""}
    assert _add_standard_page(client, home, "Ränder", block).status_code == 302
    page = StandardPage.objects.get(title="Ränder")
    value = get_json(client, f"/api/v2/pages/{page.pk}/")["body"][0]["value"]
    assert value["alt"] == "" and value["decorative"] is True


def test_a_listing_image_needs_alt_text_unless_decorative(client, communicator, home):
    client.force_login(communicator)
    image = make_image("Kort")
    text = {"image": image.pk, "alt_text": "Ett foto", "caption": ""}

    refused = _add_standard_page(client, home, "Kort utan text", text, listing_image=image.pk)
    assert refused.status_code == 200
    assert "Skriv en alternativtext för bilden, eller kryssa i att den är dekorativ." in (
        _errors(refused)
    )

    saved = _add_standard_page(
        client,
        home,
        "Kort med dekorativ bild",
        text,
        listing_image=image.pk,
        listing_image_decorative="on",
    )
    assert saved.status_code == 302
    page = StandardPage.objects.get(title="Kort med dekorativ bild")
    card = get_json(client, f"/api/v2/pages/{page.pk}/")["listing_image"]
    assert card["decorative"] is True and card["alt"] == ""

    page.listing_image_decorative = False
    page.listing_image_alt = "Ett kort"
    page.save_revision().publish()
    card = get_json(client, f"/api/v2/pages/{page.pk}/")["listing_image"]
    assert card["decorative"] is False and card["alt"] == "Ett kort"
