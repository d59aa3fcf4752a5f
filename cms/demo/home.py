"""The home page: what Idéslussen is, the figures of the day, and the way in."""

from cms.cases.stats import status_as_of
from swedish import swedish_date

from . import base as b

INTRO = (
    "Idéslussen ger dig som arbetar i Sundsvalls kommun eller ett kommunalt bolag stöd att "
    "pröva en idé tidigt, innan någon har bestämt lösningen, gratis och i en trygg miljö. "
    "Här finns case, goda exempel och inspiration om hur offentlig sektor förnyar sig för "
    "en hållbar utveckling."
)


def fill_home(home, ctx, report):
    """Fill in and publish the home page the migration created (the first run only)."""
    return b.publish_once(
        home,
        ctx["users"]["kommunikator"],
        report,
        "Startsida",
        lambda: {
            "intro": INTRO,
            "body": b.stream("home", _body(ctx)),
            "contact_text": b.paras(
                "Har du en idé eller ett problem du vill utforska? "
                f"{b.link(ctx['pages']['kontakt'], 'Kontakta Idéslussen')}, så bokar vi ett "
                "första samtal. Det kostar ingenting."
            ),
        },
    )


def _body(ctx):
    sections, pages = ctx["sections"], ctx["pages"]
    status = status_as_of(b.DEMO_DAY)
    story = ctx["stories"]["demens"]
    return [
        b.rich(
            b.paras(
                "Innovation Hub Sundsvall är Idéslussens caseportal. Här kan du följa de idéer "
                "som medarbetare har tagit till Idéslussen, från första samtalet till ett "
                "införande, ett överlämnande eller en lärdom.",
            )
            + b.bullets(
                [
                    f"{b.link(pages['sa-arbetar'], 'Så arbetar Idéslussen')}: stegen och vem "
                    "som gör vad",
                    f"{b.link(sections['goda-exempel'], 'Goda exempel')}: berättelser om case",
                    f"{b.link(sections['inspiration'], 'Inspiration')}: metoder och myter",
                    f"{b.link(sections['innovationsprogrammet'], 'Innovationsprogrammet')}: ett år "
                    "med tjänstedesign och förnyelse",
                    f"{b.link(sections['nyhetsbrev'], 'Aktuellt i Idéslussen')}: nyhetsbrevet "
                    "varje månad",
                ]
            )
        ),
        b.fact_box(
            f"Nuläget {swedish_date(b.DEMO_DAY)}",
            b.paras(
                f"{status.received} case har kommit in sedan starten 2017. "
                f"{status.in_implementation} av dem implementeras just nu, och {status.closed} "
                "har avslutats eller håller på att lämnas över till en verksamhet."
            ),
        ),
        b.image(ctx["images"][5]),
        b.rich(b.paras(f"Senaste goda exemplet: {b.title_link(story)}.")),
        b.call_to_action(
            "Har du en idé?",
            "Alla medarbetare och chefer kan vända sig till Idéslussen. Det kostar ingenting.",
            "Så arbetar Idéslussen",
            page=pages["sa-arbetar"],
        ),
    ]
