"""The CMS's site settings reach the site: after a change in the CMS the next build, an
incremental one, shows the new contact details in the header and footer of every page, on
the 404 page and on the contact page; and every absolute URL follows the site's address.
The pull checks what the API sends before the theme shows it."""

from __future__ import annotations

import re

import pytest
from sitebuild_helpers import Site, add_fixed_pages
from wagtail.models import Site as WagtailSite

from cms.core.models import HomePage, HubSettings, StandardPage
from sitebuild.contract import CASE_DATA_PATH
from sitebuild.pull.client import ApiError
from sitebuild.pull.site import site_data, tel_uri

CONTACT_PATH = "/kontakta-oss/"


def _footer(html: str) -> str:
    return html.split('<footer class="site-footer">', 1)[1]


def _main(html: str) -> str:
    return html.split("<main", 1)[1].split("</main>", 1)[0]


@pytest.fixture
def small_site(db, tmp_path, settings) -> tuple[Site, HubSettings]:
    settings.HUB_SITE_URL = "http://127.0.0.1:8001/"
    add_fixed_pages()
    contact = StandardPage(
        title="Kontakta oss", slug="kontakta-oss", body=[("rich_text", "<p>Hör av dig.</p>")]
    )
    contact.live = False
    HomePage.objects.get().add_child(instance=contact)
    contact.save_revision().publish()
    hub = HubSettings.objects.create(
        site=WagtailSite.objects.get(is_default_site=True),
        organisation_name="Idésluss Sundsvall",
        contact_email="idesluss@sundsvall.se",
        contact_phone="060-19 10 00",
        postal_address="Sundsvalls kommun\n851 85 Sundsvall",
        contact_page=contact,
    )
    site = Site(tmp_path)
    site.build()
    return site, hub


def test_a_changed_setting_is_on_every_page_after_the_next_build(small_site):
    site, hub = small_site
    every = site.page_paths()
    pages = every - {CASE_DATA_PATH}  # the case filter's data: no page for visitors
    assert all("060-19 10 00" in _footer(site.html(path)) for path in pages)

    hub.organisation_name = "Innovationsenheten"
    hub.contact_email = "innovation@sundsvall.se"
    hub.contact_phone = "060-12 34 56"
    hub.postal_address = "Box 1\n851 85 Sundsvall"
    hub.footer_text = "Vi svarar inom två arbetsdagar."
    hub.save()
    summary = site.build()  # incremental: not --full

    assert not summary.pulled.full and summary.pulled.fetched == 0  # no page changed
    assert ".data/site.json" in summary.pulled.written
    assert summary.rendered == len(every) and site.page_paths() == every
    for path in pages:
        html = site.html(path)
        footer = _footer(html)
        assert "drivs av Innovationsenheten." in footer, path
        assert '<a href="mailto:innovation@sundsvall.se">' in footer, path
        assert '<a href="tel:+4660123456">060-12 34 56</a>' in footer, path
        assert "Box 1<br>851 85 Sundsvall" in footer, path
        assert "Vi svarar inom två arbetsdagar." in footer, path
        assert f'<a href="{CONTACT_PATH}">Kontakta oss</a>' in footer, path
        assert '<span class="site-header__org">Innovationsenheten</span>' in html, path
        assert "060-19 10 00" not in html and "idesluss@sundsvall.se" not in html, path
        # Only the contact page shows the details in its main content.
        assert ("Kontaktuppgifter" in _main(html)) == (path == CONTACT_PATH), path
    assert "060-12 34 56" in _main(site.html(CONTACT_PATH))
    not_found = (site.out / "404.html").read_text(encoding="utf-8")
    assert '<a href="mailto:innovation@sundsvall.se">' in not_found

    assert site.build().skipped  # and then nothing to do


def test_a_moved_contact_page_is_linked_at_its_new_path_from_every_page(small_site):
    site, hub = small_site
    hub.contact_page.move(StandardPage.objects.get(slug="sa-arbetar-ideslussen"), "last-child")
    site.build()

    new = "/sa-arbetar-ideslussen/kontakta-oss/"
    for path in site.page_paths() - {CASE_DATA_PATH}:
        html = site.html(path)
        assert f'<a href="{new}">Kontakta oss</a>' in _footer(html), path
        assert ("Kontaktuppgifter" in _main(html)) == (path == new), path


def test_every_absolute_url_follows_the_sites_address(small_site):
    site, _hub = small_site
    assert 'rel="canonical" href="http://127.0.0.1:8001/"' in site.html("/")  # the CMS's

    site.build(site_url="https://hub.example.org")
    for path in site.page_paths() - {CASE_DATA_PATH}:
        html = site.html(path)
        assert f'rel="canonical" href="https://hub.example.org{path}"' in html, path
    for path in site.page_paths():
        assert "127.0.0.1:8001" not in site.html(path), path
    for rel in ("sitemap.xml", "robots.txt", "nyhetsbrev/rss.xml", "goda-exempel/atom.xml"):
        text = (site.out / rel).read_text(encoding="utf-8")
        assert "https://hub.example.org/" in text and "127.0.0.1:8001" not in text, rel


# ---- What the pull accepts from /api/v2/site/ -----------------------------------------------

ANSWER = {
    "site_url": "http://127.0.0.1:8001/",
    "organisation_name": "Idésluss Sundsvall",
    "contact_email": "idesluss@sundsvall.se",
    "contact_phone": "060-19 10 00",
    "postal_address": "Sundsvalls kommun\r\n\r\n851 85 Sundsvall\n",
    "footer_text": "Text\x07 i sidfoten ",
    "contact_page": "/kontakta-oss/",
    "newsletter_signup_url": "https://cms.example.org/prenumeration/",
}


def test_the_data_file_holds_the_settings_checked_and_ready_for_the_theme():
    assert site_data(ANSWER, "site/") == {
        "site_url": "http://127.0.0.1:8001/",
        "organisation_name": "Idésluss Sundsvall",
        "contact_email": "idesluss@sundsvall.se",
        "contact_phone": "060-19 10 00",
        "contact_phone_uri": "tel:+4660191000",
        "postal_address": ["Sundsvalls kommun", "851 85 Sundsvall"],
        "footer_text": "Text i sidfoten",
        "contact_page": "/kontakta-oss/",
        "newsletter_signup_url": "https://cms.example.org/prenumeration/",
        "newsletter_signup_origin": "https://cms.example.org",
    }
    assert site_data(ANSWER, "site/", "https://hub.example.org")["site_url"] == (
        "https://hub.example.org/"
    )


@pytest.mark.parametrize(
    ("field", "value", "error"),
    [
        ("site_url", "hub.example.org", ValueError),
        ("site_url", "javascript:alert(1)", ValueError),
        ("contact_email", "inte en adress", ApiError),
        ("contact_email", 'a@b.se"><script>', ApiError),
        ("contact_page", "//evil.example.org/", ApiError),
        ("contact_page", "javascript:alert(1)", ApiError),
        ("newsletter_signup_url", "/prenumeration/", ApiError),
        ("newsletter_signup_url", "javascript:alert(1)", ApiError),
    ],
)
def test_an_implausible_answer_fails_the_pull_with_the_field_named(field, value, error):
    with pytest.raises(error, match=re.escape(field) if error is ApiError else "adress"):
        site_data({**ANSWER, field: value}, "site/")


def test_an_answer_without_the_fields_fails_the_pull():
    with pytest.raises(ApiError, match="contact_page"):
        site_data({k: v for k, v in ANSWER.items() if k != "contact_page"}, "site/")


@pytest.mark.parametrize(
    ("phone", "uri"),
    [
        ("060-19 10 00", "tel:+4660191000"),
        ("+46 60 19 10 00", "tel:+4660191000"),
        ("0046 60 19 10 00", "tel:+4660191000"),
        ("växeln", None),
        ("", None),
    ],
)
def test_a_phone_number_becomes_a_tel_link_of_its_digits(phone, uri):
    assert tel_uri(phone) == uri
