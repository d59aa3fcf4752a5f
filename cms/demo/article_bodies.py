"""The texts of the inspiration articles (``articles``), one function per article that
builds its body from the demo's pages and figures."""

from . import base as b

BYLINE = "Idécoach i Idéslussen"


def _cta(ctx):
    return b.call_to_action(
        "Vill du pröva en idé?",
        "En idécoach hjälper dig att komma i gång.",
        "Kontakta Idéslussen",
        page=ctx["pages"]["kontakt"],
    )


def _service_design(ctx, article):
    how = b.link(ctx["pages"]["sa-arbetar"], "Så arbetar Idéslussen")
    return [
        b.rich(
            b.paras(
                "När något inte fungerar är det lätt att gå direkt på en lösning: en ny "
                "blankett, ett nytt system, en ny rutin. Ofta löser den fel problem, eftersom "
                "ingen har frågat dem som berörs hur det faktiskt ser ut.",
                "Tjänstedesign vänder på ordningen. Först tar man reda på hur tjänsten upplevs, "
                "både av dem som använder den och av dem som utför den. Sedan formulerar man vad "
                "problemet egentligen är. Först därefter letar man lösningar, och då flera.",
            )
            + b.heading("Fyra grundtankar")
            + b.bullets(
                [
                    "Utgå från människor, inte från organisationen.",
                    "Se hela tjänsten, från första kontakten till den sista.",
                    "Gör idéer synliga tidigt, med skisser och enkla prototyper.",
                    "Pröva i liten skala innan du bestämmer dig.",
                ]
            )
        ),
        b.quote("Det svåraste är att låta bli att lösa problemet på första mötet.", BYLINE),
        b.image(ctx["images"][article.image]),
        b.rich(
            b.heading("Så använder vi det i Idéslussen")
            + b.paras(
                "Nästan alla case börjar med intervjuer eller observationer, och ofta följer en "
                f"kundresa eller en processkartläggning. {how} beskriver stegen.",
                "Grunderna i tjänstedesign är också ett av tillfällena i "
                f"{b.link(ctx['programme'][2019], 'Innovationsprogrammet 2019')}.",
            )
        ),
        _cta(ctx),
    ]


def _myths(ctx, article):
    return [
        b.rich(
            b.paras(
                "Innovation låter ofta som något som händer i labb och på start-up-företag. I en "
                "kommun pågår förnyelse hela tiden, men den kallas sällan för innovation. Här är "
                "fem myter vi ofta möter."
            )
            + b.heading("1. Innovation betyder ny teknik")
            + b.paras(
                "De flesta case i Idéslussen handlar om arbetssätt, inte om teknik. Ett nytt sätt "
                "att planera besök eller ta emot en ansökan kan göra större skillnad än en app."
            )
            + b.heading("2. Det kräver en stor budget")
            + b.paras(
                "Många case som har kommit långt började med ett par intervjuer och en prototyp "
                "på papper. Det som behövs är framför allt tid och mod att fråga."
            )
            + b.heading("3. Offentlig sektor förnyar sig inte")
            + b.paras(
                "Kommuner förnyar sig hela tiden, men det syns sällan utåt. Därför samlar vi goda "
                "exempel och visar dem öppet."
            )
            + b.heading("4. Ett test som inte fungerade är ett misslyckande")
            + b.paras(
                "Ett test utan effekt är också ett resultat. Vi avslutar hellre ett case med "
                "lärdomar än fortsätter med något som inte fungerar. "
                f"{b.link(ctx['pages']['om'], 'Läs om hur vi redovisar utfall')}."
            )
            + b.heading("5. Innovation är för chefer och specialister")
            + b.paras(
                "De bästa idéerna kommer ofta från dem som möter problemet varje dag. Därför kan "
                "alla medarbetare vända sig till Idéslussen."
            )
        ),
        b.fact_box(
            "Ur registret",
            b.paras(
                "Hur många case som har kommit in, hur många som pågår och hur många som är "
                "avslutade står i rutan Nuläget på startsidan. Siffrorna räknas fram ur "
                "registret varje gång webbplatsen byggs."
            ),
        ),
        b.image(ctx["images"][article.image]),
        _cta(ctx),
    ]


def _engagement(ctx, article):
    return [
        b.rich(
            b.paras(
                "Den som bär en idé får ofta frågan: vem ska ha tid med det här? Svaret är sällan "
                "att övertala. Det fungerar bättre att bjuda in."
            )
            + b.heading("Råd från idécoacherna")
            + b.bullets(
                [
                    "Börja i ett problem som kollegorna känner igen, inte i din lösning.",
                    "Utforska tillsammans, till exempel med en kort intervjurunda eller en "
                    "workshop.",
                    "Visa tidigt att synpunkterna gör skillnad.",
                    "Gör det lätt att vara med en liten stund. Alla behöver inte vara med hela "
                    "vägen.",
                    "Fira det ni lär er, också när testet inte blev som ni tänkt.",
                ],
                ordered=True,
            )
        ),
        b.quote(
            "När kollegorna fick prova cyklarna själva behövde vi inte övertyga någon.",
            "Undersköterska i hemtjänsten",
        ),
        b.rich(
            b.heading("Chefens roll")
            + b.paras(
                "Engagemang behöver utrymme. En chef som ger tid i schemat och frågar hur det går "
                "gör mer än en chef som säger att idéer är välkomna.",
                "Team med olika yrken och verksamheter ser mer än ett team där alla gör samma "
                "sak. Det är därför Idéslussen sätter ihop tvärkompetenta team. Mer om hur det "
                f"går till finns i {b.link(ctx['pages']['sa-arbetar'], 'Så arbetar Idéslussen')}.",
            )
        ),
        b.image(ctx["images"][article.image]),
        _cta(ctx),
    ]


def _digitalisation(ctx, article):
    return [
        b.rich(
            b.paras(
                "Många idéer som kommer till Idéslussen handlar om en app, en e-tjänst eller en "
                "chattbot. Vi tar dem på allvar, och börjar med att fråga vad som ska bli bättre "
                "och för vem."
            )
            + b.heading("Tre frågor innan tekniken")
            + b.bullets(
                [
                    "Vilket problem löser det, och hur vet vi att problemet finns?",
                    "Vem ska använda lösningen, och vad behöver de för att kunna göra det?",
                    "Vad händer med arbetssättet runt omkring?",
                ],
                ordered=True,
            )
            + b.paras(
                "Ibland blir svaret en digital lösning, som en guide som hjälper den som söker "
                "bygglov att få med rätt handlingar. Ibland visar det sig att det viktigaste var "
                "något annat: i caset om en chattbot för försörjningsstöd var det de omskrivna "
                "texterna som gjorde nytta.",
                "Digitalisering som verktyg är ett av tillfällena i "
                f"{b.link(ctx['programme'][2019], 'Innovationsprogrammet 2019')}.",
            )
        ),
        b.fact_box(
            "Innan du beställer ett system",
            b.bullets(
                [
                    "Prata med tre personer som ska använda det.",
                    "Rita upp hur arbetet går till i dag.",
                    "Testa idén med papper och penna först.",
                ]
            ),
        ),
        b.image(ctx["images"][article.image]),
        _cta(ctx),
    ]


def _culture(ctx, article):
    return [
        b.rich(
            b.paras(
                "En innovationsvänlig kultur syns inte i en policy. Den syns i vad som händer när "
                "någon säger: jag har en idé."
            )
            + b.heading("Trygghet först")
            + b.paras(
                "Det måste vara tillåtet att pröva och att ha fel. Därför ligger Idéslussen på "
                "neutral mark, utanför linjen, där en idé kan utforskas innan någon har tagit "
                "ställning till den."
            )
            + b.heading("Tid och mandat")
            + b.paras(
                "Den som driver ett case behöver tid i schemat och en chef som vet om det. Utan "
                "det blir idéarbete något man gör på kvällen, och då tar det stopp."
            )
            + b.heading("En väg till beslut")
            + b.paras(
                "Ledningen behöver vara med tidigt och ta ansvar för att goda idéer kan "
                "prioriteras, men den ska inte styra själva processen. I Sundsvall är idérådet "
                "länken mellan Idéslussen och ledningen, och steget från test till införande tas "
                "i dialog med verksamheten."
            )
        ),
        b.fact_box(
            "Tecken på en arbetsplats där idéer växer",
            b.bullets(
                [
                    "Frågor välkomnas lika mycket som svar.",
                    "Det finns tid avsatt för att pröva.",
                    "Avslutade tester berättas om, också de som inte lyckades.",
                    "Det är tydligt vem som beslutar om nästa steg.",
                ]
            ),
        ),
        b.image(ctx["images"][article.image]),
        b.call_to_action(
            "Så arbetar Idéslussen",
            "Läs om stegen från första samtal till beslutsunderlag.",
            "Läs om arbetssättet",
            page=ctx["pages"]["sa-arbetar"],
        ),
    ]


def _journeys(ctx, article):
    return [
        b.rich(
            b.paras(
                "Hur vet vi att vi har förstått problemet? Det är lätt att anta vad andra "
                "behöver och att vara snabb med en lösning. Två verktyg hjälper oss att stanna "
                "upp och ta reda på hur det faktiskt är."
            )
            + b.heading("Kundresan: utifrån och in")
            + b.paras(
                "En kundresa följer en person genom en tjänst, steg för steg. Vad gör hen, vad "
                "tänker hen, och var blir det svårt? Kundresan bygger på intervjuer och, när det "
                "går, på att följa med."
            )
            + b.heading("Processkartan: inifrån och ut")
            + b.paras(
                "En processkartläggning visar vem som gör vad, i vilken ordning, med vilka "
                "system och vilka överlämningar. Den visar var information fastnar eller tappas "
                "bort."
            )
            + b.heading("När de läggs bredvid varandra")
            + b.paras(
                "I caset om tidigare upptäckt av demenssjukdom visade kundresorna och "
                "processkartan tillsammans något som ingen av dem visade ensam: att kommunen "
                "kommer in först när läget redan är svårt för både den sjuke och de anhöriga."
            )
        ),
        b.fact_box(
            "Så gör du en enkel kundresa",
            b.bullets(
                [
                    "Välj en person och en situation.",
                    "Intervjua, och följ med om det går.",
                    "Rita upp stegen på ett långt papper.",
                    "Markera var det känns tungt eller osäkert.",
                    "Jämför med hur processen ser ut inifrån.",
                ],
                ordered=True,
            ),
        ),
        b.image(ctx["images"][article.image]),
        _cta(ctx),
    ]


BODIES = {
    "tjanstedesign": _service_design,
    "myter": _myths,
    "engagera": _engagement,
    "digitalisering": _digitalisation,
    "kultur": _culture,
    "kundresor": _journeys,
}
