"""The texts of the good examples (``stories``), one function per story that builds its
body from its case record and the demo's pages."""

from cms.cases.models import CaseRecord

from . import base as b


def _facts(record: CaseRecord) -> dict:
    """A fact box about the case, from the register."""
    methods = CaseRecord._meta.get_field("methods").labels(record.methods)
    rows = [
        f"Case: {record.case_id}",
        f"Hemvist: {b.esc(record.home_organisation.name)}",
        f"Fas: {record.get_phase_display()}",
    ]
    if record.outcome:
        rows.append(f"Utfall: {record.get_outcome_display()}")
    if record.team_size:
        rows.append(f"Antal i teamet: {record.team_size}")
    if methods:
        rows.append("Metoder: " + ", ".join(m.lower() for m in methods))
    return b.fact_box("Fakta om caset", b.bullets(rows))


def _end(ctx):
    return b.call_to_action(
        "Har du också en idé?",
        "Läs hur det går till, och boka ett första samtal med en idécoach.",
        "Så arbetar Idéslussen",
        page=ctx["pages"]["sa-arbetar"],
    )


def _e_bikes(ctx, story, record):
    return [
        b.rich(
            b.paras(
                "Besöken i centrala Sundsvall ligger nära varandra, men bilen stod ofta i kö "
                "eller letade parkering. En undersköterska i hemtjänsten undrade om det inte "
                "vore enklare att cykla, och tog frågan till Idéslussen.",
            )
            + b.heading("Först kartläggning, sedan cyklar")
            + b.paras(
                "Teamet gick igenom körjournaler och planering. Många resor var kortare än tre "
                "kilometer. Efter intervjuer med medarbetarna togs ett koncept fram: elcyklar "
                "för korta sträckor, vinterdäck och förvaring inomhus, och en planering som "
                "samlar besök som ligger nära varandra.",
                "Under testet ersatte sex elcyklar drygt 9 000 kilometer med bil, och "
                "medarbetarna kom oftare fram i tid.",
            )
        ),
        b.quote(
            "Jag är framme snabbare, och jag mår bättre av att röra på mig mellan besöken.",
            "Undersköterska i hemtjänsten",
        ),
        b.image(ctx["images"][story.image]),
        _facts(record),
        b.rich(
            b.paras(
                "Konceptet har lämnats över till hemtjänsten, som beslutar om cyklar i fler "
                "grupper. Läs också om hur man "
                f"{b.link(ctx['articles']['engagera'], 'får med sig kollegorna')}."
            )
        ),
        _end(ctx),
    ]


def _water_sensor(ctx, story, record):
    return [
        b.rich(
            b.paras(
                "Varje vinter fryser vattenmätare i källare och förråd. En drifttekniker på "
                "MittSverige Vatten &amp; Avfall såg skadorna på nära håll och skissade på en "
                "sensor som skickar ett sms när temperaturen närmar sig noll."
            )
            + b.heading("En affärsidé")
            + b.paras(
                "Under utforskandet blev det tydligt att idén var en produkt som många fler "
                "kunde ha nytta av, långt utanför kommunen. Idéslussen hjälpte idébäraren att "
                "skydda idén och att komma i kontakt med inkubatorn Bizmaker.",
                "Där utvecklas sensorn nu vidare som ett eget företag. MittSverige Vatten &amp; "
                "Avfall följer arbetet som en möjlig framtida kund.",
            )
        ),
        b.quote(
            "Jag trodde att idén skulle dö när den inte passade hos oss. I stället fick den ett "
            "nytt hem.",
            "Drifttekniker",
        ),
        b.image(ctx["images"][story.image]),
        _facts(record),
        b.rich(
            b.paras(
                "Att en idé hittar hem hos någon annan räknar vi som ett gott resultat. "
                f"{b.link(ctx['pages']['om'], 'Läs om hur vi redovisar utfall')}."
            )
        ),
        _end(ctx),
    ]


def _school_meals(ctx, story, record):
    return [
        b.rich(
            b.paras(
                "En kock i en skolrestaurang såg hur mycket mat som skrapades ned i soporna "
                "varje dag och ville göra något åt det. Ingen visste riktigt hur stort svinnet "
                "var, så det var där arbetet började."
            )
            + b.heading("Eleverna vägde själva")
            + b.paras(
                "Efter två veckors mätning ordnades en workshop med elever och kökspersonal. "
                "Förslagen testades på tre skolor: daglig vägning av tallrikssvinnet som "
                "eleverna själva kunde se, mindre portioner med påfyllning och en meny som tar "
                "vara på det som blir över.",
                "På ett år minskade tallrikssvinnet från 45 till 22 gram per elev och dag.",
            )
        ),
        b.quote(
            "När siffran hängde vid utgången började eleverna tävla om att slänga minst.",
            "Kock i skolrestaurangen",
        ),
        b.image(ctx["images"][story.image]),
        _facts(record),
        b.rich(
            b.paras(
                "Arbetssättet används nu i alla skolrestauranger i kommunen, och grannkommuner "
                "har tagit del av det. Det är ett exempel på att innovation inte behöver vara "
                f"teknik: {b.link(ctx['articles']['myter'], 'fem myter om innovation')}."
            )
        ),
        _end(ctx),
    ]


def _chatbot(ctx, story, record):
    return [
        b.rich(
            b.paras(
                "Många som söker försörjningsstöd ringer med samma frågor om regler och datum. "
                "En socialsekreterare ville att de skulle kunna få svar dygnet runt och föreslog "
                "en chattbot på webbplatsen."
            )
            + b.heading("Testet")
            + b.paras(
                "Innan chattboten byggdes gick teamet igenom de vanligaste frågorna och skrev om "
                "svaren tillsammans med personer som söker stöd. Chattboten testades sedan på "
                "webben i ett halvår.",
                "Den klarade bara ungefär var tredje fråga. Frågorna var ofta personliga och gick "
                "inte att besvara utan att se ärendet.",
            )
            + b.heading("Det som gjorde nytta")
            + b.paras(
                "De omskrivna texterna blev det viktiga resultatet. När de kom ut på webbplatsen "
                "minskade samtalen om utbetalningsdatum med 30 %. Caset avslutades med "
                "lärdomar, och tiden kunde läggas på annat."
            )
        ),
        b.quote(
            "Vi lärde oss mer av att skriva om texterna än av att bygga chattboten.",
            "Socialsekreterare, försörjningsstöd",
        ),
        b.image(ctx["images"][story.image]),
        _facts(record),
        b.rich(b.paras(f"Läs mer: {b.title_link(ctx['articles']['digitalisering'])}.")),
        _end(ctx),
    ]


def _building_permit(ctx, story, record):
    return [
        b.rich(
            b.paras(
                "Mer än hälften av ansökningarna om bygglov saknade något när de kom in. En "
                "bygglovshandläggare ville förstå varför, i stället för att skicka ännu fler "
                "begäranden om komplettering."
            )
            + b.heading("Tio kundresor")
            + b.paras(
                "Teamet följde tio personer som sökte bygglov, från första tanken till beslut. "
                "Det visade sig att de flesta inte visste vilka handlingar just deras åtgärd "
                "krävde, och att informationen på webben var skriven för den som redan kunde.",
                "Ur kundresorna kom tre förslag: en digital guide med korta frågor, en "
                "checklista och ett förmöte på femton minuter för den som är osäker.",
            )
        ),
        b.quote(
            "Vi trodde att de sökande slarvade. Kundresorna visade att det var vi som var "
            "otydliga.",
            "Bygglovshandläggare",
        ),
        b.image(ctx["images"][story.image]),
        _facts(record),
        b.rich(
            b.paras(
                "I testet minskade andelen ansökningar som behövde kompletteras från 62 % till "
                "37 %. Nu införs guiden för alla typer av bygglov. Läs om "
                f"{b.link(ctx['articles']['kundresor'], 'kundresor och processkartläggning')}."
            )
        ),
        _end(ctx),
    ]


def _furniture(ctx, story, record):
    return [
        b.rich(
            b.paras(
                "En lokalvårdare såg hela möbler bäras ut till containern varje gång en "
                "verksamhet flyttade. Samtidigt köptes nya möbler in på andra håll i kommunen."
            )
            + b.heading("En möbelbank mellan förvaltningarna")
            + b.paras(
                "Teamet inventerade möblerna vid tre flyttar och tog fram ett koncept: en digital "
                "katalog över lediga möbler, en rutin för inventering före flytt och renovering "
                "inom arbetsmarknadsinsatserna, där deltagare lagar och klär om det som behövs.",
                "Sedan april 2020 testas möbelbanken med två förvaltningar. Under de första "
                "månaderna har 140 möbler fått nya ägare.",
            )
        ),
        b.quote(
            "Det kändes fel att slänga en stol som någon annan skulle köpa veckan efter.",
            "Lokalvårdare, Servicecenter",
        ),
        b.image(ctx["images"][story.image]),
        _facts(record),
        b.rich(
            b.paras(
                "När testet är utvärderat tas ett beslutsunderlag fram för hela kommunen. Läs "
                f"också {b.link(ctx['articles']['kultur'], 'En kultur där idéer får växa')}."
            )
        ),
        _end(ctx),
    ]


def _dementia(ctx, story, record):
    research = [b.esc(p.title) for p in record.research_projects.all()]
    solutions = [f"<b>{b.esc(s.title)}.</b> {b.esc(s.description)}" for s in record.solutions.all()]
    return [
        b.rich(
            b.paras(
                "Det började med en sjuksköterska i socialtjänsten som såg samma mönster gång på "
                "gång. När kommunen fick kontakt med en person med demenssjukdom hade sjukdomen "
                "ofta pågått länge, och de anhöriga var slutkörda. Hon ville att demens skulle "
                "upptäckas tidigare, när en diagnos fortfarande kan göra livet bättre."
            )
            + b.heading("Ett team från flera håll")
            + b.paras(
                "Tillsammans med Idéslussen sattes ett team ihop med kompetens från hemtjänsten, "
                "biståndshandläggningen, socialtjänsten och primärvården. Teamet började med ett "
                "grundligt faktaarbete: vad vet forskningen, hur ser vägen till en diagnos ut i "
                "dag, och vem möter personen först?"
            )
            + b.heading("Fyra forskningsprojekt")
            + b.paras("Tillsammans med Mittuniversitetet startades fyra forskningsprojekt:")
            + b.bullets(research)
        ),
        _facts(record),
        b.rich(
            b.heading("Kommunen kommer in för sent")
            + b.paras(
                "Processkartläggningen och kundresorna gav en tydlig bild. I dag får kommunen "
                "kontakt med personen först när sjukdomen har gått långt. Den som är sjuk har då "
                "länge haft svårt att klara vardagen, och de anhöriga har burit ett stort ansvar "
                "utan stöd."
            )
        ),
        b.quote(
            "Det fanns många tillfällen då någon anade att något var fel, men ingen som hade i "
            "uppdrag att göra något åt det.",
            "Sjuksköterska i socialtjänsten",
        ),
        b.image(ctx["images"][story.image]),
        b.rich(
            b.heading("Fyra förslag")
            + b.bullets(solutions)
            + b.paras(
                "I dag arbetar tio personer med de fyra förslagen. Alla utgår från behov som de "
                "som är sjuka och deras anhöriga själva har beskrivit. Just nu diskuteras "
                "förslagen med politiker, verksamhet och samarbetspartner för att få stöd för "
                "nästa steg.",
                f"Läs mer i {b.title_link(ctx['articles']['kundresor'])}.",
            )
        ),
        _end(ctx),
    ]


BODIES = {
    "elcyklar": _e_bikes,
    "vattenmatare": _water_sensor,
    "skolmat": _school_meals,
    "chattbot": _chatbot,
    "bygglov": _building_permit,
    "mobelbanken": _furniture,
    "demens": _dementia,
}
