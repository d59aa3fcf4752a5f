"""The theme `themes/hub` renders every page type of the content contract accessibly.

The sample content (tests/theme_sample.py: one page of every type, following
themes/hub/README.md) is built with MkDocs and the real site/mkdocs.yml, so the strict build
(broken internal links fail it) runs too. Assertions read the built HTML.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

import pytest
from theme_sample import (
    ARTICLE_CARD,
    CONTACT,
    DEMENTIA_CARD,
    ISSUE_OCT,
    ISSUE_SEPT,
    MEALS_CARD,
    ROOT,
    STATUS_OCT,
    STORY_CARD,
)
from theme_sample_pages import PAGES, build_site, write_sample_content

SUFFIX = " – Innovation Hub Sundsvall"


# ---- HTML reading ---------------------------------------------------------------------


class Outline(HTMLParser):
    """Elements with their attributes in document order, and the heading levels."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict]] = []
        self.headings: list[int] = []
        self.title = ""
        self._in_title = False

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, dict(attrs)))
        if re.fullmatch(r"h[1-6]", tag):
            self.headings.append(int(tag[1]))
        # The document's <title> (the first); an SVG's <title> names only its graphic.
        self._in_title = tag == "title" and not self.title

    def handle_endtag(self, tag):
        if tag == "title":
            self._in_title = False

    def handle_data(self, data):
        if self._in_title:
            self.title += data

    def all(self, tag: str) -> list[dict]:
        return [attrs for name, attrs in self.elements if name == tag]


def parse(html: str) -> Outline:
    outline = Outline()
    outline.feed(html)
    return outline


def status_figures(html: str) -> dict[str, str]:
    """The Nuläget box as a reader hears it: label → text of the figure."""
    box = re.search(r'<section class="status".*?</section>', html, re.S).group()
    pairs = re.findall(r"<dt>(.*?)</dt>\s*<dd>(.*?)</dd>", box, re.S)
    # Collapse ASCII whitespace only: the narrow no-break space in "4 000" is content.
    return {dt: re.sub(r"[ \t\n]+", " ", re.sub(r"<[^>]+>", " ", dd)).strip() for dt, dd in pairs}


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("hubtheme")
    write_sample_content(root / "content")
    build_site(root / "content", root / "out")
    return root / "out"


def html_of(site: Path, path: str) -> str:
    return (site / path.strip("/") / "index.html").read_text(encoding="utf-8")


ALL_PATHS = [path for path, _, _ in PAGES]
TEMPLATES = {meta["template"]: path for path, meta, _ in reversed(PAGES)}


# ---- Every page -----------------------------------------------------------------------


def test_every_template_of_the_contract_is_exercised():
    readme = (ROOT / "themes" / "hub" / "README.md").read_text(encoding="utf-8")
    contract = set(re.findall(r"^\| `(\w+\.html)` \|", readme, flags=re.M))
    assert contract and contract <= set(TEMPLATES)


@pytest.mark.parametrize("path", ALL_PATHS)
def test_page_is_swedish_with_skip_link_first_and_one_h1(site, path):
    html = html_of(site, path)
    outline = parse(html)
    assert outline.all("html")[0].get("lang") == "sv"
    body_at = next(i for i, (tag, _) in enumerate(outline.elements) if tag == "body")
    first_link = next(attrs for tag, attrs in outline.elements[body_at:] if tag == "a")
    assert first_link.get("href") == "#innehall"
    assert re.search(r'<a class="skip-link" href="#innehall">Till innehållet</a>', html)
    assert [m.get("id") for m in outline.all("main")] == ["innehall"]
    assert outline.headings.count(1) == 1


@pytest.mark.parametrize("path", ALL_PATHS)
def test_headings_do_not_skip_levels(site, path):
    levels = parse(html_of(site, path)).headings
    assert levels[0] == 1
    for before, after in zip(levels, levels[1:], strict=False):
        assert after <= before + 1, f"h{before} följs av h{after}: {levels}"


@pytest.mark.parametrize("path", ALL_PATHS)
def test_landmarks_menu_and_legal_footer_links(site, path):
    html = html_of(site, path)
    outline = parse(html)
    assert outline.all("header") and outline.all("footer")
    labels = [n.get("aria-label") for n in outline.all("nav")]
    assert "Huvudmeny" in labels
    hrefs = [a.get("href") for a in outline.all("a")]
    for target in (
        "/case/",
        "/goda-exempel/",
        "/inspiration/",
        "/innovationsprogrammet/",
        "/nyhetsbrev/",
        "/sa-arbetar-ideslussen/",
        "/tillganglighetsredogorelse/",
        "/behandling-av-personuppgifter/",
        f"mailto:{CONTACT}",
    ):
        assert target in hrefs, target


@pytest.mark.parametrize("path", ALL_PATHS)
def test_head_title_description_and_canonical(site, path):
    meta = next(m for p, m, _ in PAGES if p == path)
    outline = parse(html_of(site, path))
    heading = meta["seo_title"] or meta["title"]
    expected = "Innovation Hub Sundsvall" if path == "/" else heading + SUFFIX
    assert outline.title == expected
    canonical = [n["href"] for n in outline.all("link") if n.get("rel") == "canonical"]
    assert canonical == ["http://127.0.0.1:8001" + path]
    assert any(n.get("name") == "viewport" for n in outline.all("meta"))
    descriptions = [n.get("content") for n in outline.all("meta") if n.get("name") == "description"]
    assert len(descriptions) == 1 and descriptions[0].strip()


@pytest.mark.parametrize("path", ALL_PATHS)
def test_images_have_alt_and_size_and_assets_are_local(site, path):
    outline = parse(html_of(site, path))
    for img in outline.all("img"):
        assert "alt" in img, img
        assert img.get("width", "").isdigit() and img.get("height", "").isdigit(), img
        assert img["src"].startswith("/")
    # Only the search page and the newsletter's pages (its sign-up form) load a script,
    # their own; without it the search page lists every page and the form posts as it is.
    scripts = [n.get("src") for n in outline.all("script")]
    expected = []
    if path == "/sok/":
        expected = ["/assets/search.js"]
    elif path.startswith("/nyhetsbrev/"):
        expected = ["/assets/subscribe.js"]
    assert scripts == expected, "sidan ska fungera utan JavaScript"
    for tag, attr in (("img", "src"), ("link", "href"), ("source", "src"), ("iframe", "src")):
        for node in outline.all(tag):
            if tag == "link" and node.get("rel") == "canonical":
                continue
            assert not re.match(r"(https?:)?//", node.get(attr, "")), node
    stylesheets = [n["href"] for n in outline.all("link") if n.get("rel") == "stylesheet"]
    assert stylesheets == ["/assets/hub.css"]


def test_current_section_is_marked_in_the_menu(site):
    menu = re.search(r'<nav class="main-menu".*?</nav>', html_of(site, "/case/"), re.S).group()
    assert '<a href="/case/" aria-current="page">Case</a>' in menu
    deep = html_of(site, "/case/tidigare-upptackt-av-demenssjukdom/")
    menu = re.search(r'<nav class="main-menu".*?</nav>', deep, re.S).group()
    assert '<a href="/case/" aria-current="true">Case</a>' in menu
    assert menu.count("aria-current") == 1
    assert 'aria-label="Du är här"' in deep


def test_plain_text_from_the_cms_is_escaped(site):
    html = html_of(site, STORY_CARD["path"])
    assert "<h1>Mat &amp; miljö: när eleverna vägde sitt svinn</h1>" in html


# ---- Page types -----------------------------------------------------------------------


def test_home_shows_status_as_text_and_listings(site):
    html = html_of(site, "/")
    assert '<time datetime="2020-10-20">20\u00a0oktober\u00a02020</time>' in html
    assert status_figures(html) == {
        "Inkomna case": "172",
        "Pågående": "61 varav 9 i implementering",
        "Avslutade": "111 varav 64 införda eller överlämnade",
    }
    assert STORY_CARD["path"] in html and ARTICLE_CARD["path"] in html
    assert ISSUE_OCT["path"] in html
    assert f'<a href="mailto:{CONTACT}">' in html


def test_swedish_numbers_in_status():
    """Numbers go through swedish_number: thousands get a narrow no-break space."""
    from jinja2 import Environment, FileSystemLoader

    from swedish import swedish_date, swedish_number

    env = Environment(loader=FileSystemLoader(ROOT / "themes" / "hub"))
    env.filters.update(swedish_number=swedish_number, swedish_date=swedish_date)
    html = env.get_template("partials/status.html").render(status={**STATUS_OCT, "received": 4000})
    assert status_figures(html)["Inkomna case"] == "4\u202f000"


def test_case_page_shows_facts_people_and_history(site):
    html = html_of(site, "/case/tidigare-upptackt-av-demenssjukdom/")
    facts = re.search(r'<dl class="facts">.*?</dl>', html, re.S).group()
    for label in (
        "Id",
        "Fas",
        "Inkom",
        "Hemvist",
        "Deltagande organisationer",
        "Partner",
        "Målgrupper",
        "Typ av innovation",
        "Metoder",
        "Ämnen",
        "Globala mål",
        "Teamets storlek",
    ):
        assert f"<dt>{label}</dt>" in facts, label
    assert "<dt>Utfall</dt>" not in facts  # no outcome while the case is open
    assert '<time datetime="2018-04-16">16\u00a0april\u00a02018</time>' in facts
    assert "Mål 3: God hälsa och välbefinnande" in facts
    assert "10 personer" in facts
    # People: role and unit; a name only where the CMS sends one.
    assert "<li>Sjuksköterska, Socialtjänsten, Vård- och omsorgsförvaltningen</li>" in html
    assert "<li>Helena Forsberg – Biståndshandläggare, Myndighetsenheten</li>" in html
    # Results: only the sections with text.
    for heading in ("Resultat", "Utmaningar på vägen", "Lärdomar", "Nästa steg"):
        assert f">{heading}</h2>" in html
    for heading in ("Uppmätta effekter", "Spridning till andra organisationer"):
        assert heading not in html
    assert "Goda exempel om caset" not in html  # no stories
    history = re.search(r'<ol class="phase-history">.*?</ol>', html, re.S).group()
    assert (
        '<time datetime="2019-09-10">10\u00a0september\u00a02019</time>: Idé- och konceptutveckling'
    ) in history
    assert ISSUE_OCT["path"] in html
    # The challenge keeps its paragraphs.
    assert html.count("tidiga tecken") == 1 and "<p>Det behövs ett sätt" in html


def test_closed_case_shows_outcome_and_phase_as_text(site):
    html = html_of(site, "/case/skolrestauranger-som-slanger-mindre-mat/")
    assert "<dt>Utfall</dt><dd>Infört i verksamheten</dd>" in html
    assert '<span class="phase phase--avslutad">Avslutad</span>' in html
    received = '<time datetime="2017-09-18">18\u00a0september\u00a02017</time>'
    assert f"<dt>Inkom</dt><dd>{received}</dd>" in html
    assert STORY_CARD["path"] in html
    for absent in ("Målgrupper", "Teamets storlek", "Idébärare", "Forskningsprojekt"):
        assert absent not in html


def test_case_portal_lists_cases_with_id_and_phase(site):
    html = html_of(site, "/case/")
    assert "Här finns 2 case." in html
    assert (
        "IS-2018-004" in html
        and '<p class="card__phase">Fas: <strong class="phase">Avslutad</strong></p>' in html
    )


def test_statistics_chart_numbers_stay_plain_and_the_text_is_swedish(site):
    """The theme's Jinja ``finalize`` puts no-break spaces into printed text ("1 180"); the
    chart's coordinates are numbers and must reach the SVG as they are."""
    html = html_of(site, "/case/statistik/")
    charts = re.findall(r'<svg class="chart".*?</svg>', html, re.S)
    assert len(charts) == 2
    for chart in charts:
        svg = ET.fromstring(chart)  # well-formed XML
        for element in svg.iter():
            for name, value in element.attrib.items():
                if name in ("x", "y", "x1", "x2", "y1", "y2", "width", "height"):
                    assert re.fullmatch(r"\d+(\.\d)?", value), (element.tag, name, value)
                assert "\u00a0" not in value and "\u202f" not in value, (name, value)
    # The figure after the 2019 bar, in text: a narrow no-break space between digit groups.
    assert ">1\u202f820</text>" in charts[1]
    assert (
        '<th scope="row"><time datetime="2019-12-31">31\u00a0december\u00a02019</time></th>' in html
    )
    assert "<td>1\u202f180</td>" in html
    assert '<caption id="tabell-rubrik">' in html and 'aria-labelledby="tabell-rubrik"' in html


def test_newsletter_issue_links_neighbours_and_archive(site):
    html = html_of(site, ISSUE_OCT["path"])
    assert f'href="{ISSUE_SEPT["path"]}" rel="prev"' in html
    assert 'rel="next"' not in html
    assert '<a href="/nyhetsbrev/">Alla nummer</a>' in html
    assert 'Nummer 12, utgivet <time datetime="2020-10-20">20\u00a0oktober\u00a02020</time>' in html
    assert status_figures(html)["Inkomna case"] == "172"


def test_newsletter_archive_groups_by_year(site):
    html = html_of(site, "/nyhetsbrev/")
    assert '<h2 id="ar-2020">2020</h2>' in html
    assert html.index(ISSUE_OCT["path"]) < html.index(ISSUE_SEPT["path"])


def test_programme_page_lists_sessions(site):
    html = html_of(site, "/innovationsprogrammet/2019/")
    assert "<dt>Deltagare</dt><dd>40</dd>" in html
    assert "Amplify Innovation AB" in html
    assert '<time datetime="2019-02-05">5\u00a0februari\u00a02019</time>' in html


def test_article_shows_date_and_related_cases(site):
    html = html_of(site, ARTICLE_CARD["path"])
    assert '<time datetime="2020-03-09">9\u00a0mars\u00a02020</time>' in html
    assert DEMENTIA_CARD["path"] in html
    assert 'loading="eager"' in html  # the lead image is not lazy


def test_story_links_its_case(site):
    html = html_of(site, STORY_CARD["path"])
    assert f'<a href="{MEALS_CARD["path"]}">' in html and "IS-2017-011" in html


# ---- Static templates -----------------------------------------------------------------


def test_404_page_helps_in_swedish(site):
    html = (site / "404.html").read_text(encoding="utf-8")
    outline = parse(html)
    assert outline.all("html")[0].get("lang") == "sv"
    assert outline.title == "Sidan finns inte" + SUFFIX
    hrefs = [a.get("href") for a in outline.all("a")]
    assert "/" in hrefs and "/case/" in hrefs and "/tillganglighetsredogorelse/" in hrefs
    assert any(m.get("name") == "robots" for m in outline.all("meta"))
    assert "aria-current" not in html  # served at any address: no menu item is current


def test_sitemap_lists_pages_from_the_data_file(site):
    xml = (site / "sitemap.xml").read_text(encoding="utf-8")
    assert xml.startswith('<?xml version="1.0" encoding="UTF-8"?>')
    assert "<loc>http://127.0.0.1:8001/case/</loc>" in xml
    assert xml.count("<lastmod>2020-10-21</lastmod>") == len(PAGES)


def test_sitemap_without_data_file_is_empty(tmp_path):
    content = tmp_path / "content"
    write_sample_content(content)
    (content / ".data" / "sitemap.json").unlink()
    build_site(content, tmp_path / "out")
    xml = (tmp_path / "out" / "sitemap.xml").read_text(encoding="utf-8")
    assert "<urlset" in xml and "<url>" not in xml
