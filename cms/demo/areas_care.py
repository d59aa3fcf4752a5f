"""Case parts for care: elderly care, health, social services and the work environment."""

from .case_parts import BOU, IAF, KSK, VOF, Area, Need, Setting

AREAS = (
    Area(
        topic="Äldreomsorg",
        extra_topics=("Hälsa",),
        settings=(
            Setting(
                "i hemtjänsten",
                ("Hemtjänsten i Matfors", "Hemtjänsten på Alnö"),
                (VOF,),
                ("Undersköterska", "Sjuksköterska", "Enhetschef"),
            ),
            Setting(
                "på särskilda boenden",
                ("Särskilt boende i Nacksta", "Särskilt boende i Kovland"),
                (VOF,),
                ("Undersköterska", "Sjuksköterska", "Arbetsterapeut"),
            ),
            Setting(
                "i korttidsvården",
                ("Korttidsenheten",),
                (VOF,),
                ("Sjuksköterska", "Undersköterska", "Fysioterapeut"),
            ),
            Setting(
                "i dagverksamheten",
                ("Dagverksamheten i Stenstan",),
                (VOF,),
                ("Undersköterska", "Aktivitetssamordnare"),
            ),
        ),
        needs=(
            Need(
                {
                    0: "Larmcentralen ringer upp innan någon åker ut",
                    1: "Larmknappen får en ny form",
                },
                "minska antalet trygghetslarm som går i onödan",
                "Många trygghetslarm utlöses av misstag. Varje utryckning tar tid från besök som "
                "verkligen behövs, och den som larmat blir ofta orolig i onödan.",
                (
                    "Kort samtal från larmcentralen före utryckning",
                    "Larmknapp som är lättare att använda",
                    "Genomgång av larmet vid första hembesöket",
                ),
                "Larmen i onödan minskade med ungefär en tredjedel under det första halvåret.",
            ),
            Need(
                {
                    0: "Signeringslistan för läkemedel flyttar in i mobilen",
                    2: "Medicinlistan vid passbytet på korttidsenheten",
                },
                "göra överlämningen av läkemedel mellan arbetspassen säkrare",
                "Uppgifter om läkemedel lämnas över muntligt eller på lappar mellan passen. Ibland "
                "faller något bort, och ibland kontrolleras samma sak flera gånger.",
                (
                    "Gemensam checklista vid passbyte",
                    "Digital signeringslista i mobilen",
                    "Fast tid för överlämning med sjuksköterskan",
                ),
                "Avvikelserna som gäller läkemedel halverades på ett år.",
            ),
            Need(
                {
                    1: "Frukost när man vaknar, inte när passet börjar",
                    3: "Personalen sätter sig och äter med",
                },
                "få fler äldre att äta och dricka tillräckligt",
                "Många äldre äter för lite, och undernäring upptäcks ofta sent. Maten serveras på "
                "tider och på sätt som passar verksamheten bättre än den som ska äta.",
                (
                    "Mindre portioner oftare under dagen",
                    "Personalen äter med vid bordet",
                    "Enkel matdagbok som följer personen",
                ),
                "Andelen med risk för undernäring minskade från 31 % till 22 % på ett år.",
            ),
            Need(
                {
                    0: "Någon att prata med mellan hemtjänstens besök",
                    3: "Fika i grannskapet efter dagverksamheten",
                },
                "minska den ofrivilliga ensamheten bland äldre",
                "Många äldre som får stöd träffar nästan bara personalen. Besöken är korta och "
                "handlar om praktiska insatser, och ensamheten syns sällan i besluten.",
                (
                    "Promenadvänner från föreningslivet",
                    "Digitala träffar med surfplatta",
                    "Fikagrupp i närområdet",
                ),
                "Nio av tio deltagare säger att de träffar fler människor än förut.",
            ),
            Need(
                {
                    0: "Dagens körlista när någon sjukanmäler sig",
                },
                "göra planeringen av besök och arbetspass enklare",
                "Dagens besök planeras om flera gånger när någon är sjuk eller ett besök drar ut "
                "på tiden. Det tar tid från chefer och planerare och skapar stress i gruppen.",
                (
                    "Gemensam planeringstavla för hela gruppen",
                    "Mindre team med fasta kontaktpersoner",
                    "Planeringsstöd som föreslår byten",
                ),
                "Tiden för omplanering minskade med drygt 40 minuter per dag och grupp.",
            ),
            Need(
                {
                    1: "Tyst tillsyn med nattkamera",
                    2: "Lugna nätter under korttidsvistelsen",
                },
                "ge tillsyn på natten utan att väcka den som sover",
                "Nattliga tillsynsbesök väcker ofta den som sover, och många har svårt att somna "
                "om. Samtidigt vill anhöriga vara säkra på att allt är lugnt.",
                (
                    "Tillsyn med nattkamera efter samtycke",
                    "Egen plan för nattens besök",
                    "Sensor som visar om personen är uppe",
                ),
                "Fler sover ostört, och de onödiga nattbesöken minskade med en fjärdedel.",
            ),
        ),
        target_groups=("aldre", "anhoriga", "medarbetare"),
        innovation_types=("process", "tjanst", "produkt"),
        sdgs=(3, 10),
    ),
    Area(
        topic="Hälsa",
        extra_topics=(),
        settings=(
            Setting(
                "för äldre som bor hemma",
                ("Rehabenheten",),
                (VOF, "Region Västernorrland"),
                ("Fysioterapeut", "Arbetsterapeut", "Sjuksköterska"),
            ),
            Setting(
                "för barn och unga",
                ("Elevhälsan",),
                (BOU,),
                ("Skolsköterska", "Kurator", "Skolpsykolog"),
            ),
            Setting(
                "för kommunens medarbetare",
                ("HR-avdelningen",),
                (KSK,),
                ("HR-konsult", "Friskvårdssamordnare"),
            ),
            Setting(
                "för personer med funktionsnedsättning",
                ("Daglig verksamhet", "Boendestöd"),
                (VOF,),
                ("Stödpedagog", "Boendestödjare", "Arbetsterapeut"),
            ),
        ),
        needs=(
            Need(
                {
                    0: "Balansträning i grupp för äldre",
                    3: "Trösklar och lösa mattor som fällor i hemmet",
                },
                "förebygga fallolyckor",
                "Fallolyckor är vanliga och leder ofta till lång tid på sjukhus och förlorad "
                "självständighet. Risken upptäcks ofta först efter det första fallet.",
                (
                    "Hembesök med riskbedömning",
                    "Balansträning i grupp",
                    "Enkla ändringar i hemmet",
                ),
                "Fallen som krävde sjukhusvård minskade med 20 % i testområdet.",
            ),
            Need(
                {
                    2: "Rörelsepass på arbetstiden",
                    3: "Aktivitet på recept inom daglig verksamhet",
                },
                "få fler att röra sig regelbundet",
                "Många rör sig mindre än vad som behövs för en god hälsa. De som behöver det "
                "mest deltar sällan i de aktiviteter som finns.",
                ("Promenadgrupper med ledare", "Aktivitet på recept", "Rörelsepass på arbetstid"),
                "Deltagarna rör sig i snitt två timmar mer i veckan.",
            ),
            Need(
                {
                    1: "Samtal med elevhälsan utan att stå i kö",
                    2: "Första hjälpen till psykisk hälsa för chefer",
                },
                "ge tidigt stöd vid psykisk ohälsa",
                "Den som mår psykiskt dåligt väntar ofta länge innan hen får hjälp. Vägen in är "
                "otydlig, och många ger upp på vägen.",
                (
                    "En tydlig väg in för stöd",
                    "Samtalsstöd utan remiss",
                    "Kurs i första hjälpen till psykisk hälsa",
                ),
                "Väntan på ett första samtal kortades från fem veckor till en.",
            ),
            Need(
                {
                    0: "Sömndagbok i stället för sömntablett",
                    1: "Sömnskola för trötta tonåringar",
                },
                "ge stöd för bättre sömn",
                "Sömnproblem är vanliga och påverkar hälsa, lärande och arbete. Få vet var de "
                "kan få råd, och frågan tas sällan upp.",
                (
                    "Sömnskola i grupp",
                    "Samtalsstöd med sömndagbok",
                    "Information till personal och anhöriga",
                ),
                "Två av tre deltagare sov bättre efter sömnskolan.",
            ),
            Need(
                {
                    1: "Frukt och vatten i skolans korridorer",
                    2: "Trapporna blir roligare än hissen",
                    3: "Matlagningskvällar med boendestödet",
                },
                "göra det lättare att välja hälsosamt",
                "Det är lätt att välja snabbt och ohälsosamt när man är trött eller stressad. "
                "Miljön runt omkring gör sällan det hälsosamma valet till det enkla.",
                (
                    "Frukt och vatten lätt tillgängligt",
                    "Trappor som lockar mer än hissen",
                    "Enkla recept och matlagningskvällar",
                ),
                "Fler valde trapporna och frukten i stället för hissen och godiset.",
            ),
        ),
        target_groups=("invanare", "aldre", "barn_unga", "funktionsnedsattning"),
        innovation_types=("tjanst", "process"),
        sdgs=(3,),
    ),
    Area(
        topic="Socialtjänst",
        extra_topics=(),
        settings=(
            Setting(
                "i försörjningsstödet",
                ("Försörjningsstöd", "Mottagningsenheten"),
                (IAF,),
                ("Socialsekreterare", "Handläggare"),
            ),
            Setting(
                "för barn och familjer",
                ("Familjestöd", "Barn- och ungdomsenheten"),
                (IAF,),
                ("Socialsekreterare", "Familjebehandlare"),
            ),
            Setting(
                "i arbetsmarknadsinsatserna",
                ("Arbetsmarknadsenheten", "Jobbtorget"),
                (IAF,),
                ("Arbetskonsulent", "Handledare"),
            ),
            Setting(
                "i beroendevården",
                ("Beroendeenheten", "Öppenvården"),
                (IAF,),
                ("Behandlare", "Socialsekreterare"),
            ),
        ),
        needs=(
            Need(
                {
                    1: "Drop-in för föräldrar med frågor",
                    3: "Öppenvård samma vecka som man ringer",
                },
                "korta väntan på det första besöket",
                "Den som söker stöd får ofta vänta flera veckor på ett första möte. Under tiden "
                "blir situationen svårare, och en del hör aldrig av sig igen.",
                (
                    "Drop-in-tider varje vecka",
                    "Telefonsamtal inom två dagar",
                    "Gemensam mottagning för flera enheter",
                ),
                "Väntan på första besöket kortades från fyra veckor till en.",
            ),
            Need(
                {
                    0: "Ansöka om försörjningsstöd i en e-tjänst",
                    2: "Anmälan till Jobbtorget utan pappersbunt",
                },
                "göra det möjligt att ansöka digitalt",
                "Ansökan görs på papper och kräver många bilagor. Ofta saknas något, och "
                "handläggningen drar ut på tiden.",
                (
                    "E-tjänst för ansökan",
                    "Automatisk kontroll av att bilagor finns",
                    "Besked digitalt",
                ),
                "Tre av fyra ansökningar kommer nu in digitalt, och handläggningen går fortare.",
            ),
            Need(
                {
                    0: "Att slippa berätta sin historia fem gånger",
                    1: "En gemensam plan kring barnet",
                    3: "Fast samordnare vid många kontakter",
                },
                "samordna stödet så att den som får det slipper berätta sin historia flera gånger",
                "Den som har kontakt med flera enheter måste berätta samma sak för många "
                "handläggare. Insatserna planeras var för sig och motverkar ibland varandra.",
                ("En gemensam plan för stödet", "Fast samordnare", "Gemensamma möten"),
                "Deltagarna har färre kontakter men känner sig mer delaktiga.",
            ),
            Need(
                {
                    1: "Föräldragrupper innan oron blir kris",
                    3: "Uppsökande arbete när någon hoppat av behandlingen",
                },
                "sätta in stöd tidigare",
                "Stödet kommer ofta först när problemen har blivit stora. Tecknen finns tidigare, "
                "men ingen har uppdraget att agera på dem.",
                (
                    "Gemensamt team med skola och socialtjänst",
                    "Öppna föräldragrupper",
                    "Uppsökande arbete",
                ),
                "Fler familjer får nu stöd utan att det först blir en utredning.",
            ),
            Need(
                {
                    0: "Mallar för de vanligaste utredningarna",
                    2: "Taligenkänning för anteckningar efter mötet",
                },
                "minska den administrativa tiden så att mer tid går till möten",
                "Socialsekreterare lägger mer än halva arbetstiden på dokumentation och "
                "administration. Tiden för möten med dem som behöver stöd räcker inte till.",
                (
                    "Mallar för vanliga utredningar",
                    "Taligenkänning för dokumentation",
                    "Administratörer som avlastar",
                ),
                "Socialsekreterarna fick i snitt fem timmar mer i veckan för möten.",
            ),
        ),
        target_groups=("invanare", "barn_unga", "medarbetare"),
        innovation_types=("process", "tjanst", "organisatorisk"),
        sdgs=(1, 10, 16),
    ),
    Area(
        topic="Arbetsmiljö",
        extra_topics=(),
        settings=(
            Setting(
                "i hemtjänsten",
                ("Hemtjänsten i Kvissleby", "Hemtjänsten i Bredsand"),
                (VOF,),
                ("Undersköterska", "Sjuksköterska", "Enhetschef"),
            ),
            Setting(
                "i förskolan",
                ("Förskoleområde Väst", "Förskoleområde Öst"),
                (BOU,),
                ("Förskollärare", "Barnskötare", "Förskolechef"),
            ),
            Setting(
                "i kontaktcenter", ("Kontaktcenter",), (KSK,), ("Kommunvägledare", "Gruppledare")
            ),
            Setting(
                "i socialtjänsten",
                ("Försörjningsstöd", "Mottagningsenheten"),
                (IAF,),
                ("Socialsekreterare", "Enhetschef", "Skyddsombud"),
            ),
        ),
        needs=(
            Need(
                {
                    1: "Tidig dialog vid upprepad korttidsfrånvaro",
                    2: "Gemensam träning en timme i veckan",
                },
                "sänka den korta sjukfrånvaron",
                "Den korta sjukfrånvaron är hög och ökar. Varje frånvaro leder till omplanering "
                "och mer stress för dem som är kvar.",
                (
                    "Tidig dialog vid upprepad frånvaro",
                    "Friskvård på arbetstid i grupp",
                    "Schema med mer återhämtning",
                ),
                "Den korta sjukfrånvaron sjönk från 7,2 % till 5,4 %.",
            ),
            Need(
                {
                    0: "Bort med de delade turerna",
                    1: "Ett lugnt rum för pedagogernas paus",
                },
                "ge bättre återhämtning mellan arbetspassen",
                "Delade turer och korta vilotider gör att många är trötta när de kommer till "
                "jobbet. Det märks i både hälsa och kvalitet.",
                ("Färre delade turer", "Önskeschema med gemensamma regler", "Lugnt rum för pauser"),
                "De delade turerna minskade med 80 %, och fler säger att de sover bättre.",
            ),
            Need(
                {
                    2: "Rollspel inför hotfulla samtal",
                    3: "Larm och rutin vid disken i mottagningen",
                },
                "göra det tryggare att möta upprörda personer",
                "Medarbetare möter ibland hot och hårda ord i samtal och vid disken. Många vet "
                "inte hur de ska agera eller vem de ska berätta det för efteråt.",
                (
                    "Övning i att möta hot och våld",
                    "Larm och tydlig rutin vid disken",
                    "Samtal med kollega efter svåra möten",
                ),
                "Fler rapporterar nu tillbud, och fler känner sig trygga enligt enkäten.",
            ),
            Need(
                {
                    0: "Fadder för nya undersköterskor",
                    3: "Första veckan som socialsekreterare",
                },
                "ge nya kollegor en tydligare start",
                "Nya medarbetare får ofta en snabb start utan någon att fråga. Många slutar "
                "under första året, och kunskapen försvinner med dem.",
                (
                    "Fadder de första månaderna",
                    "Checklista för första veckan",
                    "Uppföljningssamtal efter tre månader",
                ),
                "Fler nyanställda är kvar efter första året.",
            ),
            Need(
                {
                    0: "Förflyttningsombud i varje arbetsgrupp",
                },
                "minska de tunga lyften i arbetet",
                "Många moment innebär tunga lyft och obekväma arbetsställningar. "
                "Belastningsskador är en vanlig orsak till lång sjukfrånvaro.",
                (
                    "Hjälpmedel där de behövs",
                    "Förflyttningsombud i varje grupp",
                    "Korta utbildningar i förflyttningsteknik",
                ),
                "Anmälda belastningsskador minskade med en tredjedel.",
            ),
            Need(
                {
                    2: "Fokustid utan telefon",
                    3: "Ostörd tid för utredningar",
                },
                "minska avbrotten i arbetet",
                "Telefoner, mejl och frågor i korridoren gör att arbetet ständigt avbryts. Det "
                "är svårt att bli klar med uppgifter som kräver koncentration.",
                (
                    "Fokustid utan telefon",
                    "Gemensam kanal för snabba frågor",
                    "Tydlig fördelning av vem som svarar när",
                ),
                "Fler säger att de hinner klart med det de planerat under dagen.",
            ),
        ),
        target_groups=("medarbetare", "chefer"),
        innovation_types=("organisatorisk", "process"),
        sdgs=(3, 8),
    ),
)
