"""Sample content for the theme's tests (not a test module): the cards, images and page
builder that the sample site (``theme_sample_pages``: one page of every type of the content
contract, themes/hub/README.md) is made of."""

from __future__ import annotations

import zlib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MKDOCS_YML = ROOT / "site" / "mkdocs.yml"
CONTACT = "idesluss@sundsvall.se"


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
    goals=[
        "3 Hälsa och välbefinnande",
        "10 Minskad ojämlikhet",
        "17 Genomförande och globalt partnerskap",
    ],
)
MEALS_CARD = card(
    "Skolrestauranger som slänger mindre mat",
    "/case/skolrestauranger-som-slanger-mindre-mat/",
    "Eleverna vägde sitt tallrikssvinn, och på ett år halverades svinnet.",
    case_id="IS-2017-011",
    phase_label="Avslutad",
    organisation="Barn- och utbildningsförvaltningen",
    year=2017,
    goals=["2 Ingen hunger", "12 Hållbar konsumtion och produktion"],
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
