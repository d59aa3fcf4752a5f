"""Case parts for learning and leisure: school, integration, culture and leisure."""

from .case_parts import BOU, IAF, KOF, Area, Need, Setting

AREAS = (
    Area(
        topic="Skola och förskola",
        extra_topics=(),
        settings=(
            Setting(
                "i förskolan",
                ("Förskoleområde Nord", "Förskolorna på Alnö"),
                (BOU,),
                ("Förskollärare", "Barnskötare", "Förskolechef"),
            ),
            Setting(
                "i grundskolan",
                ("En F–6-skola i Njurunda", "En 7–9-skola i centrum"),
                (BOU,),
                ("Lärare", "Rektor", "Skolsköterska"),
            ),
            Setting(
                "på fritidshemmen",
                ("Fritidshemmet i Kvissleby", "Fritidshemmet i Stöde"),
                (BOU,),
                ("Fritidspedagog", "Lärare i fritidshem"),
            ),
            Setting(
                "i gymnasieskolan",
                ("Sundsvalls gymnasium", "Introduktionsprogrammen"),
                (BOU,),
                ("Lärare", "Studie- och yrkesvägledare", "Rektor"),
            ),
        ),
        needs=(
            Need(
                {
                    1: "Frånvaroanmälan på ett ställe",
                    3: "Kvitto på att frånvaron är anmäld",
                },
                "göra det enklare för vårdnadshavare att anmäla frånvaro",
                "Vårdnadshavare anmäler frånvaro på flera sätt: telefon, sms och e-post. "
                "Uppgifterna når inte alltid rätt person, och personalen lägger tid på att leta.",
                (
                    "En väg in för all frånvaroanmälan",
                    "Automatisk bekräftelse till vårdnadshavaren",
                    "Samlad frånvarolista för dagen",
                ),
                "Samtalen till expeditionen om frånvaro minskade med hälften.",
            ),
            Need(
                {
                    0: "Från förskola till förskoleklass utan tappade trådar",
                    3: "Eleven presenterar sig själv för gymnasiet",
                },
                "göra övergången mellan förskola, skola och gymnasium tryggare",
                "När barn och elever byter skolform följer viktig kunskap om dem inte alltid med. "
                "De som behöver stöd får vänta på det, och personalen börjar om från början.",
                (
                    "Gemensam mall för överlämning",
                    "Besöksdagar där personalen möts",
                    "Elevens egen presentation av sig själv",
                ),
                "Fler elever med behov av stöd fick det redan första veckan i den nya skolan.",
            ),
            Need(
                {
                    1: "Elever leder rastlekarna",
                    2: "Ut i skogen varje vecka med fritids",
                },
                "få in mer rörelse under hela dagen",
                "Många barn och unga rör sig för lite, och stillasittandet ökar med åldern. "
                "Rörelse finns på schemat några gånger i veckan men sällan i resten av dagen.",
                (
                    "Korta rörelsepauser på varje lektion",
                    "Aktiva raster med elever som ledare",
                    "Pass utomhus i närmiljön varje vecka",
                ),
                "Barnen och eleverna rör sig i snitt 20 minuter mer per dag enligt stegmätningen.",
            ),
            Need(
                {
                    0: "En vikariepool för flera förskolor",
                    2: "Fasta vikarier på fritids",
                },
                "hitta vikarier snabbare när någon är sjuk",
                "När personal blir sjuk på morgonen ringer chefen runt för att hitta vikarier. Det "
                "tar tid, och ibland står gruppen utan ersättare halva dagen.",
                (
                    "Gemensam vikariepool för flera enheter",
                    "Digital bokning av vikarier",
                    "Fasta vikarier som känner grupperna",
                ),
                "Andelen pass utan vikarie sjönk från 18 % till 6 %.",
            ),
            Need(
                {
                    0: "Bildstöd i lappen som går hem",
                    1: "Tolk bokad före utvecklingssamtalet",
                },
                "förbättra kontakten med vårdnadshavare som inte talar svenska",
                "Viktig information når inte fram till alla vårdnadshavare, och samtal blir korta "
                "när tolk saknas. Det påverkar barnens och elevernas möjlighet till stöd.",
                (
                    "Bildstöd i information hem",
                    "Tolk bokad i förväg till alla samtal",
                    "Föräldramöten på flera språk",
                ),
                "Nästan alla vårdnadshavare kom till utvecklingssamtalen under testperioden.",
            ),
            Need(
                {
                    1: "Lektionslådor för undervisning utomhus",
                },
                "använda utemiljön mer i undervisningen",
                "Gården används mest på raster, fast den kan ge mycket till lärandet. Personalen "
                "saknar tid och idéer för att planera undervisning utomhus.",
                (
                    "Lådor med material för undervisning utomhus",
                    "Idébank med lektioner utomhus",
                    "Grönare skolgård med odling",
                ),
                "Varje grupp har nu minst ett pass utomhus i veckan.",
            ),
        ),
        target_groups=("barn_unga", "medarbetare"),
        innovation_types=("process", "tjanst"),
        sdgs=(4, 3),
    ),
    Area(
        topic="Integration",
        extra_topics=(),
        settings=(
            Setting(
                "för nyanlända föräldrar",
                ("Integrationsenheten", "Samhällsorienteringen"),
                (IAF,),
                ("Samhällsvägledare", "Integrationssamordnare"),
            ),
            Setting(
                "för unga vuxna",
                ("Arbetsmarknadsenheten", "Ungdomsteamet"),
                (IAF,),
                ("Arbetskonsulent", "Studie- och yrkesvägledare"),
            ),
            Setting(
                "inom vuxenutbildningen",
                ("Vuxenutbildningen", "Svenska för invandrare"),
                (IAF,),
                ("Lärare i svenska för invandrare", "Studie- och yrkesvägledare"),
            ),
            Setting(
                "i föreningslivet",
                ("Föreningsservice",),
                (KOF,),
                ("Föreningskonsulent", "Fritidsledare"),
            ),
        ),
        needs=(
            Need(
                {
                    0: "Språkcafé för föräldrar på biblioteket",
                    2: "Språkpraktik på kommunens arbetsplatser",
                    3: "Svenska på fotbollsträningen",
                },
                "ge fler tillfällen att träna svenska i vardagen",
                "Många som läser svenska har få tillfällen att prata språket utanför "
                "lektionerna. Det gör att det tar längre tid att komma in i arbete och samhälle.",
                (
                    "Språkcaféer på biblioteken",
                    "Språkpraktik på kommunens arbetsplatser",
                    "Samtalsgrupper i föreningar",
                ),
                "Deltagarna klarade nästa kursnivå snabbare än andra i samma kurs.",
            ),
            Need(
                {
                    1: "Snabbintervjuer med kommunens verksamheter",
                    2: "Branschutbildning tillsammans med arbetsgivare",
                },
                "korta vägen till ett första jobb",
                "Det tar lång tid från att någon är klar med sin utbildning till den första "
                "anställningen. Arbetsgivare och arbetssökande möts sällan på ett sätt som "
                "passar båda.",
                (
                    "Snabbintervjuer med kommunens verksamheter",
                    "Praktik med handledare",
                    "Kort branschutbildning med arbetsgivare",
                ),
                "Hälften av deltagarna arbetade eller studerade vidare sex månader senare.",
            ),
            Need(
                {
                    0: "Filmer om skolan på föräldrarnas språk",
                    2: "Samhällsvägledare i klassrummet på SFI",
                },
                "göra samhällsinformationen lättare att förstå",
                "Information om skola, vård och myndigheter är ofta skriven på svår svenska. "
                "Många får den via andra, och missförstånd är vanliga.",
                (
                    "Korta filmer på flera språk",
                    "Information med bildstöd",
                    "Samhällsvägledare på plats i bostadsområdena",
                ),
                "Fler deltagare kunde förklara hur de söker vård och stöd efter kursen.",
            ),
            Need(
                {
                    0: "Föreningsguide som följer med första gången",
                    1: "Prova på flera föreningar på en dag",
                },
                "göra det lättare att komma in i föreningslivet",
                "Föreningar vill ha nya medlemmar, och nyanlända vill hitta sammanhang. De "
                "hittar sällan varandra, och kostnader och språk blir hinder.",
                (
                    "Prova-på-dagar i flera föreningar",
                    "Föreningsguider som följer med första gången",
                    "Lån av utrustning",
                ),
                "Över 100 personer provade en ny förening under första säsongen.",
            ),
            Need(
                {
                    1: "Mentor i samma yrke för unga med utländsk examen",
                    2: "Kartläggning av yrkeskunskaper redan första månaden",
                },
                "korta väntan på att få utländsk utbildning och erfarenhet bedömd",
                "Personer med utbildning från andra länder väntar länge på att få sina "
                "kunskaper bedömda. Under tiden tar många jobb långt under sin kompetens.",
                (
                    "Kartläggning av kompetens första månaden",
                    "Snabbspår till yrken där det saknas folk",
                    "Mentor i samma yrke",
                ),
                "Väntan på en första bedömning minskade från åtta till tre månader.",
            ),
        ),
        target_groups=("nyanlanda", "invanare", "foreningar"),
        innovation_types=("tjanst", "process"),
        sdgs=(10, 8, 4),
    ),
    Area(
        topic="Kultur och fritid",
        extra_topics=(),
        settings=(
            Setting(
                "på biblioteken",
                ("Stadsbiblioteket", "Biblioteket i Matfors"),
                (KOF,),
                ("Bibliotekarie", "Biblioteksassistent"),
            ),
            Setting(
                "på fritidsgårdarna",
                ("Fritidsgården i Nacksta", "Fritidsgården i Skönsberg"),
                (KOF,),
                ("Fritidsledare", "Ungdomssamordnare"),
            ),
            Setting(
                "i idrottsanläggningarna",
                ("Anläggningsenheten",),
                (KOF,),
                ("Anläggningsansvarig", "Fritidskonsulent"),
            ),
            Setting(
                "på Kulturmagasinet",
                ("Kulturmagasinet",),
                (KOF,),
                ("Kulturutvecklare", "Bibliotekarie"),
            ),
        ),
        needs=(
            Need(
                {
                    0: "Ungdomarnas egen bokklubb",
                    1: "Serier och ljudböcker på fritidsgården",
                },
                "få fler unga att läsa på fritiden",
                "Läsandet bland unga minskar, särskilt bland pojkar. Biblioteket når många barn "
                "men tappar dem i tonåren.",
                (
                    "Bokklubbar som ungdomarna leder själva",
                    "Ljudböcker och serier i fokus",
                    "Läsutmaning mellan skolor",
                ),
                "Lånen till 13–16-åringar ökade med 30 %.",
            ),
            Need(
                {
                    2: "Kodlås till idrottshallarna",
                    3: "Lediga rum på förmiddagarna",
                },
                "använda lokalerna fler timmar per dag",
                "Många lokaler står tomma stora delar av dagen, samtidigt som föreningar och "
                "grupper saknar plats. Bokningen är krånglig och kräver att man vet vem man ska "
                "fråga.",
                (
                    "Digital bokning av alla lokaler",
                    "Lås med kod i stället för nyckel",
                    "Gemensam lokalpool för flera förvaltningar",
                ),
                "De bokade timmarna ökade med 40 % i lokalerna som var med.",
            ),
            Need(
                {
                    1: "Gårdens program görs av besökarna",
                    2: "Avgiftsfria träningar för nybörjare",
                },
                "nå unga som i dag inte deltar i någon fritidsaktivitet",
                "En stor grupp unga deltar inte i någon organiserad fritid. Aktiviteterna "
                "planeras ofta utifrån dem som redan kommer.",
                (
                    "Ungdomar planerar aktiviteterna själva",
                    "Aktiviteter på nya platser och tider",
                    "Avgiftsfria prova-på-tillfällen",
                ),
                "En tredjedel av deltagarna hade inte varit med i någon fritidsaktivitet förut.",
            ),
            Need(
                {
                    0: "Boken kommer hem till dörren",
                    3: "Konserter som sänds till äldreboenden",
                },
                "ge kulturupplevelser till dem som inte kan ta sig till dem",
                "Många äldre och personer med funktionsnedsättning kan inte ta sig till "
                "bibliotek, konserter och utställningar. Kulturen blir något som finns för andra.",
                (
                    "Kultur som kommer hem",
                    "Digitala visningar och konserter",
                    "Boken kommer i fler former",
                ),
                "Fler än 300 personer tog del av kultur hemma eller på sitt boende under året.",
            ),
            Need(
                {
                    0: "Belysning på vägen hem från biblioteket",
                    1: "Vuxna vid entrén när gården stänger",
                    2: "Trygghetsvandring runt idrottsplatsen",
                },
                "göra det tryggare att ta sig till och från verksamheten på kvällen",
                "Besökare, särskilt unga och äldre, känner sig otrygga på väg till och från "
                "verksamheten när det är mörkt. En del avstår därför från att komma.",
                (
                    "Bättre belysning längs gångvägarna",
                    "Vuxna på plats vid in- och utgångar",
                    "Trygghetsvandring med besökarna",
                ),
                "Fler besökare säger i enkäten att de känner sig trygga på kvällen.",
            ),
        ),
        target_groups=("barn_unga", "invanare", "foreningar"),
        innovation_types=("tjanst", "organisatorisk"),
        sdgs=(11, 10, 3),
    ),
)
