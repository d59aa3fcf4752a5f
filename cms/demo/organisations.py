"""The organisations behind and around Idéslussen, and the topics cases are grouped by."""

from cms.core.models import Organisation, Topic

T = Organisation.Type

# (name, short name, type, website). Sundsvalls kommun's departments and companies, the
# partner municipalities and the region, and the support and research partners.
ORGANISATIONS = [
    ("Kommunstyrelsekontoret", "KSK", T.FORVALTNING, ""),
    ("Barn- och utbildningsförvaltningen", "BoU", T.FORVALTNING, ""),
    ("Vård- och omsorgsförvaltningen", "VoF", T.FORVALTNING, ""),
    ("Individ och arbetsmarknadsförvaltningen", "IAF", T.FORVALTNING, ""),
    ("Kultur- och fritidsförvaltningen", "KoF", T.FORVALTNING, ""),
    ("Stadsbyggnadskontoret", "SBK", T.FORVALTNING, ""),
    ("Miljökontoret", "", T.FORVALTNING, ""),
    ("Lantmäteriförvaltningen", "", T.FORVALTNING, ""),
    ("Servicecenter", "", T.FORVALTNING, ""),
    ("Drakfastigheter", "", T.FORVALTNING, ""),
    ("Sundsvall Energi", "", T.BOLAG, ""),
    ("MittSverige Vatten & Avfall", "MSVA", T.BOLAG, ""),
    ("Mitthem", "", T.BOLAG, ""),
    ("Sundsvalls Hamn", "", T.BOLAG, ""),
    ("Härnösands kommun", "", T.KOMMUN, "https://www.harnosand.se/"),
    ("Timrå kommun", "", T.KOMMUN, "https://www.timra.se/"),
    ("Ånge kommun", "", T.KOMMUN, "https://www.ange.se/"),
    ("Region Västernorrland", "RVN", T.REGION, "https://www.rvn.se/"),
    ("Bron Innovation", "", T.INNOVATIONSSTOD, ""),
    ("Bizmaker", "", T.INNOVATIONSSTOD, ""),
    ("Mittuniversitetet", "Miun", T.FORSKNING, "https://www.miun.se/"),
    ("Amplify Innovation AB", "Amplify", T.NARINGSLIV, ""),
]

TOPICS = [
    ("Äldreomsorg", "Stöd, vård och omsorg för äldre, i hemmet och på boenden."),
    ("Skola och förskola", "Förskola, grundskola, fritidshem och gymnasium."),
    ("Digitalisering", "Digitala verktyg och tjänster som förenklar arbetet."),
    ("Miljö och klimat", "Mindre klimatpåverkan, återbruk och energi."),
    ("Arbetsmiljö", "Hälsa, trygghet och arbetsvillkor för medarbetare."),
    ("Integration", "Språk, arbete och delaktighet för nyanlända."),
    ("Hälsa", "Folkhälsa och förebyggande arbete."),
    ("Kultur och fritid", "Bibliotek, fritidsgårdar, idrott och kultur."),
    ("Samhällsbyggnad", "Planering, bygglov, fastigheter och bostadsområden."),
    ("Service till invånare", "Kontaktvägar, e-tjänster och bemötande."),
    ("Socialtjänst", "Försörjningsstöd, familjestöd och beroendevård."),
]


def ensure_organisations(report) -> dict[str, Organisation]:
    found = {o.name: o for o in Organisation.objects.filter(name__in=[r[0] for r in ORGANISATIONS])}
    for name, short_name, org_type, website in ORGANISATIONS:
        created = name not in found
        if created:
            found[name] = Organisation.objects.create(
                name=name, short_name=short_name, type=org_type, website=website
            )
        report.add("Organisationer", created)
    return found


def ensure_topics(report) -> dict[str, Topic]:
    found = {t.name: t for t in Topic.objects.filter(name__in=[r[0] for r in TOPICS])}
    for name, description in TOPICS:
        created = name not in found
        if created:
            found[name] = Topic.objects.create(name=name, description=description)
        report.add("Ämnen", created)
    return found
