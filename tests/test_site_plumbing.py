"""What every site needs besides its pages, on the demo site: a sitemap that validates against
the sitemaps.org schema and lists every page, robots.txt, a 404 page that works at any
address, canonical and Open Graph tags, icons, images with their sizes, nothing loaded
from another host; and the start and programme pages read from the demo's data.

The demo site is the one built once per session by the real command line
(tests/sitefixture.py), served on localhost.
"""

from __future__ import annotations

import gzip
import re
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from lxml import etree
from PIL import Image
from sitefixture import SITE_URL
from sitehtml import Document, head, html_pages, text

XSD = Path(__file__).with_name("sitemap.xsd")
NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}
SITE_NAME = "Innovation Hub Sundsvall"
ARTICLE_TYPES = {"casestorypage", "inspirationarticlepage", "newsletterissuepage"}


@pytest.fixture(scope="module")
def site(built_site):
    return built_site


@pytest.fixture(scope="module")
def pages(site) -> dict[str, Path]:
    found = html_pages(site.root)
    assert len(found) > 150, f"only {len(found)} pages were built"
    return found


@pytest.fixture(scope="module")
def sitemap(site):
    return etree.parse(str(site.root / "sitemap.xml"))


def html(site, path: str) -> str:
    return site.file_for(path).read_text(encoding="utf-8")


def fetch(site, path: str) -> tuple[int, bytes]:
    try:
        with urllib.request.urlopen(site.url + path, timeout=10) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


# ---- Sitemap and robots.txt ---------------------------------------------------------------------


def test_sitemap_validates_against_the_sitemaps_org_schema(sitemap):
    schema = etree.XMLSchema(etree.parse(str(XSD)))
    assert schema.validate(sitemap), schema.error_log
    assert len(sitemap.findall("sm:url", NS)) <= 50_000


def test_the_schema_rejects_what_crawlers_reject():
    """The vendored schema is strict enough to catch a date in the wrong format."""
    schema = etree.XMLSchema(etree.parse(str(XSD)))

    def urlset(lastmod):
        xml = f"<url><loc>{SITE_URL}</loc><lastmod>{lastmod}</lastmod></url>"
        return etree.fromstring(f'<urlset xmlns="{NS["sm"]}">{xml}</urlset>'.encode())

    for good in ("2020-10-20", "2020-10-20T09:30:00+02:00", "2026-11-29T01:14:45.5+00:00"):
        assert schema.validate(urlset(good)), good
    for bad in ("20 oktober 2020", "2020-10-20 09:30"):
        assert not schema.validate(urlset(bad)), bad


def test_sitemap_lists_every_page_with_its_last_change(site, pages, sitemap):
    rows = {
        url.findtext("sm:loc", namespaces=NS): url.findtext("sm:lastmod", namespaces=NS)
        for url in sitemap.findall("sm:url", NS)
    }
    assert set(rows) == {SITE_URL + path.lstrip("/") for path in pages}
    # The case portal and its generated pages are there too, with real dates.
    assert SITE_URL + "case/" in rows
    assert any(loc.startswith(SITE_URL + "case/sida/") for loc in rows)
    assert all(rows.values()), [loc for loc, lastmod in rows.items() if not lastmod]
    # A CMS page's date is its last publication, as the manifest says.
    story = next(m for m in site.pages().values() if m.get("type") == "casestorypage")
    assert rows[SITE_URL + story["path"].lstrip("/")] == str(story["last_published"])


def test_sitemap_lists_no_page_that_asks_not_to_be_indexed(site, sitemap):
    listed = {urlsplit(loc.text).path for loc in sitemap.iterfind("sm:url/sm:loc", NS)}
    noindex = []
    for path in listed:
        file = site.file_for(path)
        if file and 'name="robots" content="noindex' in file.read_text(encoding="utf-8"):
            noindex.append(path)
    assert noindex == []


def test_sitemap_is_also_served_compressed(site):
    plain = (site.root / "sitemap.xml").read_bytes()
    assert gzip.decompress((site.root / "sitemap.xml.gz").read_bytes()) == plain


def test_robots_txt_allows_everything_and_points_at_the_sitemap(site):
    status, body = fetch(site, "/robots.txt")
    assert status == 200
    lines = body.decode("utf-8").splitlines()
    assert lines[:2] == ["User-agent: *", "Allow: /"]
    assert not any(line.startswith("Disallow: /") for line in lines)
    sitemaps = [line.split(":", 1)[1].strip() for line in lines if line.startswith("Sitemap:")]
    assert sitemaps == [SITE_URL + "sitemap.xml"]


# ---- 404 --------------------------------------------------------------------------------------


@pytest.mark.parametrize("path", ["/finns-inte/", "/case/finns/inte/alls/", "/a/b/c/d.html"])
def test_the_404_page_works_at_any_depth(site, path):
    status, body = fetch(site, path)
    assert status == 404
    page = body.decode("utf-8")
    assert "<h1>Sidan finns inte</h1>" in page
    doc = Document(page)
    assert any(m.get("name") == "robots" and m.get("content") == "noindex" for m in doc.all("meta"))
    assert not doc.all("link", rel="canonical")
    # Every asset and link is root-absolute, so it resolves wherever the page is served.
    tags = ("link", "script", "img", "a")
    refs = [e.get("href") or e.get("src") for e in doc.elements if e.tag in tags]
    other = ("mailto:", "tel:", "http://", "https://", "#")
    local = [r for r in refs if r and not r.startswith(other)]
    assert local and all(r.startswith("/") for r in local), local
    for ref in {e["href"] for e in doc.all("link") if e.get("rel") in ("stylesheet", "icon")}:
        assert fetch(site, ref)[0] == 200, ref


# ---- Canonical and Open Graph ------------------------------------------------------------------


def test_every_page_has_canonical_and_open_graph_tags(site, pages):
    meta = site.pages()
    for path, file in pages.items():
        tags = head(file.read_text(encoding="utf-8"))
        url = SITE_URL + path.lstrip("/")
        assert [e["href"] for e in tags.all("link", rel="canonical")] == [url], path
        assert tags.meta("og:url") == url, path
        assert tags.meta("og:site_name") == SITE_NAME, path
        assert tags.meta("og:locale") == "sv_SE", path
        front = meta[path]
        assert tags.meta("og:title") == (front.get("seo_title") or front["title"]), path
        assert tags.meta("og:description"), path
        expected_type = "article" if front.get("type") in ARTICLE_TYPES else "website"
        assert tags.meta("og:type") == expected_type, path
        image = front.get("image")
        if image:
            assert tags.meta("og:image") == SITE_URL + image["src"].lstrip("/"), path
            assert tags.meta("og:image:alt") == (image["alt"] or None), path  # decorative: none
            assert site.file_for(image["src"]), path
        else:
            assert tags.meta("og:image") is None, path


def test_a_story_is_shared_as_an_article_with_an_absolute_image(site):
    stories = [
        path
        for path, front in sorted(site.pages().items())
        if front.get("type") == "casestorypage" and front.get("image")
    ]
    assert stories  # so the image checks above are not vacuous
    story = stories[0]
    tags = head(html(site, story))
    assert tags.meta("og:type") == "article"
    image = tags.meta("og:image")
    assert image.startswith(SITE_URL + "media/")
    assert fetch(site, "/" + image.removeprefix(SITE_URL))[0] == 200
    assert int(tags.meta("og:image:width")) > 0 and int(tags.meta("og:image:height")) > 0


# ---- Icons, images, print ------------------------------------------------------------------------


def test_every_page_links_the_icons_and_they_exist(site, pages):
    for path, file in pages.items():
        tags = head(file.read_text(encoding="utf-8"))
        icons = {e["href"] for e in tags.elements if e.tag == "link" and "icon" in e.get("rel", "")}
        assert icons == {"/favicon.ico", "/assets/favicon.svg", "/assets/apple-touch-icon.png"}, (
            path
        )
    with Image.open(site.root / "assets" / "apple-touch-icon.png") as touch:
        assert touch.size == (180, 180) and touch.mode == "RGB"  # iOS: no transparency
    with Image.open(site.root / "favicon.ico") as ico:
        assert (32, 32) in ico.info["sizes"]


def test_every_image_has_its_size_and_alt_and_sizes_with_srcset(site):
    images = 0
    for file in site.html_files():
        for img in Document(file.read_text(encoding="utf-8")).all("img"):
            images += 1
            where = f"{site.url_path(file)}: {img.get('src')}"
            assert "alt" in img, where
            assert int(img["width"]) > 0 and int(img["height"]) > 0, where
            if img.get("srcset"):
                assert img.get("sizes"), where
                widths = [int(c.split()[1][:-1]) for c in img["srcset"].split(",")]
                assert len(widths) >= 2 and widths == sorted(widths), where
    assert images > 20


def test_the_stylesheet_has_print_styles(site):
    css = (site.root / "assets" / "hub.css").read_text(encoding="utf-8")
    print_css = css[css.index("@media print") :]
    for hidden in (".skip-link", ".main-menu", ".pager"):
        assert hidden in print_css


# ---- Nothing from other hosts, no cookies --------------------------------------------------------


def test_nothing_is_loaded_from_another_host_and_nothing_sets_cookies(site):
    own = urlsplit(SITE_URL).netloc
    foreign, frames = [], []
    for file in site.html_files():
        doc = Document(file.read_text(encoding="utf-8"))
        frames += [site.url_path(file) for _ in doc.all("iframe")]
        for e in doc.elements:
            if e.tag not in ("link", "script", "img", "source", "video", "audio", "embed"):
                continue
            for attr in ("href", "src", "srcset", "poster"):
                for url in re.findall(r"(?:https?:)?//[^\s,\"']+", e.get(attr, "")):
                    if urlsplit(url).netloc != own:
                        foreign.append(f"{site.url_path(file)}: <{e.tag} {attr}={url}>")
    assert foreign == [] and frames == []
    for script in [*site.root.rglob("*.js"), *site.html_files()]:
        assert "document.cookie" not in script.read_text(encoding="utf-8"), script


# ---- The start page -----------------------------------------------------------------------------


def test_home_shows_nulaget_from_the_case_register(site):
    page = html(site, "/")
    status = text(re.search(r'<section class="status".*?</section>', page, re.S).group())
    assert "Inkomna case 128" in status
    assert "varav 8 i implementering" in status
    assert "Avslutade 88" in status
    assert re.search(r"Siffror från case-registret \d{1,2} [a-z]+ \d{4}", status)


def test_home_introduces_idesluss_and_shows_the_latest(site):
    page = html(site, "/")
    main = page.split("<main", 1)[1]
    home = site.pages()["/"]
    assert text(re.search(r'<p class="lead">.*?</p>', main, re.S).group()) == home["intro"]
    headings = re.findall(r"<h2[^>]*>([^<]+)</h2>", main)
    assert len(headings) == len(set(headings)), headings  # no two sections named alike
    for heading in (
        "Nuläget",
        "Goda exempel",
        "Senaste inspiration",
        "Senaste nyhetsbrevet",
        "Kontakta Idéslussen",
    ):
        assert heading in headings, heading
    hrefs = [a.get("href") for a in Document(main).all("a")]
    for card in home["featured"] + home["latest_articles"]:
        assert card["path"] in hrefs, card["path"]
    assert home["latest_issue"]["path"] == "/nyhetsbrev/2020-10/"
    assert "/nyhetsbrev/2020-10/" in hrefs
    assert "/kontakta-oss/" in hrefs
    for more in ("/goda-exempel/", "/inspiration/", "/nyhetsbrev/"):
        assert more in hrefs, more


# ---- Innovationsprogrammet ----------------------------------------------------------------------


def test_programme_index_lists_years_with_participants(site):
    main = html(site, "/innovationsprogrammet/").split("<main", 1)[1]
    cards = re.findall(r'<li class="card.*?</li>', main, re.S)
    years = [(re.search(r'href="([^"]+)"', c).group(1), text(c)) for c in cards]
    assert [path for path, _ in years] == [
        "/innovationsprogrammet/2019/",
        "/innovationsprogrammet/2018/",
    ]
    assert "40 deltagare" in years[0][1] and "25 deltagare" in years[1][1]


def test_programme_year_lists_its_sessions_in_date_order(site):
    page = html(site, "/innovationsprogrammet/2019/")
    assert "<dt>Deltagare</dt><dd>40</dd>" in page
    assert "<dt>Träffar</dt><dd>8</dd>" in page
    assert "<dt>Antal dagar</dt><dd>10</dd>" in page
    section = re.search(r'<section aria-labelledby="traffar">.*?</section>', page, re.S).group()
    assert '<h2 id="traffar">Träffar 2019</h2>' in section
    assert '<ol class="sessions" aria-labelledby="traffar">' in section
    times = re.findall(r'<time datetime="([^"]+)">([^<]+)</time>', section)
    assert len(times) == 8
    assert [d for d, _ in times] == sorted(d for d, _ in times)
    assert all(d.startswith("2019-") for d, _ in times)
    assert times[0] == ("2019-02-06", "6\u00a0februari\u00a02019")
