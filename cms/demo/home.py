"""The home page: what Idéslussen is and the way in. Its figures ("Nuläget") are not written
here: the build computes them from the register (``/api/v2/stats/``)."""

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
        b.image(ctx["images"][5]),
        b.rich(b.paras(f"Senaste goda exemplet: {b.title_link(story)}.")),
        b.call_to_action(
            "Har du en idé?",
            "Alla medarbetare och chefer kan vända sig till Idéslussen. Det kostar ingenting.",
            "Så arbetar Idéslussen",
            page=pages["sa-arbetar"],
        ),
    ]
