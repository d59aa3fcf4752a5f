"""The CMS host sends people to the site: "Visa publicerad", "Visa live" and any page
address on the CMS lead to that page on HUB_SITE_URL; what the site does not show is a
plain 404, and no page address answers 500."""

from __future__ import annotations

import datetime as dt

import lxml.html
import pytest
from api_factories import add_page
from casedata import make_case
from django.urls import reverse
from wagtail.models import Page, PageViewRestriction
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from cms.articles.models import InspirationArticlePage, InspirationIndexPage
from cms.core.models import HomePage, StandardPage
from cms.core.paths import page_path

SITE = "https://hub.example.org/"


@pytest.fixture(autouse=True)
def site_url(settings):
    settings.HUB_SITE_URL = SITE


def article(title="Myter om innovation", publish=True, **extra):
    return add_page(
        InspirationIndexPage.objects.get(),
        InspirationArticlePage(title=title, published_date=dt.date(2020, 10, 20), body=[], **extra),
        publish=publish,
    )


@pytest.mark.django_db
def test_a_page_address_on_the_cms_leads_to_the_site(client):
    page = article(slug="myter")

    response = client.get(page.url)

    assert page.url == "/inspiration/myter/"
    assert response.status_code == 302
    assert response.url == "https://hub.example.org/inspiration/myter/"
    home = client.get("/")
    assert home.status_code == 302 and home.url == SITE


def links_named(response, text: str) -> list[str]:
    tree = lxml.html.fromstring(response.content.decode())
    return tree.xpath(f'//a[contains(normalize-space(.), "{text}")]/@href')


@pytest.mark.django_db
def test_view_live_in_the_admin_leads_to_the_site(client, communicator):
    page = article(slug="myter")
    client.force_login(communicator)

    # "Visa publicerad" in the page explorer of the section …
    listing = client.get(reverse("wagtailadmin_explore", args=[page.get_parent().pk]))
    shown = links_named(listing, "Visa publicerad")
    assert page.url in shown
    # … and in the message after publishing from the editor.
    data = nested_form_data(
        {
            "title": "Myter om innovation",
            "slug": "myter",
            "published_date": "2020-10-20",
            "body": streamfield([("rich_text", rich_text("<p>Text.</p>"))]),
            "action-publish": "publish",
        }
    )
    published = client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data, follow=True)
    assert published.redirect_chain, published.context["form"].errors
    shown += links_named(published, "Visa publicerad")
    assert shown.count(page.url) >= 2

    for link in shown:
        response = client.get(link)
        assert response.status_code == 302, link
        assert response.url == SITE.rstrip("/") + link
    assert client.get(page.url).url == "https://hub.example.org/inspiration/myter/"


@pytest.mark.django_db
def test_a_public_case_record_leads_to_its_page_on_the_site(client, organisation, communicator):
    public = make_case(organisation, publish_as=communicator, slug="digitala-nycklar")
    make_case(
        organisation,
        publish_as=communicator,
        case_id="IS-2019-002",
        slug="internt",
        publication_level="intern",
    )

    response = client.get("/case/digitala-nycklar/")

    assert response.status_code == 302
    assert response.url == f"https://hub.example.org/case/{public.slug}/"
    assert client.get("/case/internt/").status_code == 404
    assert client.get("/case/finns-inte/").status_code == 404


@pytest.mark.django_db
def test_what_the_site_does_not_show_is_a_plain_404(client):
    draft = article("Utkast", publish=False, slug="utkast")
    restricted = article("Låst", slug="last")
    PageViewRestriction.objects.create(
        page=restricted, restriction_type=PageViewRestriction.PASSWORD, password="hemligt"
    )
    parent = add_page(HomePage.objects.get(), StandardPage(title="Förälder", body=[]))
    child = add_page(parent, StandardPage(title="Barn", body=[]))
    parent.unpublish()

    for path in (
        "/inspiration/utkast/",
        "/inspiration/last/",
        page_path(child.url_path, HomePage.objects.get().url_path),
        "/finns-inte/",
        "/inspiration/finns-inte/",
    ):
        response = client.get(path)
        assert response.status_code == 404, path
        assert "Utkast" not in response.content.decode()
    assert draft.pk and restricted.pk


@pytest.mark.django_db
def test_no_page_address_answers_500(client, organisation, communicator):
    article()
    case = make_case(organisation, publish_as=communicator)
    add_page(HomePage.objects.get(), StandardPage(title="Om oss", body=[]), publish=False)

    paths = {page.url for page in Page.objects.all() if page.url}
    paths |= {f"/case/{case.slug}/", "/case/", "/sok/", "/inspiration/sida/2/", "/x/y/z/"}
    assert len(paths) > 10
    for path in sorted(paths):
        assert client.get(path).status_code in (302, 404), path
