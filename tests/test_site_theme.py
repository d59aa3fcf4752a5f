"""The theme `themes/hub` renders every page type of the content contract accessibly.

Sample content is generated here from Python dicts, following themes/hub/README.md (front
matter per template, HTML body), and built with MkDocs and the real site/mkdocs.yml, so the
strict build (broken internal links fail it) runs too. Assertions read the built HTML.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import zlib
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
MKDOCS_YML = ROOT / "site" / "mkdocs.yml"
CONTACT = "idesluss@sundsvall.se"
SUFFIX = " – Innovation Hub Sundsvall"


# ---- Sample content -------------------------------------------------------------------


def image(name: str, alt: str, width: int = 800, height: int = 533) -> dict:
    src = f"/media/images/{name}.width-{width}.svg"
    return {
        "src": src,
        "width": width,
        "height": height,
        "alt": alt,
        "srcset": f"/media/images/{name}.width-400.svg 400w, {src} {width}w",
    }


def card(title, path, summary="", date="", img=None, label="", **extra) -> dict:
    return {
        "title": title,
        "path": path,
        "summary": summary,
        "date": date,
        "image": img,
        "label": label,
        **extra,
    }


DEMENTIA_IMG = image("demens", "En sjuksköterska och en äldre man samtalar vid ett köksbord.")
MEALS_IMG = image("skolmat", "Elever väger sina tallrikar i skolrestaurangen.")
DESIGN_IMG = image("tjanstedesign", "Post-it-lappar med en kundresa på en vägg.")

DEMENTIA_CARD = card(
    "Tidigare upptäckt av demenssjukdom",
    "/case/tidigare-upptackt-av-demenssjukdom/",
    "En sjuksköterska ville att kommunen skulle upptäcka demenssjukdom tidigare.",
    case_id="IS-2018-004",
    phase_label="Idé- och konceptutveckling",
    organisation="Vård- och omsorgsförvaltningen",
    year=2018,
    sdgs=[3, 10, 17],
)
MEALS_CARD = card(
    "Skolrestauranger som slänger mindre mat",
    "/case/skolrestauranger-som-slanger-mindre-mat/",
    "Eleverna vägde sitt tallrikssvinn, och på ett år halverades svinnet.",
    case_id="IS-2017-011",
    phase_label="Avslutad",
    organisation="Barn- och utbildningsförvaltningen",
    year=2017,
    sdgs=[2, 12],
)
STORY_CARD = card(
    "Mat & miljö: när eleverna vägde sitt svinn",
    "/goda-exempel/nar-eleverna-vagde-sitt-svinn/",
    "Hur en kock och hundra elever halverade matsvinnet.",
    "2019-06-12",
    MEALS_IMG,
    "Gott exempel",
)
ARTICLE_CARD = card(
    "Tjänstedesign på fem minuter",
    "/inspiration/tjanstedesign-pa-fem-minuter/",
    "Vad tjänstedesign är och varför vi börjar med behovet.",
    "2020-03-09",
    DESIGN_IMG,
    "Inspiration",
)
ISSUE_SEPT = card(
    "Aktuellt i Idéslussen – september 2020",
    "/nyhetsbrev/aktuellt-i-ideslussen-september-2020/",
    "Nya case från skolan och hemtjänsten.",
    "2020-09-22",
    label="Nyhetsbrev",
    number=11,
)
ISSUE_OCT = card(
    "Aktuellt i Idéslussen – oktober 2020",
    "/nyhetsbrev/aktuellt-i-ideslussen-oktober-2020/",
    "Demensprojektet tar nästa steg.",
    "2020-10-20",
    label="Nyhetsbrev",
    number=12,
)
STATUS_OCT = {
    "as_of": "2020-10-20",
    "received": 172,
    "in_progress": 61,
    "in_implementation": 9,
    "closed": 111,
    "implemented": 64,
}

BODY = (
    "<p>Idésluss Sundsvall är en trygg plats där medarbetare kan pröva en idé tidigt.</p>\n"
    '<h2 id="sa-gick-det-till">Så gick det till</h2>\n'
    "<p>Teamet intervjuade medarbetare och gjorde kundresor.</p>\n"
    "<figure>\n"
    '<img src="/media/images/tjanstedesign.width-800.svg" width="800" height="533" '
    'alt="Post-it-lappar med en kundresa på en vägg.">\n'
    "<figcaption>Kundresan i workshopen.</figcaption>\n"
    "</figure>\n"
    "<blockquote><p>Vi trodde att problemet var diagnosen.</p>"
    "<footer>Sjuksköterska i socialtjänsten</footer></blockquote>\n"
)


def page(path, template, type_, title, body="", **extra) -> tuple[str, dict, str]:
    meta = {
        "template": template,
        "title": title,
        "type": type_,
        "cms_id": zlib.crc32(path.encode()) % 10000,
        "path": path,
        "summary": "",
        "image": None,
        "last_published": "2020-10-21T09:30:00+02:00",
        "seo_title": "",
        "description": "",
    }
    meta.update(extra)
    return path, meta, body


PAGES = [
    page(
        "/",
        "home.html",
        "homepage",
        "Innovation Hub Sundsvall",
        intro="Idésluss Sundsvall hjälper medarbetare att pröva idéer.\n\n"
        "Här kan du läsa om alla case.",
        contact_html=f'<p>Mejla <a href="mailto:{CONTACT}">{CONTACT}</a> eller ring oss.</p>',
        status=STATUS_OCT,
        featured=[STORY_CARD],
        latest_articles=[ARTICLE_CARD],
        latest_issue=ISSUE_OCT,
    ),
    page(
        "/case/",
        "case_index.html",
        "",
        "Case",
        intro="Alla case som Idéslussen har arbetat med och får visas.",
        count=2,
        items=[DEMENTIA_CARD, MEALS_CARD],
    ),
    page(
        "/case/tidigare-upptackt-av-demenssjukdom/",
        "case.html",
        "caserecord",
        "Tidigare upptäckt av demenssjukdom",
        summary="En sjuksköterska i socialtjänsten ville att kommunen skulle kunna upptäcka "
        "demenssjukdom tidigare.",
        case_id="IS-2018-004",
        phase={"code": "konceptutveckling", "label": "Idé- och konceptutveckling"},
        outcome=None,
        received="2018-04-16",
        origin_label="Medarbetaridé",
        organisation={
            "name": "Vård- och omsorgsförvaltningen",
            "slug": "vard-och-omsorgsforvaltningen",
        },
        participating=["Individ- och arbetsmarknadsförvaltningen", "Region Västernorrland"],
        partners=[
            {"name": "Mittuniversitetet", "type_label": "Forskning"},
            {"name": "Region Västernorrland", "type_label": "Offentlig aktör"},
        ],
        challenge="När kommunen får kontakt med en person med demenssjukdom har sjukdomen "
        "ofta pågått länge.\n\nDet behövs ett sätt att fånga tidiga tecken.",
        target_groups=["Äldre", "Anhöriga", "Medarbetare"],
        innovation_types=["Tjänst", "Process eller arbetssätt"],
        methods=["Faktainsamling", "Intervjuer", "Processkartläggning", "Kundresa"],
        topics=[{"name": "Äldreomsorg", "slug": "aldreomsorg"}, {"name": "Hälsa", "slug": "halsa"}],
        sdgs=[
            {"number": 3, "name": "God hälsa och välbefinnande"},
            {"number": 10, "name": "Minskad ojämlikhet"},
        ],
        team_size=10,
        solutions=[
            {
                "title": "En kontaktperson från första misstanken",
                "description": "En demenssjuksköterska följer personen redan innan diagnosen.",
            },
            {"title": "Stöd till anhöriga från början", "description": ""},
        ],
        research_projects=[
            {
                "title": "Tidiga tecken på demenssjukdom i hemtjänstens vardag",
                "organisation": "Mittuniversitetet",
                "url": "https://www.miun.se/forskning/",
            },
            {
                "title": "Digitala minnestester i hemmet",
                "organisation": "Mittuniversitetet",
                "url": "",
            },
        ],
        idea_carriers=[
            {
                "role": "Sjuksköterska",
                "unit": "Socialtjänsten, Vård- och omsorgsförvaltningen",
                "name": "",
            },
            {"role": "Biståndshandläggare", "unit": "Myndighetsenheten", "name": "Helena Forsberg"},
        ],
        results="Kartläggningen visar att kommunen kommer in i ett mycket sent skede.",
        measured_effects="",
        challenges_met="Uppgifterna finns hos flera huvudmän.",
        lessons="Det svåra är inte diagnosen utan tiden innan.",
        spread="",
        next_steps="Förslagen förankras innan teamet väljer vad som testas först.",
        stories=[],
        newsletters=[{"title": ISSUE_OCT["title"], "path": ISSUE_OCT["path"]}],
        phase_history=[
            {"phase_label": "Inkommen", "date": "2018-04-16"},
            {"phase_label": "Utforskas", "date": "2018-05-28"},
            {"phase_label": "Idé- och konceptutveckling", "date": "2019-09-10"},
        ],
    ),
    page(
        "/case/skolrestauranger-som-slanger-mindre-mat/",
        "case.html",
        "caserecord",
        "Skolrestauranger som slänger mindre mat",
        summary="En kock ville minska mängden mat som slängs.",
        case_id="IS-2017-011",
        phase={"code": "avslutad", "label": "Avslutad"},
        outcome={"code": "infort", "label": "Infört i verksamheten"},
        received=dt.date(2017, 9, 18),  # unquoted in YAML: MkDocs reads a date object
        organisation={"name": "Barn- och utbildningsförvaltningen", "slug": "bou"},
        challenge="Varje dag slängs mat som har lagats med omsorg.",
        stories=[STORY_CARD],
        phase_history=[
            {"phase_label": "Inkommen", "date": "2017-09-18"},
            {"phase_label": "Avslutad", "date": "2018-12-14"},
        ],
    ),
    page(
        "/goda-exempel/",
        "story_index.html",
        "casestoryindexpage",
        "Goda exempel",
        intro="Berättelser om case som har gjort skillnad.",
        items=[STORY_CARD],
    ),
    page(
        "/goda-exempel/nar-eleverna-vagde-sitt-svinn/",
        "story.html",
        "casestorypage",
        STORY_CARD["title"],
        BODY,
        summary=STORY_CARD["summary"],
        image=MEALS_IMG,
        byline="Text: idécoach Anna Berg",
        case={
            "title": MEALS_CARD["title"],
            "path": MEALS_CARD["path"],
            "case_id": "IS-2017-011",
            "phase_label": "Avslutad",
        },
    ),
    page(
        "/inspiration/",
        "article_index.html",
        "inspirationindexpage",
        "Inspiration",
        intro="Metoder, myter och exempel på innovation i offentlig sektor.",
        items=[ARTICLE_CARD],
    ),
    page(
        "/inspiration/tjanstedesign-pa-fem-minuter/",
        "article.html",
        "inspirationarticlepage",
        ARTICLE_CARD["title"],
        BODY,
        summary=ARTICLE_CARD["summary"],
        image=DESIGN_IMG,
        date="2020-03-09",
        byline="Idéslussen",
        topics=[{"name": "Tjänstedesign", "slug": "tjanstedesign"}],
        related_cases=[DEMENTIA_CARD],
    ),
    page(
        "/innovationsprogrammet/",
        "programme_index.html",
        "programmeindexpage",
        "Innovationsprogrammet",
        "<p>Ett år med åtta träffar om tjänstedesign och innovationskultur.</p>\n",
        intro="Ett program för chefer och medarbetare som vill driva förändring.",
        items=[
            card(
                "Innovationsprogrammet 2019",
                "/innovationsprogrammet/2019/",
                "Andra omgången, med 40 deltagare.",
                label="Program",
                year=2019,
                participant_count=40,
            )
        ],
    ),
    page(
        "/innovationsprogrammet/2019/",
        "programme.html",
        "programmepage",
        "Innovationsprogrammet 2019",
        "<p>Programmet genomfördes under hela 2019.</p>\n",
        year=2019,
        cohort_name="Omgång 2",
        participant_count=40,
        days=10,
        partner="Amplify Innovation AB",
        sessions=[
            {
                "date": "2019-02-05",
                "title": "Grunder i tjänstedesign",
                "topic": "Tjänstedesign",
                "description": "Vi börjar i behovet.",
            },
            {"date": "2019-03-12", "title": "Myter om innovation", "topic": "", "description": ""},
        ],
    ),
    page(
        "/nyhetsbrev/",
        "newsletter_index.html",
        "newsletterindexpage",
        "Nyhetsbrev",
        intro="Aktuellt i Idéslussen kommer en gång i månaden.",
        years=[{"year": 2020, "items": [ISSUE_OCT, ISSUE_SEPT]}],
    ),
    page(
        ISSUE_SEPT["path"],
        "newsletter_issue.html",
        "newsletterissuepage",
        ISSUE_SEPT["title"],
        "<h2>Nya case</h2>\n<p>Två nya case har kommit in.</p>\n",
        date="2020-09-22",
        number=11,
        intro="Hösten är här.",
        status={**STATUS_OCT, "as_of": "2020-09-22", "received": 168},
        previous=None,
        next={"title": ISSUE_OCT["title"], "path": ISSUE_OCT["path"]},
        archive={"title": "Alla nummer", "path": "/nyhetsbrev/"},
    ),
    page(
        ISSUE_OCT["path"],
        "newsletter_issue.html",
        "newsletterissuepage",
        ISSUE_OCT["title"],
        '<h2>Demensprojektet</h2>\n<p>Läs om <a href="/case/tidigare-upptackt-av-demenssjukdom/">'
        "caset</a>.</p>\n",
        date="2020-10-20",
        number=12,
        intro="Demensprojektet tar nästa steg.",
        status=STATUS_OCT,
        previous={"title": ISSUE_SEPT["title"], "path": ISSUE_SEPT["path"]},
        next=None,
        archive={"title": "Alla nummer", "path": "/nyhetsbrev/"},
    ),
    page(
        "/sa-arbetar-ideslussen/",
        "standard.html",
        "standardpage",
        "Så arbetar Idéslussen",
        "<p>Dialog, utforska behovet, testa, och ett beslutsunderlag till verksamheten.</p>\n",
    ),
    page(
        "/tillganglighetsredogorelse/",
        "standard.html",
        "standardpage",
        "Tillgänglighetsredogörelse",
        "<p>Webbplatsen är delvis förenlig med lagen om tillgänglighet till digital offentlig "
        "service.</p>\n",
    ),
    page(
        "/behandling-av-personuppgifter/",
        "standard.html",
        "standardpage",
        "Behandling av personuppgifter",
        "<p>Vi visar medarbetare med roll. Namn visas bara när personen har sagt ja.</p>\n",
        seo_title="Så behandlar vi personuppgifter",
    ),
    page(
        "/sok/",
        "search.html",
        "search",
        "Sök",
        count=3,
        sections=[
            {
                "title": "Case",
                "path": "/case/",
                "count": 1,
                "items": [],
                "letters": [{"letter": "T", "label": "T", "path": "/sok/case/t/", "count": 1}],
            },
            {
                "title": "Andra sidor",
                "path": None,
                "count": 1,
                "items": [{"title": "Så arbetar Idéslussen", "path": "/sa-arbetar-ideslussen/"}],
                "letters": [],
            },
        ],
    ),
    page(
        "/sok/case/t/",
        "search_az.html",
        "searchletter",
        "Case: T",
        section={"title": "Case", "path": "/case/"},
        letter="T",
        letters=[{"letter": "T", "label": "T", "path": "/sok/case/t/"}],
        items=[{"title": DEMENTIA_CARD["title"], "path": DEMENTIA_CARD["path"]}],
    ),
]

SITEMAP = [{"path": path, "lastmod": "2020-10-21"} for path, _, _ in PAGES]
#: The CMS's site settings and the site's address, as the pull writes them (pull/site.py).
SITE = {
    "site_url": "http://127.0.0.1:8001/",
    "organisation_name": "Idésluss Sundsvall",
    "contact_email": CONTACT,
    "contact_phone": "060-19 10 00",
    "contact_phone_uri": "tel:+4660191000",
    "postal_address": ["Sundsvalls kommun", "851 85 Sundsvall"],
    "footer_text": "",
    "contact_page": None,
}

SVG = (
    '<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" viewBox="0 0 {w} {h}">'
    '<rect width="100%" height="100%" fill="#8aa8c7"/></svg>'
)


def write_sample_content(content: Path) -> None:
    """One ``index.md`` per path (front matter + HTML body), images and data files."""
    for path, meta, body in PAGES:
        folder = content.joinpath(*[p for p in path.strip("/").split("/") if p])
        folder.mkdir(parents=True, exist_ok=True)
        front = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False)
        (folder / "index.md").write_text(f"---\n{front}---\n\n{body}", encoding="utf-8")
    media = content / "media" / "images"
    media.mkdir(parents=True, exist_ok=True)
    for name in ("demens", "skolmat", "tjanstedesign"):
        for width, height in ((400, 267), (800, 533)):
            (media / f"{name}.width-{width}.svg").write_text(SVG.format(w=width, h=height))
    data = content / ".data"
    data.mkdir(exist_ok=True)
    (data / "sitemap.json").write_text(json.dumps(SITEMAP), encoding="utf-8")
    (data / "site.json").write_text(json.dumps(SITE), encoding="utf-8")


def build_site(content: Path, out: Path) -> None:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    cfg = load_config(config_file=str(MKDOCS_YML), docs_dir=str(content), site_dir=str(out))
    build(cfg)


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
        self._in_title = tag == "title"

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
    # Only the search page loads a script (local); without it the page lists every page.
    scripts = [n.get("src") for n in outline.all("script")]
    assert scripts == (["/assets/search.js"] if path == "/sok/" else []), (
        "sidan ska fungera utan JavaScript"
    )
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
    assert '<time datetime="2020-10-20">20 oktober 2020</time>' in html
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
    assert '<time datetime="2018-04-16">16 april 2018</time>' in facts
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
    assert '<time datetime="2019-09-10">10 september 2019</time>: Idé- och konceptutveckling' in (
        history
    )
    assert ISSUE_OCT["path"] in html
    # The challenge keeps its paragraphs.
    assert html.count("tidiga tecken") == 1 and "<p>Det behövs ett sätt" in html


def test_closed_case_shows_outcome_and_phase_as_text(site):
    html = html_of(site, "/case/skolrestauranger-som-slanger-mindre-mat/")
    assert "<dt>Utfall</dt><dd>Infört i verksamheten</dd>" in html
    assert '<span class="phase phase--avslutad">Avslutad</span>' in html
    assert '<dt>Inkom</dt><dd><time datetime="2017-09-18">18 september 2017</time></dd>' in html
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


def test_newsletter_issue_links_neighbours_and_archive(site):
    html = html_of(site, ISSUE_OCT["path"])
    assert f'href="{ISSUE_SEPT["path"]}" rel="prev"' in html
    assert 'rel="next"' not in html
    assert '<a href="/nyhetsbrev/">Alla nummer</a>' in html
    assert 'Nummer 12, utgivet <time datetime="2020-10-20">20 oktober 2020</time>' in html
    assert status_figures(html)["Inkomna case"] == "172"


def test_newsletter_archive_groups_by_year(site):
    html = html_of(site, "/nyhetsbrev/")
    assert '<h2 id="ar-2020">2020</h2>' in html
    assert html.index(ISSUE_OCT["path"]) < html.index(ISSUE_SEPT["path"])


def test_programme_page_lists_sessions(site):
    html = html_of(site, "/innovationsprogrammet/2019/")
    assert "<dt>Deltagare</dt><dd>40</dd>" in html
    assert "Amplify Innovation AB" in html
    assert '<time datetime="2019-02-05">5 februari 2019</time>' in html


def test_article_shows_date_and_related_cases(site):
    html = html_of(site, ARTICLE_CARD["path"])
    assert '<time datetime="2020-03-09">9 mars 2020</time>' in html
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
