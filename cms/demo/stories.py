"""Good examples ("Goda exempel"): one story per hand-written case, by the idea coaches."""

import datetime as dt
from dataclasses import dataclass

from cms.cases.models import CaseStoryPage
from swedish import swedish_slugify

from . import base as b
from .story_bodies import BODIES

BYLINE = "Idécoach i Idéslussen"


@dataclass(frozen=True)
class Story:
    case: str  # plan key of the case
    title: str
    summary: str
    published: dt.date
    author: str
    image: int


STORIES = [
    Story(
        "elcyklar",
        "Hemtjänsten som bytte bil mot cykel",
        "En undersköterska tröttnade på bilköerna i centrum. Ett test med elcyklar sparade tid "
        "och tusentals kilometer med bil.",
        dt.date(2019, 2, 12),
        "idecoach",
        6,
    ),
    Story(
        "vattenmatare",
        "Idén som hittade hem hos inkubatorn",
        "En drifttekniker ville stoppa vinterns frysskador. Idén passade bättre som företag, "
        "och i dag drivs den vidare hos Bizmaker.",
        dt.date(2019, 4, 9),
        "idecoach",
        4,
    ),
    Story(
        "skolmat",
        "När eleverna själva vägde maten",
        "I skolrestaurangerna slängdes mycket mat. När eleverna fick se svinnet varje dag "
        "halverades det.",
        dt.date(2019, 8, 27),
        "idecoach",
        1,
    ),
    Story(
        "chattbot",
        "Vad en chattbot som inte blev av lärde oss",
        "Testet med en chattbot för frågor om försörjningsstöd gav inte det vi hoppades. Det "
        "gav något annat: texter som fler förstår.",
        dt.date(2020, 5, 19),
        "idecoach2",
        10,
    ),
    Story(
        "bygglov",
        "Kundresan som ändrade bygglovet",
        "Mer än hälften av ansökningarna om bygglov var inte kompletta. Kundresor med sökande "
        "ledde till en guide som nu införs.",
        dt.date(2020, 6, 9),
        "idecoach",
        7,
    ),
    Story(
        "mobelbanken",
        "Möbler som får ett andra liv",
        "Hela möbler bars ut till containern vid varje flytt. Nu testas en möbelbank mellan "
        "förvaltningarna.",
        dt.date(2020, 9, 8),
        "idecoach2",
        11,
    ),
    Story(
        "demens",
        "Demenssjukdom: stöd som kommer i tid",
        "En sjuksköterska i socialtjänsten ville att demenssjukdom skulle upptäckas tidigare. "
        "Kartläggningen visade att kommunen kommer in alldeles för sent.",
        dt.date(2020, 10, 20),
        "idecoach2",
        5,
    ),
]


def ensure_stories(index, ctx, report) -> dict[str, CaseStoryPage]:
    """Stories by case key; ``ctx`` as for the articles, plus the articles themselves."""
    b.publish_once(index, ctx["users"]["kommunikator"], report, "Sektionssidor")
    result = {}
    for story in STORIES:

        def factory(story=story):
            record = ctx["cases"][story.case]
            image = ctx["images"][story.image]
            return CaseStoryPage(
                title=story.title,
                case=record,
                byline=BYLINE,
                listing_summary=story.summary,
                listing_image=image,
                listing_image_alt=image.description,
                body=b.stream(f"story-{story.case}", BODIES[story.case](ctx, story, record)),
            )

        result[story.case] = b.ensure_child_page(
            index,
            swedish_slugify(story.title),
            factory,
            ctx["users"][story.author],
            report,
            "Goda exempel",
            published=story.published,
        )
    return result
