"""Innovationsprogrammet: the overview page and one page per programme year (2018, 2019).

Eight sessions over ten days: two of the sessions run over two days.
"""

import datetime as dt

from cms.programme.models import ProgrammePage, ProgrammeSession

from . import base as b

# (title, topic, description, days) of the eight sessions, the same both years.
SESSIONS = [
    (
        "Start: innovation i offentlig sektor",
        "Myter och exempel",
        "Vad innovation är och inte är i en kommun, med exempel från Sundsvall och andra "
        "kommuner. Deltagarna tar med en egen fråga att arbeta med under året.",
        2,
    ),
    (
        "Grunderna i tjänstedesign",
        "Tjänstedesign",
        "Att utgå från behoven hos dem som använder en tjänst. Dubbla diamanten och "
        "designprocessens steg.",
        1,
    ),
    (
        "Att förstå behovet",
        "Intervjuer och observationer",
        "Hur man planerar och genomför intervjuer, och hur man ser mönster i det man hört.",
        1,
    ),
    (
        "Kundresor och processkartläggning",
        "Kundresor",
        "Att rita upp en tjänst som den upplevs utifrån och som den ser ut inifrån, och att "
        "hitta var det skaver.",
        1,
    ),
    (
        "Att engagera medarbetare i förnyelse",
        "Engagemang",
        "Hur chefer och medarbetare skapar utrymme för idéer i vardagen, och varför "
        "tvärkompetenta team gör skillnad.",
        1,
    ),
    (
        "Digitalisering som verktyg",
        "Digitalisering",
        "Att börja i behovet och inte i tekniken. Exempel på digitala lösningar som har "
        "förenklat, och några som inte gjorde det.",
        1,
    ),
    (
        "Prototyper och tester",
        "Pröva i liten skala",
        "Enkla prototyper på papper och i verkligheten, och hur man lär sig så mycket som "
        "möjligt av ett litet test.",
        1,
    ),
    (
        "En kultur där idéer växer – och avslutning",
        "Innovationsfrämjande kultur",
        "Vad som gör att en organisation tar vara på idéer, och hur deltagarna tar med sig "
        "arbetssätten hem. Deltagarna visar vad de har gjort med sin fråga under året.",
        2,
    ),
]
DATES = {
    2018: [(2, 7), (3, 14), (4, 18), (5, 23), (9, 5), (10, 10), (11, 14), (12, 5)],
    2019: [(2, 6), (3, 13), (4, 10), (5, 22), (8, 28), (9, 25), (10, 23), (11, 27)],
}
YEARS = {
    2018: {
        "participants": 25,
        "cohort": "Första omgången",
        "summary": "Den första omgången av Innovationsprogrammet samlade 25 deltagare från "
        "kommunens förvaltningar och bolag.",
        "image": 2,
        "quote": (
            "Jag trodde att innovation handlade om teknik. Nu börjar jag alltid med att fråga "
            "dem som berörs.",
            "Deltagare 2018, enhetschef i hemtjänsten",
        ),
    },
    2019: {
        "participants": 40,
        "cohort": "Andra omgången",
        "summary": "Andra året växte Innovationsprogrammet till 40 deltagare från många olika "
        "verksamheter.",
        "image": 9,
        "quote": (
            "Det bästa var att träffa kollegor från helt andra verksamheter som brottas med "
            "samma frågor som vi.",
            "Deltagare 2019, handläggare på Stadsbyggnadskontoret",
        ),
    },
}


def ensure_programme(index, pages, orgs, images, users, report) -> dict[int, ProgrammePage]:
    user = users["kommunikator"]
    b.publish_once(
        index,
        user,
        report,
        "Sektionssidor",
        lambda: {"body": b.stream("programme-index", _index_body(pages, images))},
    )
    amplify = orgs["Amplify Innovation AB"]
    result = {}
    for year, data in YEARS.items():

        def factory(year=year, data=data):
            sessions = [
                ProgrammeSession(
                    date=dt.date(year, month, day),
                    title=title,
                    topic=topic,
                    description=description + (" Två dagar." if days == 2 else ""),
                    sort_order=i,
                )
                for i, ((month, day), (title, topic, description, days)) in enumerate(
                    zip(DATES[year], SESSIONS, strict=True)
                )
            ]
            page = ProgrammePage(
                title=f"Innovationsprogrammet {year}",
                year=year,
                cohort_name=data["cohort"],
                participant_count=data["participants"],
                partner=amplify,
                days=sum(s[3] for s in SESSIONS),
                listing_summary=data["summary"],
                listing_image=images[data["image"]],
                listing_image_alt=images[data["image"]].description,
                body=b.stream(f"programme-{year}", _year_body(year, data, pages, images)),
            )
            page.sessions = sessions
            for session in sessions:
                session.page = page
                session.full_clean(exclude=["page"])
            return page

        result[year] = b.ensure_child_page(
            index,
            str(year),
            factory,
            user,
            report,
            "Programår",
            published=dt.date(year, 1, 15),
        )
    return result


def _index_body(pages, images):
    return [
        b.rich(
            b.paras(
                "Innovationsprogrammet är Idéslussens utbildning för medarbetare och chefer som "
                "vill arbeta med förnyelse i sin egen verksamhet. Programmet pågår under ett år "
                "och har åtta tillfällen, sammanlagt tio dagar.",
                "Under året lär sig deltagarna tjänstedesign från grunden, synar vanliga myter "
                "om förnyelse i kommuner och regioner, diskuterar hur kollegor blir delaktiga, "
                "ser på digitala verktyg och på vad som gör en arbetsplats öppen för idéer.",
                "Amplify Innovation AB leder programmet ihop med Idéslussen. "
                f"{b.link(pages['sa-arbetar'], 'Läs mer om hur Idéslussen arbetar')}.",
            )
        ),
        b.fact_box(
            "Programmet i siffror",
            b.bullets(
                [
                    "8 tillfällen, 10 dagar under ett år",
                    "2018: 25 deltagare",
                    "2019: 40 deltagare",
                ]
            ),
        ),
        # Only a pattern between two texts: decorative, so screen readers skip it.
        b.image(images[4], decorative=True),
        b.rich(
            b.paras(
                "Utöver programmet ordnar Idéslussen innovationsdagar, öppna workshoppar och "
                "seminarier som alla medarbetare kan gå på."
            )
        ),
    ]


def _year_body(year, data, pages, images):
    return [
        b.rich(
            b.paras(
                f"{data['cohort']} av Innovationsprogrammet gick under {year}. "
                f"{data['participants']} deltagare från förvaltningar och bolag träffades vid "
                "åtta tillfällen, sammanlagt tio dagar.",
                "Varje deltagare tog med sig en egen fråga från sin verksamhet och arbetade med "
                "den mellan tillfällena. Flera av frågorna blev senare case i Idéslussen.",
            )
        ),
        b.quote(*data["quote"]),
        b.image(images[data["image"]]),
        b.call_to_action(
            "Har du en fråga att arbeta med?",
            "Idécoacherna hjälper dig att komma i gång, med eller utan programmet.",
            "Kontakta Idéslussen",
            page=pages["kontakt"],
        ),
    ]
