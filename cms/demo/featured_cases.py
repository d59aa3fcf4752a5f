"""Seven cases written by hand; each has a good example ("gott exempel") about it.

The first is the dementia case from the article: a nurse in social services, a team from
several operations, fact-finding, four research projects with Mittuniversitetet, process
mapping and customer journeys, and ten people working on four proposed solutions.
"""

from datetime import date as d

from .case_parts import BOU, IAF, KSK, SBK, VOF, Carrier, CaseSpec

MIUN = "Mittuniversitetet"

DEMENTIA = CaseSpec(
    key="demens",
    title="Tidigare upptäckt av demenssjukdom",
    summary=(
        "En sjuksköterska i socialtjänsten ville att kommunen skulle kunna upptäcka "
        "demenssjukdom tidigare, så att den som blir sjuk och de anhöriga får stöd i tid. "
        "Ett team från flera verksamheter har kartlagt dagens vägar och tar nu fram fyra "
        "förslag på ett nytt arbetssätt."
    ),
    challenge=(
        "När kommunen får kontakt med en person med demenssjukdom har sjukdomen ofta pågått "
        "länge. Både den som är sjuk och de anhöriga är då hårt pressade, och stödet blir en "
        "fråga om att hantera kriser i stället för att ge ett gott liv. Det behövs ett sätt att "
        "fånga tidiga tecken och samarbeta kring dem innan läget blir akut."
    ),
    received=d(2018, 4, 16),
    origin="medarbetaride",
    home=VOF,
    history=[
        ("inkommen", d(2018, 4, 16), "Idén kom in efter ett möte på arbetsplatsen"),
        ("utforskas", d(2018, 5, 28), "Tvärkompetent team bildat, faktainsamling startar"),
        ("konceptutveckling", d(2019, 9, 10), "Kartläggning klar: kommunen kommer in för sent"),
    ],
    topics=("Äldreomsorg", "Hälsa"),
    sdgs=(3, 10, 17),
    target_groups=("aldre", "anhoriga", "medarbetare"),
    innovation_types=("tjanst", "process", "organisatorisk"),
    methods=(
        "faktainsamling",
        "intervjuer",
        "processkartlaggning",
        "kundresa",
        "forskningsprojekt",
        "workshop",
    ),
    participating=(IAF, "Region Västernorrland"),
    partners=(
        (MIUN, "forskning", "Fyra forskningsprojekt om tidiga tecken och anhörigas situation"),
        ("Region Västernorrland", "offentlig", "Primärvårdens erfarenhet av minnesutredningar"),
    ),
    team_size=10,
    solutions=(
        (
            "En kontaktperson från första misstanken",
            "En demenssjuksköterska som följer personen och de anhöriga redan innan diagnosen "
            "är ställd.",
        ),
        (
            "Kunskapslyft om tidiga tecken",
            "Korta utbildningar för hemtjänst och biståndshandläggare om vad de ska vara "
            "uppmärksamma på och vem de ska säga det till.",
        ),
        (
            "Gemensam rutin med primärvården",
            "En överenskommelse om hur kommun och vårdcentral delar information när någon "
            "utreds för minnessvikt.",
        ),
        (
            "Stöd till anhöriga från början",
            "Samtalsstöd och träffar för anhöriga redan när oron väcks, inte först när "
            "situationen är ohållbar.",
        ),
    ),
    research=(
        ("Tidiga tecken på demenssjukdom i hemtjänstens vardag", MIUN, ""),
        ("Anhörigas erfarenheter av vägen fram till en demensdiagnos", MIUN, ""),
        ("Digitala minnestester i hemmet – en förstudie", MIUN, ""),
        ("Samverkan mellan kommun och primärvård vid kognitiv svikt", MIUN, ""),
    ),
    carriers=(
        Carrier("Sjuksköterska", "Socialtjänsten, Vård- och omsorgsförvaltningen"),
        Carrier("Biståndshandläggare", "Myndighetsenheten", name="Helena Forsberg"),
    ),
    coach="idecoach2",
    results=(
        "Kartläggningen visar att kommunen i dag kommer in alldeles för sent, när både den "
        "som är sjuk och de anhöriga redan mår dåligt. Teamet har tagit fram ett förslag på "
        "hur arbetet kan se ut i stället, och nu pågår samtal om det med politiker, "
        "verksamheten och samarbetspartnerna."
    ),
    challenges_met=(
        "Information om en och samma person finns hos flera huvudmän som inte kan se "
        "varandras uppgifter. Teamet har fått arbeta med avidentifierade exempel."
    ),
    lessons=(
        "Kundresorna ändrade bilden av problemet: det svåra är inte själva diagnosen utan "
        "tiden innan, när ingen har ansvar för att fånga oron."
    ),
    next_steps="När förslagen har fått stöd väljer teamet vilket som ska testas först.",
)

SCHOOL_MEALS = CaseSpec(
    key="skolmat",
    title="Skolrestauranger som slänger mindre mat",
    summary=(
        "En kock ville minska mängden mat som slängs i skolrestaurangerna. Eleverna vägde "
        "själva sitt tallrikssvinn, och på ett år halverades svinnet på skolorna som var med."
    ),
    challenge=(
        "Varje dag slängs mat som har lagats med omsorg, både från tallrikarna och i köket. "
        "Det kostar pengar och klimat, och ingen vet riktigt hur stort svinnet är eller varför "
        "det uppstår."
    ),
    received=d(2017, 9, 18),
    origin="medarbetaride",
    home=BOU,
    history=[
        ("inkommen", d(2017, 9, 18), "Idén kom in via webbformuläret"),
        ("utforskas", d(2017, 10, 23), "Mätning av svinnet under två veckor"),
        ("konceptutveckling", d(2018, 1, 15), "Workshop med elever och kökspersonal"),
        ("testas", d(2018, 3, 5), "Test på tre skolor"),
        ("implementeras", d(2018, 8, 20), "Kostenheten beslutade om införande"),
        ("avslutad", d(2019, 6, 14), "Infört på alla skolor"),
    ],
    outcome="infort",
    topics=("Miljö och klimat", "Skola och förskola"),
    sdgs=(12, 13),
    target_groups=("barn_unga", "medarbetare"),
    innovation_types=("process",),
    methods=("faktainsamling", "workshop", "prototyp", "pilot"),
    team_size=6,
    solutions=(
        ("Daglig vägning av tallrikssvinnet", "Eleverna ser varje dag hur mycket som slängts."),
        ("Mindre portioner och påfyllning", "Det är lätt att ta mer, och mindre hamnar i soporna."),
        ("Meny som tar vara på rester", "Överbliven mat planeras in i nästa dags rätter."),
    ),
    carriers=(
        Carrier(
            "Kock",
            "Kostenheten, Barn- och utbildningsförvaltningen",
            name="Linnea Åkesson",
            consent_date=d(2019, 5, 2),
        ),
    ),
    results="Arbetssättet används nu i alla skolrestauranger i kommunen.",
    measured_effects=(
        "Tallrikssvinnet minskade från 45 till 22 gram per elev och dag på de tre skolorna "
        "som testade."
    ),
    lessons=(
        "När eleverna själva fick se siffrorna ändrades beteendet snabbare än efter någon kampanj."
    ),
    spread="Timrå kommun och Ånge kommun har tagit del av arbetssättet.",
    next_steps="Kostenheten följer upp svinnet varje termin.",
)

WATER_SENSOR = CaseSpec(
    key="vattenmatare",
    title="Sensor som varnar för frusna vattenmätare",
    summary=(
        "En drifttekniker såg att frusna vattenmätare orsakar dyra skador varje vinter och "
        "skissade på en enkel sensor som varnar i tid. Idén visade sig vara en affärsidé och "
        "har hittat hem hos inkubatorn Bizmaker."
    ),
    challenge=(
        "Varje vinter fryser vattenmätare i källare och förråd. Det leder till vattenskador, "
        "akuta utryckningar och avbrott för de boende, och felet upptäcks först när skadan "
        "redan har skett."
    ),
    received=d(2018, 1, 22),
    origin="medarbetaride",
    home="MittSverige Vatten & Avfall",
    history=[
        ("inkommen", d(2018, 1, 22), "Idén kom in efter en kall vecka med många larm"),
        ("utforskas", d(2018, 2, 26), "Genomgång av skadeärenden"),
        ("konceptutveckling", d(2018, 5, 14), "Första skiss på sensor och tjänst"),
        ("avslutad", d(2018, 11, 5), "Idén lämnades till inkubatorn"),
    ],
    outcome="hittat_hem",
    taken_over_by="Bizmaker",
    topics=("Samhällsbyggnad", "Miljö och klimat"),
    sdgs=(6, 9),
    target_groups=("invanare", "foretag"),
    innovation_types=("produkt",),
    methods=("faktainsamling", "intervjuer", "prototyp"),
    partners=(
        ("Bizmaker", "innovationsstod", "Tog emot affärsidén i inkubatorn"),
        ("Bron Innovation", "innovationsstod", "Rådgivning om skydd av idén"),
    ),
    team_size=3,
    solutions=(("Temperaturgivare vid mätaren", "Skickar sms när temperaturen närmar sig noll."),),
    carriers=(
        Carrier("Drifttekniker", "Ledningsnät", name="Mikael Strand", consent_date=d(2018, 10, 30)),
    ),
    results=(
        "Idébäraren utvecklar sensorn vidare som företag i Bizmakers inkubator. MittSverige "
        "Vatten & Avfall följer arbetet som en möjlig framtida kund."
    ),
    lessons="En bra idé som inte passar i kommunen kan ändå bli av, hos någon annan.",
    next_steps="Bizmaker ansvarar för det fortsatta arbetet.",
)

BUILDING_PERMIT = CaseSpec(
    key="bygglov",
    title="Bygglovsguide som visar vägen",
    summary=(
        "En bygglovshandläggare ville att fler ansökningar skulle vara kompletta från början. "
        "Med hjälp av kundresor togs en digital guide fram, och efter ett lyckat test införs "
        "den nu."
    ),
    challenge=(
        "Mer än hälften av ansökningarna om bygglov saknar något när de kommer in. Den "
        "sökande får vänta, handläggaren lägger tid på att begära kompletteringar, och båda "
        "blir frustrerade."
    ),
    received=d(2018, 10, 8),
    origin="medarbetaride",
    home=SBK,
    history=[
        ("inkommen", d(2018, 10, 8), "Idén kom in via idécoachen"),
        ("utforskas", d(2018, 11, 12), "Kundresor med tio sökande"),
        ("konceptutveckling", d(2019, 2, 4), "Workshop om guiden"),
        ("testas", d(2019, 5, 20), "Guiden testas på webben"),
        ("implementeras", d(2020, 2, 17), "Beslut om införande"),
    ],
    topics=("Samhällsbyggnad", "Service till invånare"),
    sdgs=(11, 16),
    target_groups=("invanare", "foretag"),
    innovation_types=("tjanst", "process"),
    methods=("kundresa", "intervjuer", "workshop", "prototyp", "pilot"),
    participating=(KSK,),
    team_size=5,
    solutions=(
        ("Digital guide med frågor och svar", "Visar vilka handlingar just din åtgärd kräver."),
        ("Checklista för handlingar", "Går att skriva ut och bocka av."),
        ("Förmöte på 15 minuter", "För den som är osäker innan ansökan skickas."),
    ),
    carriers=(Carrier("Bygglovshandläggare", "Bygglovsavdelningen", name="Erik Lundgren"),),
    results=(
        "I testet minskade andelen ansökningar som behövde kompletteras från 62 % till 37 %. "
        "Förväntat resultat när guiden är införd: kortare handläggning och färre samtal."
    ),
    challenges_met="Guiden behövde skrivas om två gånger innan de sökande förstod den.",
    lessons="Sökande läser sällan långa texter. Korta frågor med ja och nej fungerade bäst.",
    next_steps="Guiden ska vara införd för alla typer av bygglov under nästa år.",
)

E_BIKES = CaseSpec(
    key="elcyklar",
    title="Elcyklar i hemtjänsten",
    summary=(
        "En undersköterska föreslog att hemtjänsten skulle cykla i stället för att köra bil "
        "till besök i centrala Sundsvall. Testet föll väl ut, och konceptet har lämnats över "
        "till hemtjänsten."
    ),
    challenge=(
        "Hemtjänstens bilar står ofta i kö eller letar parkering i centrum, fast avstånden "
        "mellan besöken är korta. Det tar tid från besöken och ger utsläpp som går att undvika."
    ),
    received=d(2017, 5, 15),
    origin="medarbetaride",
    home=VOF,
    history=[
        ("inkommen", d(2017, 5, 15), "Idén kom in på en arbetsplatsträff"),
        ("utforskas", d(2017, 6, 12), "Kartläggning av körsträckor"),
        ("konceptutveckling", d(2017, 9, 4), "Koncept med cyklar och planering"),
        ("testas", d(2018, 4, 9), "Test med sex elcyklar"),
        ("avslutad", d(2018, 12, 10), "Överlämnat till hemtjänsten"),
    ],
    outcome="overlamnat",
    taken_over_by=VOF,
    topics=("Äldreomsorg", "Miljö och klimat", "Arbetsmiljö"),
    sdgs=(3, 11, 13),
    target_groups=("medarbetare", "aldre"),
    innovation_types=("process", "organisatorisk"),
    methods=("faktainsamling", "processkartlaggning", "intervjuer", "pilot"),
    participating=("Sundsvall Energi",),
    team_size=7,
    solutions=(
        ("Elcyklar för besök inom tre kilometer", "Bilen används bara för längre sträckor."),
        ("Vinterdäck och förvaring inomhus", "Så att cyklarna går att använda hela året."),
        ("Planering som samlar besök", "Besöken läggs så att de ligger nära varandra."),
    ),
    carriers=(
        Carrier(
            "Undersköterska",
            "Hemtjänsten i centrala Sundsvall",
            name="Amira Hassan",
            consent_date=d(2018, 11, 20),
        ),
        Carrier("Enhetschef", "Hemtjänsten i centrala Sundsvall"),
    ),
    results="Konceptet och ett beslutsunderlag har lämnats över till hemtjänsten.",
    measured_effects=(
        "Under testet ersatte cyklarna drygt 9 000 kilometer med bil, och medarbetarna kom "
        "oftare fram i tid."
    ),
    challenges_met="Det var svårt att hitta säker förvaring för cyklarna nära lokalerna.",
    lessons="Medarbetarna som testade blev de bästa ambassadörerna för arbetssättet.",
    next_steps="Hemtjänsten beslutar om cyklar i fler grupper.",
)

CHATBOT = CaseSpec(
    key="chattbot",
    title="Chattbot för frågor om försörjningsstöd",
    summary=(
        "En socialsekreterare ville att den som söker försörjningsstöd skulle få svar på "
        "enkla frågor dygnet runt. En chattbot testades men räckte inte till; lärdomarna om "
        "tydligare texter används nu på webbplatsen."
    ),
    challenge=(
        "Många som söker försörjningsstöd ringer med frågor om regler och datum. Telefontiden "
        "är kort, och de som behöver mer stöd får vänta medan enkla frågor besvaras."
    ),
    received=d(2019, 1, 14),
    origin="medarbetaride",
    home=IAF,
    history=[
        ("inkommen", d(2019, 1, 14), "Idén kom in via webbformuläret"),
        ("utforskas", d(2019, 2, 11), "Genomgång av vanliga frågor"),
        ("konceptutveckling", d(2019, 4, 1), "Frågor och svar skrivs om"),
        ("testas", d(2019, 9, 2), "Chattbot testas på webben"),
        ("avslutad", d(2020, 3, 16), "Avslutat med lärdomar"),
    ],
    outcome="larande",
    topics=("Socialtjänst", "Digitalisering", "Service till invånare"),
    sdgs=(1, 16),
    target_groups=("invanare",),
    innovation_types=("tjanst", "produkt"),
    methods=("faktainsamling", "intervjuer", "omvarldsbevakning", "prototyp", "pilot"),
    participating=(KSK,),
    team_size=4,
    solutions=(
        ("Chattbot på webbplatsen", "Svarar på frågor om regler och datum."),
        ("Frågor och svar i klarspråk", "Texterna skrevs om tillsammans med sökande."),
    ),
    carriers=(Carrier("Socialsekreterare", "Försörjningsstöd"),),
    coach="idecoach2",
    results="Chattboten kunde bara svara på ungefär var tredje fråga och används inte längre.",
    measured_effects="De omskrivna texterna minskade samtalen om utbetalningsdatum med 30 %.",
    challenges_met="Frågorna var ofta personliga och gick inte att svara på utan att se ärendet.",
    lessons=(
        "Det som gjorde nytta var inte tekniken utan arbetet med att skriva om texterna så "
        "att de går att förstå. Att avsluta i tid gav utrymme för det."
    ),
)

FURNITURE = CaseSpec(
    key="mobelbanken",
    title="Möbelbanken – återbruk mellan förvaltningar",
    summary=(
        "En lokalvårdare såg hela möbler bäras ut till containern vid varje flytt. Nu testas "
        "en intern möbelbank där förvaltningarna lämnar och hämtar möbler, och där "
        "arbetsmarknadsinsatserna lagar det som behövs."
    ),
    challenge=(
        "När verksamheter flyttar eller byter inredning slängs fungerande möbler, samtidigt som "
        "andra delar av kommunen köper nytt. Ingen har överblick över vad som finns."
    ),
    received=d(2019, 8, 26),
    origin="medarbetaride",
    home="Servicecenter",
    history=[
        ("inkommen", d(2019, 8, 26), "Idén kom in på en workshop"),
        ("utforskas", d(2019, 9, 30), "Inventering vid tre flyttar"),
        ("konceptutveckling", d(2019, 12, 2), "Koncept för möbelbanken"),
        ("testas", d(2020, 4, 20), "Test med två förvaltningar"),
    ],
    topics=("Miljö och klimat", "Samhällsbyggnad"),
    sdgs=(12, 13, 8),
    target_groups=("medarbetare",),
    innovation_types=("organisatorisk", "process"),
    methods=("faktainsamling", "workshop", "prototyp", "pilot"),
    participating=(IAF, "Drakfastigheter"),
    team_size=8,
    solutions=(
        ("Digital katalog över lediga möbler", "Förvaltningarna ser vad som finns att hämta."),
        ("Renovering i arbetsmarknadsinsatserna", "Deltagare lagar och klär om möbler."),
        ("Inventering före flytt", "En rutin som gör att möblerna fångas upp i tid."),
    ),
    carriers=(
        Carrier(
            "Lokalvårdare",
            "Lokalvården, Servicecenter",
            name="Sanna Öberg",
            consent_date=d(2020, 5, 11),
        ),
    ),
    results=(
        "Förväntat resultat: färre inköp av nya möbler och fler uppdrag för "
        "arbetsmarknadsinsatserna. Under de första månaderna har 140 möbler fått nya ägare."
    ),
    coach="idecoach2",
    challenges_met="Lagerplatsen räckte inte till när två förvaltningar flyttade samtidigt.",
    next_steps="Testet utvärderas, och sedan tas ett beslutsunderlag fram för hela kommunen.",
)

FEATURED = [DEMENTIA, SCHOOL_MEALS, WATER_SENSOR, BUILDING_PERMIT, E_BIKES, CHATBOT, FURNITURE]
