"""Six inspiration articles on the programme's topics, written by the idea coaches."""

import datetime as dt
from dataclasses import dataclass

from cms.articles.models import InspirationArticlePage
from swedish import swedish_slugify

from . import base as b
from .article_bodies import BODIES, BYLINE


@dataclass(frozen=True)
class Article:
    key: str
    title: str
    summary: str
    published: dt.date
    author: str
    topics: tuple[str, ...]
    cases: tuple[str, ...]  # plan keys of related cases
    image: int


ARTICLES = [
    Article(
        "tjanstedesign",
        "Tjänstedesign: börja i behovet",
        "Tjänstedesign är ett sätt att utveckla tjänster utifrån dem som använder dem. Här är "
        "grunderna, och varför vi nästan alltid börjar där.",
        dt.date(2019, 1, 22),
        "idecoach",
        ("Service till invånare",),
        ("bygglov", "demens"),
        1,
    ),
    Article(
        "myter",
        "Fem myter om innovation i offentlig sektor",
        "Innovation är inte bara teknik, och det kräver inte stora budgetar. Fem vanliga "
        "missförstånd, och vad vi har sett i Idéslussen.",
        dt.date(2019, 3, 19),
        "idecoach2",
        (),
        ("skolmat", "elcyklar"),
        3,
    ),
    Article(
        "engagera",
        "Så får du med dig kollegorna",
        "En idé blir sällan verklighet utan kollegor som vill vara med. Några råd om hur du "
        "skapar engagemang för förnyelse på din arbetsplats.",
        dt.date(2019, 9, 24),
        "idecoach",
        ("Arbetsmiljö",),
        ("elcyklar", "skolmat"),
        7,
    ),
    Article(
        "digitalisering",
        "Digitalisering är ett verktyg, inte ett mål",
        "Digitala lösningar kan förenkla mycket, men bara om de möter ett verkligt behov. Så "
        "tänker vi när ett case handlar om digitalisering.",
        dt.date(2019, 11, 19),
        "idecoach2",
        ("Digitalisering",),
        ("chattbot", "bygglov"),
        10,
    ),
    Article(
        "kultur",
        "En kultur där idéer får växa",
        "Vad gör att en organisation tar vara på medarbetarnas idéer? Om trygghet, tid och "
        "vägen från idé till beslut.",
        dt.date(2020, 2, 11),
        "idecoach",
        ("Arbetsmiljö",),
        ("vattenmatare", "mobelbanken"),
        11,
    ),
    Article(
        "kundresor",
        "Kundresor och processkartläggning – två verktyg som hör ihop",
        "En kundresa visar hur en tjänst upplevs utifrån, en processkartläggning hur den ser "
        "ut inifrån. Tillsammans visar de var det skaver.",
        dt.date(2020, 4, 14),
        "idecoach2",
        ("Äldreomsorg", "Samhällsbyggnad"),
        ("demens", "bygglov"),
        8,
    ),
]


def ensure_articles(index, ctx, report) -> dict[str, InspirationArticlePage]:
    """``ctx`` holds users, topics, cases, images, pages (fixed) and programme pages."""
    b.publish_once(index, ctx["users"]["kommunikator"], report, "Sektionssidor")
    result = {}
    for article in ARTICLES:

        def factory(article=article):
            image = ctx["images"][article.image]
            page = InspirationArticlePage(
                title=article.title,
                published_date=article.published,
                byline=BYLINE,
                listing_summary=article.summary,
                listing_image=image,
                listing_image_alt=image.description,
                body=b.stream(f"article-{article.key}", BODIES[article.key](ctx, article)),
            )
            page.topics.set([ctx["topics"][t] for t in article.topics])
            page.related_cases.set([ctx["cases"][k] for k in article.cases])
            return page

        result[article.key] = b.ensure_child_page(
            index,
            swedish_slugify(article.title),
            factory,
            ctx["users"][article.author],
            report,
            "Inspirationsartiklar",
            published=article.published,
        )
    return result
