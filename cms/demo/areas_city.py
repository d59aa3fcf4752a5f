"""Case parts for the city and its services: digitalisation, climate, planning, service."""

from .case_parts import BOU, KSK, SBK, Area, Need, Setting

AREAS = (
    Area(
        topic="Digitalisering",
        extra_topics=(),
        settings=(
            Setting(
                "för chefer",
                ("HR-avdelningen", "Ekonomiavdelningen"),
                (KSK, "Servicecenter"),
                ("HR-konsult", "Ekonom", "Verksamhetsutvecklare"),
            ),
            Setting(
                "för nyanställda",
                ("Lönecenter", "HR-avdelningen"),
                ("Servicecenter", KSK),
                ("HR-konsult", "Lönehandläggare"),
            ),
            Setting(
                "för förtroendevalda",
                ("Kansliavdelningen",),
                (KSK,),
                ("Nämndsekreterare", "Kanslichef"),
            ),
            Setting(
                "för medarbetare utan egen dator",
                ("IT-avdelningen", "Servicedesk"),
                ("Servicecenter",),
                ("Systemförvaltare", "IT-tekniker"),
            ),
        ),
        needs=(
            Need(
                {
                    0: "Blanketter med ifyllda grunduppgifter",
                    1: "Anställningsavtalet skrivs under digitalt",
                },
                "ersätta pappersblanketter med digitala",
                "Många blanketter skrivs ut, fylls i för hand och skannas in igen. Det tar tid, "
                "och uppgifter blir fel när de skrivs av.",
                (
                    "E-tjänst med ifyllda grunduppgifter",
                    "Digital underskrift",
                    "Alla blanketter samlade på intranätet",
                ),
                "Tolv blanketter blev e-tjänster, och handläggningstiden halverades.",
            ),
            Need(
                {
                    2: "Inloggning med e-legitimation för förtroendevalda",
                    3: "Ett lösenord för alla system",
                },
                "göra det enklare att logga in i kommunens system",
                "Medarbetare behöver många olika lösenord och glömmer dem ofta. Servicedesk får "
                "tusentals samtal om året om lösenord som måste återställas.",
                (
                    "Gemensam inloggning för flera system",
                    "Självservice för nytt lösenord",
                    "Inloggning med e-legitimation",
                ),
                "Samtalen om lösenord till servicedesk minskade med 60 %.",
            ),
            Need(
                {
                    0: "Chefernas egen frågebank för IT-strul",
                    3: "IT-ambassadörer på golvet",
                },
                "låta medarbetare lösa vanliga IT-problem själva",
                "Enkla IT-frågor tar lång tid att få svar på eftersom allt går via servicedesk. "
                "Under tiden står arbetet still.",
                (
                    "Korta filmer som visar vanliga lösningar",
                    "Sökbar frågebank på intranätet",
                    "IT-ambassadörer på varje arbetsplats",
                ),
                "Vart fjärde ärende löses nu utan att servicedesk behöver kontaktas.",
            ),
            Need(
                {
                    0: "Chefsintroduktion att ta del av i egen takt",
                    1: "Introduktionen i små digitala delar",
                },
                "ge en introduktion som går att ta del av när det passar",
                "Introduktionen ser olika ut beroende på var man börjar, och mycket sägs bara "
                "muntligt första dagen. Den som börjar mitt i en period missar de gemensamma "
                "träffarna.",
                (
                    "Introduktion i korta digitala delar",
                    "Checklista för den som tar emot",
                    "Fadder de första veckorna",
                ),
                "Nio av tio nya tyckte att introduktionen gav dem det de behövde.",
            ),
            Need(
                {
                    2: "Möteshandlingar i surfplattan",
                },
                "minska utskrifterna av handlingar på papper",
                "Stora mängder handlingar skrivs ut inför möten och kastas efteråt. Det kostar "
                "pengar och gör det svårt att veta vilken version som gäller.",
                (
                    "Handlingar i surfplatta inför möten",
                    "Utskrift bara på begäran",
                    "Gemensam digital mötesplats",
                ),
                "Utskrifterna minskade med 70 % det första året.",
            ),
            Need(
                {
                    0: "Aktuell budgetuppföljning varje morgon",
                    2: "Nämndens ekonomi i enkla diagram",
                },
                "ge en samlad och aktuell bild av ekonomin",
                "Ekonomiska underlag hämtas från flera system och sammanställs för hand i "
                "kalkylark. Bilden hinner bli gammal innan den är klar.",
                (
                    "Gemensam rapport som uppdateras varje natt",
                    "Enkla diagram för uppföljning",
                    "Månadsmöte med ekonom och chef",
                ),
                "Cheferna lägger en timme mindre i månaden på ekonomisk uppföljning.",
            ),
        ),
        target_groups=("medarbetare", "chefer"),
        innovation_types=("produkt", "process"),
        sdgs=(9, 16),
    ),
    Area(
        topic="Miljö och klimat",
        extra_topics=(),
        settings=(
            Setting(
                "på kommunens arbetsplatser",
                ("Miljöskyddsenheten", "Kansliavdelningen", "Lokalvården"),
                ("Miljökontoret", KSK, "Servicecenter"),
                ("Miljöstrateg", "Verksamhetsutvecklare", "Administratör"),
            ),
            Setting(
                "i skolor och förskolor",
                ("Kostenheten", "Förskoleområde Syd"),
                (BOU,),
                ("Kock", "Kostchef", "Förskollärare"),
            ),
            Setting(
                "i kommunens fastigheter",
                ("Drift och underhåll",),
                ("Drakfastigheter",),
                ("Fastighetstekniker", "Energisamordnare", "Lokalvårdare"),
            ),
            Setting(
                "i de kommunala bolagen",
                ("Kundservice", "Driftavdelningen"),
                ("Sundsvall Energi", "MittSverige Vatten & Avfall", "Sundsvalls Hamn"),
                ("Miljösamordnare", "Drifttekniker", "Projektledare"),
            ),
        ),
        needs=(
            Need(
                {
                    0: "Vegetariskt som förval vid möten",
                    3: "Checklista för evenemang med mindre klimatavtryck",
                },
                "göra möten och evenemang mer klimatsmarta",
                "Vid möten och evenemang serveras ofta mat med stort klimatavtryck, och många "
                "reser dit med bil. Det finns få gemensamma riktlinjer att luta sig mot.",
                (
                    "Vegetariskt som förval vid möten",
                    "Checklista för klimatsmarta evenemang",
                    "Digitalt deltagande som alternativ",
                ),
                "Klimatavtrycket från maten vid möten minskade med 40 %.",
            ),
            Need(
                {
                    0: "Porslinsmuggen tillbaka i fikarummet",
                    1: "Utmaning mot engångsplast mellan förskolorna",
                },
                "minska användningen av engångsmaterial",
                "Engångsmuggar, plastförkläden och engångsbestick används i stor mängd, ofta av "
                "vana. Det finns alternativ, men ingen har fått i uppdrag att pröva dem.",
                (
                    "Porslin och diskrutin i stället för engångsmuggar",
                    "Inköpslista med hållbara alternativ",
                    "Utmaning mellan arbetsplatser",
                ),
                "Inköpen av engångsartiklar minskade med 35 %.",
            ),
            Need(
                {
                    1: "Elevernas energijakt på skolan",
                    2: "Närvarostyrd ventilation i skolor och kontor",
                },
                "sänka energianvändningen",
                "Belysning, ventilation och värme går ofta för fullt även när lokalerna står "
                "tomma. Ingen har en enkel överblick över var energin går åt.",
                (
                    "Närvarostyrd belysning och ventilation",
                    "Energiombud på varje arbetsplats",
                    "Återkoppling av förbrukningen varje månad",
                ),
                "Energianvändningen minskade med 12 % jämfört med året innan.",
            ),
            Need(
                {
                    0: "Lånecyklar för tjänsteresor",
                    3: "Resfria möten i bolagen",
                },
                "minska tjänsteresorna med bil",
                "Många korta resor i tjänsten görs med bil, även när cykel, buss eller ett "
                "digitalt möte hade fungerat. Det beror ofta på vana och på att alternativen "
                "inte finns nära till hands.",
                (
                    "Tjänstecyklar och elcyklar att låna",
                    "Digitala möten som förstaval",
                    "Resepolicy med tydliga exempel",
                ),
                "Körsträckan med bil i tjänsten minskade med 18 %.",
            ),
            Need(
                {
                    1: "Sorteringsstation i skolköket",
                    2: "Skyltar med bilder i soprummen",
                    3: "Återkoppling till kunderna om sorteringen",
                },
                "få fler att sortera avfallet rätt",
                "Mycket avfall hamnar i fel kärl, och en del som kunde återvinnas blir "
                "brännbart. Skyltar och kärl ser olika ut på olika ställen.",
                (
                    "Enhetliga skyltar med bilder",
                    "Sorteringsstationer där avfallet uppstår",
                    "Återkoppling om hur sorteringen går",
                ),
                "Andelen felsorterat avfall halverades på de arbetsplatser som var med.",
            ),
        ),
        target_groups=("medarbetare", "invanare"),
        innovation_types=("process", "organisatorisk"),
        sdgs=(12, 13, 7),
    ),
    Area(
        topic="Samhällsbyggnad",
        extra_topics=(),
        settings=(
            Setting(
                "i bygglovsprocessen",
                ("Bygglovsavdelningen",),
                (SBK,),
                ("Bygglovshandläggare", "Byggnadsinspektör"),
            ),
            Setting(
                "i detaljplaneringen",
                ("Planavdelningen",),
                (SBK,),
                ("Planarkitekt", "Planhandläggare"),
            ),
            Setting(
                "i lantmäteriförrättningarna",
                ("Förrättningsavdelningen",),
                ("Lantmäteriförvaltningen",),
                ("Lantmätare", "Förrättningshandläggare"),
            ),
            Setting(
                "i bostadsområdena",
                ("Kundcenter", "Områdeskontoret i Nacksta"),
                ("Mitthem",),
                ("Områdesansvarig", "Kundvärd", "Fastighetsskötare"),
            ),
            Setting(
                "i hamnen",
                ("Terminalen",),
                ("Sundsvalls Hamn",),
                ("Terminalchef", "Logistiksamordnare"),
            ),
            Setting(
                "i kommunens lokaler",
                ("Drift och underhåll",),
                ("Drakfastigheter",),
                ("Fastighetstekniker", "Förvaltare"),
            ),
            Setting(
                "för villaägare",
                ("Kundservice",),
                ("Sundsvall Energi",),
                ("Kundtjänstmedarbetare", "Energirådgivare", "Drifttekniker"),
            ),
        ),
        needs=(
            Need(
                {
                    2: "Exempel på godkända underlag för fastighetsbildning",
                },
                "minska antalet ärenden som måste kompletteras",
                "Många ansökningar kommer in utan de handlingar som behövs. Handläggaren måste "
                "begära komplettering, och den sökande får vänta flera veckor extra.",
                (
                    "Guide som visar vilka handlingar som krävs",
                    "Granskning innan ansökan skickas",
                    "Exempel på godkända underlag",
                ),
                "Andelen ärenden som behövde kompletteras sjönk från 60 % till 35 %.",
            ),
            Need(
                {
                    1: "Planerna visas där människor redan är",
                    3: "Synpunkter på en digital karta över området",
                },
                "få fler invånare att delta i dialogen om hur staden ska växa",
                "Samråden lockar ofta samma grupper, och unga och nyinflyttade hörs sällan. "
                "Synpunkterna kommer dessutom sent, när mycket redan är bestämt.",
                (
                    "Dialog där människor redan är",
                    "Digital karta för synpunkter",
                    "Ungdomsråd som referensgrupp",
                ),
                "Synpunkterna blev fyra gånger fler, och var tredje kom från någon under 30 år.",
            ),
            Need(
                {
                    0: "Se var bygglovet är i handläggningen",
                    2: "Startmöte för större förrättningar",
                },
                "ge snabbare besked till den som söker",
                "Den sökande vet inte var ärendet befinner sig eller när beskedet kommer. Många "
                "ringer för att fråga, och det tar tid från handläggningen.",
                (
                    "Ärendets status på webben",
                    "Fast kontaktperson för varje ärende",
                    "Startmöte för större ärenden",
                ),
                "Handläggningstiden kortades med i snitt tre veckor.",
            ),
            Need(
                {
                    1: "Trygghet med i detaljplanen från början",
                    3: "Lägre buskar och nya lampor på gårdarna",
                },
                "göra utemiljöerna tryggare",
                "Mörka passager och skymda entréer gör att många känner sig otrygga på kvällen. "
                "Synpunkterna finns, men de samlas inte in på ett ordnat sätt.",
                (
                    "Trygghetsvandringar med boende",
                    "Ny belysning och lägre buskage",
                    "Felanmälan med mobilen",
                ),
                "Andelen boende som känner sig trygga ute på kvällen ökade från 58 % till 71 %.",
            ),
            Need(
                {
                    4: "Förebyggande underhåll av kajer och kranar",
                    5: "En flerårig underhållsplan för kommunens lokaler",
                },
                "planera underhållet av fastigheterna bättre",
                "Underhåll görs ofta först när något har gått sönder. Det blir dyrare och stör "
                "dem som arbetar eller bor i lokalerna.",
                (
                    "Sensorer som varnar innan fel uppstår",
                    "Gemensam underhållsplan för flera år",
                    "Felanmälan med foto",
                ),
                "De akuta felen minskade med 30 % i fastigheterna som var med.",
            ),
            Need(
                {
                    4: "Bokade tider för lastbilarna i terminalen",
                },
                "göra flödet av gods genom hamnen smidigare",
                "Lastbilar står och väntar på lastning, och informationen mellan rederier, "
                "åkerier och hamn går via telefon. Det ger köer, buller och onödiga utsläpp.",
                (
                    "Bokning av tider för lastning",
                    "Gemensam digital tavla för ankomster",
                    "Uppställningsplats med information",
                ),
                "Väntetiden för lastbilar halverades under testperioden.",
            ),
            Need(
                {
                    6: "Hushållets elförbrukning timme för timme",
                },
                "hjälpa hushållen att använda mindre energi",
                "Många hushåll vet inte hur mycket energi de använder eller vad som gör störst "
                "skillnad. Råden som finns är allmänna och når sällan dem som skulle spara mest.",
                (
                    "Förbrukningen timme för timme i en app",
                    "Energiråd på plats i hemmet",
                    "Jämförelse med liknande hushåll",
                ),
                "Hushållen som var med minskade sin elanvändning med i snitt 8 %.",
            ),
        ),
        target_groups=("invanare", "foretag"),
        innovation_types=("process", "tjanst", "produkt"),
        sdgs=(11, 9, 6),
    ),
    Area(
        topic="Service till invånare",
        extra_topics=("Digitalisering",),
        settings=(
            Setting(
                "i kontaktcenter", ("Kontaktcenter",), (KSK,), ("Kommunvägledare", "Gruppledare")
            ),
            Setting(
                "på webbplatsen",
                ("Kommunikationsavdelningen",),
                (KSK,),
                ("Webbredaktör", "Kommunikatör"),
            ),
            Setting(
                "i felanmälan",
                ("Gatuavdelningen",),
                (SBK,),
                ("Kundtjänstmedarbetare", "Arbetsledare"),
            ),
            Setting(
                "i receptionerna",
                ("Kundtjänst", "Receptionen i Stadshuset"),
                ("Servicecenter", KSK),
                ("Receptionist", "Kommunvägledare"),
            ),
        ),
        needs=(
            Need(
                {
                    0: "Kommunvägledare i chatten",
                    1: "De tio vanligaste frågorna överst på webben",
                    3: "Svar vid första disken utan att skickas vidare",
                },
                "ge svar direkt på de vanligaste frågorna",
                "En stor del av samtalen gäller samma tio frågor. Invånarna får vänta i "
                "telefonkö på svar som kunde finnas lätt tillgängliga.",
                (
                    "Frågor och svar på webben",
                    "Chatt med kommunvägledare",
                    "Sms med länk i telefonkön",
                ),
                "Samtalen om de vanligaste frågorna minskade med 35 %.",
            ),
            Need(
                {
                    0: "Återuppringning från kontaktcenter",
                    2: "Fler i telefon när snön kommer",
                },
                "korta väntan i telefon",
                "Köerna är långa på förmiddagen, och många lägger på innan de får svar. "
                "Samtidigt är det lugnt under andra delar av dagen.",
                (
                    "Uppringning när det är ens tur",
                    "Bemanning efter när folk ringer",
                    "Tips om webben i kön",
                ),
                "Väntan i telefon minskade i snitt från nio till fyra minuter.",
            ),
            Need(
                {
                    0: "Besked när gropen i gatan är lagad",
                    1: "Felanmälan med foto och position",
                },
                "göra det enkelt att anmäla fel på gator, parker och lekplatser",
                "Den som vill anmäla ett trasigt gatljus eller en skadad lekplats vet ofta inte "
                "vart hen ska vända sig. Felet beskrivs med ord, och platsen är svår att hitta.",
                (
                    "Felanmälan i mobilen med foto och position",
                    "Besked när felet är åtgärdat",
                    "Samma väg in för alla typer av fel",
                ),
                "Felanmälningarna som behövde kompletteras minskade med 70 %.",
            ),
            Need(
                {
                    1: "Lättläst version av de viktigaste sidorna",
                    3: "Stor stil och punktskrift i receptionen",
                },
                "göra informationen tillgänglig för alla",
                "Många texter och dokument är svåra att läsa med skärmläsare eller för den som "
                "har läs- och skrivsvårigheter. Lagkraven skärps, och verksamheterna behöver stöd.",
                (
                    "Checklista för tillgängliga dokument",
                    "Lättläst version av viktiga sidor",
                    "Tester med användare som har funktionsnedsättning",
                ),
                "Alla nya dokument klarar nu de automatiska testerna av tillgänglighet.",
            ),
            Need(
                {
                    0: "Tidsbokade besök hos kontaktcenter",
                    3: "En reception för flera verksamheter",
                },
                "ge besökare ett bättre första möte",
                "Besökare vet ofta inte vart de ska gå och får vänta utan att veta hur länge. "
                "Personalen får svara på frågor som gäller helt andra verksamheter.",
                (
                    "Tydligare skyltning och kölappar",
                    "Gemensam reception för flera verksamheter",
                    "Tidsbokning av besök",
                ),
                "Besökarna ger nu bemötandet 4,5 av 5 i den nya enkäten.",
            ),
        ),
        target_groups=("invanare", "foretag"),
        innovation_types=("tjanst", "process"),
        sdgs=(16, 10),
    ),
)
