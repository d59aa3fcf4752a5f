"""The theme tests' sample site (not a test module): every page of it (``PAGES``, made of
the cards and builders in ``theme_sample``), written as the pull would write it and built
with MkDocs and the real site/mkdocs.yml."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import yaml
from theme_sample import (
    ARTICLE_CARD,
    BODY,
    CONTACT,
    DEMENTIA_CARD,
    DESIGN_IMG,
    ISSUE_OCT,
    ISSUE_SEPT,
    MEALS_CARD,
    MEALS_IMG,
    MKDOCS_YML,
    STATUS_OCT,
    STORY_CARD,
    card,
    page,
)

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

#: "Nuläget över tid" as /api/v2/stats/years/ gives it: a register large enough for
#: figures with digit groups ("1 180"), which must never reach an SVG attribute.
PHASES = [
    ("inkommen", "Inkommen"),
    ("utforskas", "Utforskas"),
    ("konceptutveckling", "Idé- och konceptutveckling"),
    ("testas", "Testas"),
    ("implementeras", "Implementeras"),
    ("avslutad", "Avslutad"),
]


def _point(day, received_in_year, by_phase):
    closed = by_phase[-1]
    return {
        "as_of": day,
        "year": int(day[:4]),
        "received_in_year": received_in_year,
        "received": sum(by_phase),
        "in_progress": sum(by_phase) - closed,
        "in_implementation": by_phase[4],
        "closed": closed,
        "implemented": closed // 2,
        "by_phase": {code: n for (code, _), n in zip(PHASES, by_phase, strict=True)},
    }


STATS_YEARS = {
    "as_of": "2020-10-20",
    "phases": [{"code": code, "label": label} for code, label in PHASES],
    "points": [
        _point("2018-12-31", 640, [40, 200, 100, 100, 0, 200]),
        _point("2019-12-31", 1180, [0, 300, 200, 150, 70, 1100]),
        _point("2020-10-20", 12, [12, 200, 150, 100, 60, 1310]),
    ],
}
PAGES.append(
    page(
        "/case/statistik/",
        "statistics.html",
        "casestatistics",
        "Nuläget över tid",
        digest="sample",
    )
)

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
    "newsletter_signup_url": "http://127.0.0.1:8000/prenumeration/",
    "newsletter_signup_origin": "http://127.0.0.1:8000",
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
    (data / "stats_years.json").write_text(json.dumps(STATS_YEARS), encoding="utf-8")


def build_site(content: Path, out: Path) -> None:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    cfg = load_config(config_file=str(MKDOCS_YML), docs_dir=str(content), site_dir=str(out))
    build(cfg)
