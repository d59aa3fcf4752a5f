"""The fixed pages under the home page: how Idéslussen works, about the portal, contact,
personal data and the accessibility statement (with every element the law asks for)."""

from cms.core.models import StandardPage
from swedish import swedish_slugify

from . import base as b

DIGG_FORM = "https://www.digg.se/tdosanmalan"
IMY = "https://www.imy.se/"


def ensure_fixed_pages(home, sections, images, users, report) -> dict:
    """The fixed pages by key; ``sections`` holds the section index pages by slug."""
    user = users["kommunikator"]
    pages = {}

    def add(key, title, summary, body, image=None):
        def factory():
            page = StandardPage(title=title, listing_summary=summary, body=b.stream(key, body()))
            if image is not None:
                page.listing_image = image
                page.listing_image_alt = image.description
            return page

        slug = swedish_slugify(title)
        pages[key] = b.ensure_child_page(
            home, slug, factory, user, report, "Informationssidor", published=b.DEMO_DAY
        )

    add(
        "kontakt",
        "Kontakta oss",
        "Så når du Idéslussen med en idé, ett problem eller en fråga.",
        lambda: _contact(images),
    )
    add(
        "personuppgifter",
        "Behandling av personuppgifter",
        "Vilka personuppgifter som finns i caseportalen, varför, och vilka rättigheter du har.",
        lambda: _personal_data(pages),
    )
    add(
        "sa-arbetar",
        "Så arbetar Idéslussen",
        "Från första samtalet till ett beslutsunderlag: så går det till när en idé prövas i "
        "Idéslussen, och vem som gör vad.",
        lambda: _how_it_works(pages, sections, images),
        image=images[0],
    )
    add(
        "om",
        "Om Innovation Hub Sundsvall",
        "Vad caseportalen visar, hur ett case beskrivs och varför vi visar det öppet.",
        lambda: _about(pages, sections),
        image=images[5],
    )
    add(
        "tillganglighet",
        "Tillgänglighetsredogörelse",
        "Hur tillgänglig webbplatsen är, vilka brister vi känner till och hur du påtalar problem.",
        lambda: _accessibility(pages),
    )
    return pages


def _contact(images):
    return [
        b.rich(
            b.paras(
                "Har du en idé, ett problem du vill utforska eller en fråga om Idéslussen? Hör av "
                "dig, så bokar vi ett första samtal. Det kostar ingenting, och du behöver inte ha "
                "en färdig lösning – det räcker med en fråga du vill ha svar på.",
            )
            # Only the ways the site shows (the site settings' e-mail, phone and postal
            # address, in the contact box below and in every page's footer).
            + b.heading("Så når du oss")
            + b.paras(
                "Skicka e-post, ring eller skriv ett brev till oss. E-postadressen, "
                "telefonnumret och postadressen står under Kontaktuppgifter här nedanför och "
                "längst ned på varje sida.",
                "Vill du att vi berättar om Idéslussen på en arbetsplatsträff? Hör av dig på "
                "samma sätt, så bokar vi en tid.",
                "Vi svarar inom två arbetsdagar.",
            )
        ),
        b.fact_box(
            "Vilka vi är",
            b.bullets(
                [
                    "En innovationsledare",
                    "Två idécoacher",
                    "En kommunikatör",
                    "En ekonom",
                ]
            ),
        ),
        b.image(images[6], caption="Idéslussen finns i Sundsvall och arbetar i hela regionen."),
    ]


def _personal_data(pages):
    contact = pages["kontakt"]
    return [
        b.rich(
            b.paras(
                "Sundsvalls kommun, genom kommunstyrelsen, är personuppgiftsansvarig för "
                "Innovation Hub Sundsvall. Här beskriver vi vilka uppgifter om personer som "
                "finns i caseportalen och hur vi hanterar dem."
            )
            + b.heading("Roller visas, namn bara med samtycke")
            + b.paras(
                "I caseportalen beskriver vi de som arbetar med ett case med sin roll och "
                "verksamhet, till exempel ”undersköterska i hemtjänsten”. Ett namn visas bara om "
                "personen själv har valt det. Vi antecknar när valet gjordes, och den som ångrar "
                "sig kan när som helst ta tillbaka sitt samtycke. Då tar vi bort namnet.",
                "Vi publicerar aldrig uppgifter om invånare, patienter eller brukare. Ett case "
                "beskriver ett behov och ett arbetssätt, inte de enskilda personer som "
                "verksamheten möter.",
            )
            + b.heading("Tre nivåer för vad som visas")
            + b.bullets(
                [
                    "<b>Intern</b>: caset visas aldrig utanför redaktionssystemet.",
                    "<b>Anonymiserad</b>: caset visas, men personer bara med sin roll.",
                    "<b>Publik</b>: caset visas, och namn visas för dem som har samtyckt.",
                ]
            )
            + b.heading("Varför vi behandlar uppgifterna")
            + b.paras(
                "Vi sprider kunskap om innovation i offentlig sektor. Det är en uppgift av "
                "allmänt intresse. Namn visar vi med stöd av samtycke. Uppgifterna finns kvar så "
                "länge caset finns i portalen, och allmänna handlingar hanteras enligt "
                "arkivlagen.",
                "Prenumererar du på nyhetsbrevet sparar vi din e-postadress tills du avslutar "
                "prenumerationen. Varje utskick har en länk för att avsluta.",
                "Webbplatsen sätter inga kakor (cookies) som inte behövs för att den ska "
                "fungera, och den använder inga tjänster som spårar dig.",
            )
            + b.heading("Dina rättigheter")
            + b.bullets(
                [
                    "Få veta vilka uppgifter vi har om dig (registerutdrag).",
                    "Få felaktiga uppgifter rättade.",
                    "Få uppgifter raderade eller begränsade i vissa fall.",
                    "Invända mot att vi behandlar uppgifterna.",
                    "Ta tillbaka ditt samtycke till att namnet visas.",
                ]
            )
            + b.heading("Kontakt")
            + b.paras(
                f"{b.link(contact, 'Kontakta Idéslussen')} om du har frågor eller vill använda "
                "dina rättigheter. Du kan också vända dig till kommunens dataskyddsombud via "
                "kommunens kontaktcenter.",
                "Om du tycker att vi behandlar uppgifter på fel sätt kan du lämna klagomål till "
                f"{b.ext_link(IMY, 'Integritetsskyddsmyndigheten (IMY)')}.",
            )
        ),
        b.fact_box(
            "Kort sagt",
            b.bullets(
                [
                    "Personuppgiftsansvarig: Sundsvalls kommun (kommunstyrelsen)",
                    "Medarbetare visas med roll",
                    "Namn bara med samtycke",
                    "Aldrig uppgifter om invånare, patienter eller brukare",
                ]
            ),
        ),
    ]


def _how_it_works(pages, sections, images):
    contact = pages["kontakt"]
    stories = sections["goda-exempel"]
    programme = sections["innovationsprogrammet"]
    return [
        b.rich(
            b.paras(
                "Idéslussen är en plats där du som arbetar i kommunen kan pröva en idé eller "
                "ett problem innan någon har bestämt hur det ska lösas. Det är ingen förslagslåda: "
                "vi arbetar med dig, med metoder och verktyg, tills det finns ett underlag som "
                "verksamheten kan fatta beslut om.",
            )
            + b.heading("Fyra steg")
            + b.bullets(
                [
                    "<b>Ett första samtal.</b> Du berättar om din idé eller ditt problem. "
                    "Tillsammans bestämmer vi vilken fråga som ska undersökas och vad målet är.",
                    "<b>Utforska behovet.</b> Vi tar reda på vilka som berörs och vad de "
                    "behöver, med intervjuer, kundresor, processkartläggning och ibland "
                    "forskning.",
                    "<b>Pröva i liten skala.</b> Förslagen testas med en enkel prototyp eller en "
                    "pilot innan någon behöver fatta stora beslut.",
                    "<b>Lämna över.</b> Du får ett koncept och ett beslutsunderlag. Det är "
                    "verksamheten som beslutar om och betalar ett införande.",
                ],
                ordered=True,
            )
            + b.heading("Du äger din idé")
            + b.paras(
                "Idécoachen stöttar, hittar rätt kompetens och håller ihop processen, men det "
                "är du som driver ditt case. Vi går bara in i en verksamhet när vi är inbjudna.",
                "Är idén en affärsidé kan du välja att ta den vidare till en inkubator, till "
                "exempel Bizmaker. Passar idén inte i kommunen hjälper vi den att hitta hem hos "
                "någon annan.",
                f"Läs {b.link(stories, 'goda exempel')} på case som har gått igenom slussen.",
            )
        ),
        b.quote(
            "Parkera lösningen en stund och gräv i behovet först. Det är där de bästa idéerna "
            "brukar finnas.",
            "Idécoach i Idéslussen",
        ),
        b.image(images[0]),
        b.rich(
            b.heading("Vilka som står bakom")
            + b.paras(
                "Sundsvalls kommun driver Idéslussen. Med i samarbetet finns också Region "
                "Västernorrland, grannkommunerna Härnösand, Timrå och Ånge, Bron Innovation och "
                "inkubatorn Bizmaker. Forskningen sker ihop med Mittuniversitetet.",
                "Idéslussens team består av en innovationsledare, två idécoacher, en kommunikatör "
                "och en ekonom. Ett idéråd med representanter för flera verksamheter är länken "
                "mellan Idéslussen och ledningen.",
                "Vill du lära dig arbetssätten själv? Läs om "
                f"{b.link(programme, 'Innovationsprogrammet')}.",
            )
        ),
        b.fact_box(
            "Idéslussen i korthet",
            b.bullets(
                [
                    "Startade 2017",
                    "För alla som arbetar i kommunens förvaltningar och bolag",
                    "Samarbetsavtal med Mittuniversitetet sedan 2014, med fler än 60 "
                    "forskningsprojekt",
                    "Kostar ingenting för den som har en idé",
                ]
            ),
        ),
        b.call_to_action(
            "Har du en idé?",
            "Boka ett första samtal med en idécoach.",
            "Kontakta Idéslussen",
            page=contact,
        ),
    ]


def _about(pages, sections):
    return [
        b.rich(
            b.paras(
                "Innovation Hub Sundsvall är Idéslussens caseportal. Här finns case om hur "
                "kommunen förnyar sig för en hållbar utveckling: idéer och problem som "
                "medarbetare har tagit till Idéslussen, hur de arbetades med och hur det gick.",
                "Vi visar casen så att fler kan lära av dem, och för att vara öppna mot dem vi "
                "samarbetar med. Många case kopplas till de globala målen i Agenda 2030.",
            )
            + b.heading("Fas och utfall")
            + b.paras(
                "Varje case har en fas som visar var det är just nu: inkommen, utforskas, idé- "
                "och konceptutveckling, testas, implementeras eller avslutad. Ett avslutat case "
                "har ett utfall, till exempel att idén har införts, lämnats över till en "
                "verksamhet eller hittat hem hos någon annan. Även case som avslutades med "
                "lärdomar visas – de är också resultat.",
                "Siffrorna i rutan Nuläget räknas fram direkt ur registret, så de stämmer för "
                "varje datum. De räknar alla case i registret, också de interna som inte visas "
                "i caseportalen.",
            )
            + b.heading("Läs vidare")
            + b.bullets(
                [
                    b.link(pages["sa-arbetar"], "Så arbetar Idéslussen"),
                    b.link(sections["goda-exempel"], "Goda exempel"),
                    b.link(sections["nyhetsbrev"], "Nyhetsbrevet Aktuellt i Idéslussen"),
                    b.link(pages["personuppgifter"], "Så hanterar vi personuppgifter"),
                ]
            )
        ),
    ]


def _accessibility(pages):
    """What the editor writes: status, known problems, method and dates of the assessment,
    feedback and supervision (DIGG's model). The documents the site links to and the date
    the statement was last updated are added by the build (sitebuild/pull/accessibility.py),
    so they are never out of date."""
    contact = pages["kontakt"]
    return [
        b.rich(
            b.paras(
                "Sundsvalls kommun står bakom webbplatsen Innovation Hub Sundsvall, som "
                "Idésluss Sundsvall driver. Vi vill att så många som möjligt ska kunna använda "
                "den. Här beskriver vi hur webbplatsen uppfyller lagen (2018:1937) om "
                "tillgänglighet till digital offentlig service, vilka brister vi känner till och "
                "hur du kan rapportera problem."
            )
            + b.heading("Hur tillgänglig är webbplatsen?")
            + b.paras(
                "Enligt vår egen bedömning är webbplatsen <b>helt förenlig</b> med lagen om "
                "tillgänglighet till digital offentlig service. Vi känner inte till några "
                "brister. Hittar du en, vill vi gärna veta det."
            )
            + b.heading("Vad kan du göra om du inte kan använda delar av webbplatsen?")
            + b.paras(
                "Om du behöver innehåll från webbplatsen i ett annat format, "
                f"{b.link(contact, 'kontakta oss')}. Vi svarar inom två arbetsdagar."
            )
            + b.heading("Innehåll som inte är tillgängligt")
            + b.paras(
                "Vi känner inte till något innehåll på webbplatsen som inte är tillgängligt. "
                "Dokument som sidorna länkar till, till exempel pdf-filer, står i en lista "
                "längre ned. Den görs automatiskt varje gång webbplatsen byggs."
            )
            + b.heading("Oskäligt betungande anpassning")
            + b.paras(
                "Vi gör inte gällande att någon anpassning av webbplatsen är oskäligt betungande."
            )
            + b.heading("Innehåll som inte omfattas av lagen")
            + b.paras(
                "Innehåll från andra som vi inte har tagit fram, betalat för eller kan styra "
                "över, till exempel de webbplatser som vi länkar till."
            )
            + b.heading("Hur vi testade webbplatsen")
            + b.paras(
                "Vi har gjort en egen bedömning (självskattning) mot WCAG 2.1 nivå AA. Varje "
                "sidmall kontrolleras automatiskt med verktygen axe-core och Nu HTML Checker "
                "varje gång webbplatsens kod ändras. Automatiska tester i en webbläsare går "
                "igenom sidorna med bara tangentbord och utan JavaScript.",
                "Den senaste bedömningen gjordes den 12 oktober 2020. Webbplatsen publicerades "
                "den 20 oktober 2020.",
            )
            + b.heading("Berätta för oss om du hittar brister")
            + b.paras(
                "Vi vill hela tiden göra webbplatsen bättre. Om du hittar problem som inte står "
                f"här, {b.link(contact, 'kontakta oss')}."
            )
            + b.heading("Tillsynsmyndigheten")
            + b.paras(
                "Myndigheten för digital förvaltning (DIGG) har tillsyn över lagen om "
                "tillgänglighet till digital offentlig service. Om du inte är nöjd med hur vi "
                "har hanterat dina synpunkter kan du "
                f"{b.ext_link(DIGG_FORM, 'anmäla det till DIGG')}."
            )
        ),
        b.fact_box(
            "Kort om tillgängligheten",
            b.bullets(
                [
                    "Status: helt förenlig",
                    "Senast bedömd: 12 oktober 2020 (självskattning)",
                ]
            ),
        ),
        b.call_to_action(
            "Anmäl brister till DIGG",
            "Använd tillsynsmyndighetens formulär om du vill påtala brister i tillgängligheten.",
            "Anmäl brister i digital tillgänglighet till DIGG",
            url=DIGG_FORM,
        ),
    ]
