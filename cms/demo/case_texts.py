"""Sentences generated case records are written from. ``{aim}`` is a need's aim, ``{where}``
the setting ("i hemtjänsten"), ``{role}`` the idea carrier's role with its article."""

OPENERS = {
    "medarbetaride": (
        "{Role} vill {aim} {where}.",
        "Idén kommer från {role} som vill {aim} {where}.",
        "{Role} hörde av sig till Idéslussen för att {aim} {where}.",
    ),
    "chefsuppdrag": (
        "Idéslussen fick i uppdrag av en chef att undersöka hur man kan {aim} {where}.",
        "Uppdraget kom från en chef: att hitta sätt att {aim} {where}.",
    ),
    "utmaning": (
        "Hur kan vi {aim} {where}? Frågan lyftes som en utmaning av flera medarbetare.",
        "Flera medarbetare lyfte samma utmaning: att {aim} {where}.",
    ),
    "program": (
        "Idén föddes under Innovationsprogrammet {year}: att {aim} {where}.",
        "En deltagare i Innovationsprogrammet {year} ville {aim} {where}.",
    ),
    "extern": ("{org} hörde av sig till Idéslussen med frågan hur man kan {aim} {where}.",),
}

STATUS = {
    "inkommen": (
        "Idén har just kommit in, och det första samtalet med idébäraren är bokat.",
        "Idécoachen och idébäraren ska ses för att ringa in frågan.",
    ),
    "utforskas": (
        "Nu utforskas behovet i samtal med dem som berörs.",
        "Teamet samlar fakta och intervjuar dem som berörs för att förstå behovet.",
    ),
    "konceptutveckling": (
        "Behovet är kartlagt, och teamet tar fram förslag på lösningar.",
        "Med kunskapen om behovet arbetar teamet nu fram ett koncept.",
    ),
    "testas": (
        "Ett första förslag testas nu i liten skala.",
        "En enkel prototyp prövas just nu tillsammans med dem som ska använda den.",
    ),
    "implementeras": (
        "Efter ett lyckat test införs arbetssättet nu i verksamheten.",
        "Verksamheten har beslutat att införa lösningen och arbetar med det nu.",
    ),
    "infort": (
        "Lösningen är införd och används i det dagliga arbetet.",
        "Efter test och beslut är arbetssättet nu en del av vardagen.",
    ),
    "overlamnat": (
        "Ett färdigt koncept har lämnats över till verksamheten, som beslutar om fortsättningen.",
        "Teamet lämnade över ett koncept och ett beslutsunderlag till verksamheten.",
    ),
    "hittat_hem": ("Idén passade bättre utanför kommunen och drivs nu vidare av {taker}.",),
    "larande": (
        "Testet gav inte den effekt som teamet hoppades på, men lärdomarna tas till vara.",
        "Caset avslutades efter testet, och lärdomarna delas med andra verksamheter.",
    ),
    "finns_redan": ("Det visade sig att en fungerande lösning redan fanns, och caset avslutades.",),
    "ej_aktuellt": ("Caset avslutades eftersom förutsättningarna förändrades.",),
}

CHALLENGE_ENDINGS = (
    "Så ser det ut {where} i dag, och idébäraren vill hitta ett bättre sätt.",
    "Problemet har länge varit känt {where}, men ingen har haft tid att ta tag i det.",
    "Ingen har i dag ett samlat ansvar för frågan, och det drabbar både medarbetare och dem "
    "som verksamheten finns till för.",
)

NOTES = {
    "inkommen": (
        "Idén kom in via webbformuläret",
        "Idén kom in på ett möte på arbetsplatsen",
        "Idén kom in via idécoachen",
        "Idén kom in efter en workshop",
    ),
    "utforskas": ("Första dialogen med idébäraren", "Behovet ringas in"),
    "konceptutveckling": ("Behovet är kartlagt", "Arbetet med förslag startar"),
    "testas": ("Test i liten skala startar", "Prototyp testas med användare"),
    "implementeras": ("Verksamheten beslutade om införande",),
}

SOLUTION_NOTES = (
    "Förslaget kom fram i en workshop med medarbetare.",
    "Bygger på det som kom fram i intervjuerna.",
    "Inspirerat av hur en annan kommun arbetar.",
    "Togs fram tillsammans med dem som berörs.",
    "",
)

RESEARCH_PREFIXES = ("Följeforskning", "Utvärdering", "Examensarbete")

LESSONS = (
    "Det lönade sig att lägga tid på att förstå behovet innan teamet började prata lösningar.",
    "Ett team med flera yrken gav förslag som ingen hade kommit på ensam.",
    "Små tester i verkligheten gav mer kunskap än långa diskussioner i mötesrum.",
    "Cheferna i verksamheten behöver vara med tidigt, annars stannar idén vid överlämningen.",
    "Intervjuerna ändrade bilden av vad problemet egentligen var.",
    "Det är viktigt att bestämma i förväg hur effekten ska mätas.",
    "Idébäraren behöver tid i schemat för att kunna driva sitt case.",
    "En enkel prototyp på papper räckte för att få värdefulla synpunkter.",
    "Forskarnas blick utifrån gav tyngd åt underlaget inför beslutet.",
    "Att avsluta i tid är också ett resultat: det frigör tid till annat.",
)

CHALLENGES_MET = (
    "Det var svårt att hitta tider när hela teamet kunde träffas.",
    "Testet fick flyttas fram när verksamheten hade hög sjukfrånvaro.",
    "Uppgifterna som behövdes fanns i flera system som inte talar med varandra.",
    "Det tog tid att få med alla chefer som berördes.",
    "Ett testområde föll bort efter en omorganisation.",
)

ALREADY_EXISTS = (
    "Under utforskandet visade det sig att {other} redan har en lösning som fungerar. "
    "Idébäraren fick kontakt med dem.",
    "En liknande lösning fanns redan i ett av kommunens system men var inte känd i "
    "verksamheten. Caset avslutades när den började användas.",
)

NOT_RELEVANT = (
    "Caset avslutades eftersom verksamheten omorganiserades och behovet såg annorlunda ut efteråt.",
    "Caset avslutades när ett nytt verksamhetssystem löste en stor del av problemet.",
    "Idébäraren bytte tjänst, och ingen annan kunde driva caset vidare just då.",
    "Verksamheten valde att prioritera andra frågor, och caset avslutades i samförstånd.",
)

INTERNAL_REASONS = (
    "en upphandling som pågår",
    "en omorganisation som ännu inte är beslutad",
    "arbetsmiljön på en enskild arbetsplats",
    "säkerheten i kommunens IT-miljö",
)

FIRST_NAMES = (
    "Anna", "Erik", "Karin", "Lars", "Eva", "Per", "Maria", "Jonas", "Sofia", "Mikael",
    "Emma", "Anders", "Lena", "Fredrik", "Elin", "Magnus", "Ida", "Peter", "Hanna", "Daniel",
    "Linda", "Mattias", "Johanna", "Ali", "Fatima", "Ahmed", "Leila", "Omar", "Jenny",
    "Niklas", "Malin", "Henrik", "Camilla", "Tobias", "Åsa", "Göran",
)  # fmt: skip
LAST_NAMES = (
    "Andersson", "Johansson", "Karlsson", "Nilsson", "Eriksson", "Larsson", "Olsson",
    "Persson", "Svensson", "Gustafsson", "Pettersson", "Jonsson", "Hansson", "Lindberg",
    "Sundberg", "Öhman", "Nordin", "Hedlund", "Sjödin", "Holmgren", "Wikström", "Lundqvist",
    "Forsgren", "Berggren", "Norberg", "Ekström", "Lindström", "Hassan", "Rahimi", "Nyberg",
)  # fmt: skip

# Roles that take "ett" rather than "en".
NEUTER_ROLES = {"Skyddsombud"}


def with_article(role: str) -> str:
    """``"Undersköterska"`` → ``"en undersköterska"``; keeps ``"IT-tekniker"`` as written."""
    word = role[0].lower() + role[1:] if role[1:2].islower() else role
    return ("ett " if role in NEUTER_ROLES else "en ") + word


def lower_first(text: str) -> str:
    return text[0].lower() + text[1:] if text[1:2].islower() else text


def upper_first(text: str) -> str:
    return text[0].upper() + text[1:]
