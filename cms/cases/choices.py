"""Codes stored in the register, with the Swedish labels shown to people."""

from django.db import models


class Phase(models.TextChoices):
    INKOMMEN = "inkommen", "Inkommen"
    UTFORSKAS = "utforskas", "Utforskas"
    KONCEPTUTVECKLING = "konceptutveckling", "Idé- och konceptutveckling"
    TESTAS = "testas", "Testas"
    IMPLEMENTERAS = "implementeras", "Implementeras"
    AVSLUTAD = "avslutad", "Avslutad"


class Outcome(models.TextChoices):
    INFORT = "infort", "Infört i verksamheten"
    OVERLAMNAT = "overlamnat", "Överlämnat till verksamhet"
    HITTAT_HEM = "hittat_hem", "Hittat hem hos annan aktör"
    LARANDE = "larande", "Avslutat med lärdomar"
    FINNS_REDAN = "finns_redan", "Finns redan"
    EJ_AKTUELLT = "ej_aktuellt", "Ej aktuellt"


class PublicationLevel(models.TextChoices):
    INTERN = "intern", "Intern – visas aldrig utanför CMS:et"
    ANONYMISERAD = "anonymiserad", "Anonymiserad – personer visas bara med roll"
    PUBLIK = "publik", "Publik – namn visas där personen har samtyckt"


class Origin(models.TextChoices):
    MEDARBETARIDE = "medarbetaride", "Medarbetares idé"
    CHEFSUPPDRAG = "chefsuppdrag", "Uppdrag från chef"
    UTMANING = "utmaning", "Utmaning"
    PROGRAM = "program", "Innovationsprogrammet"
    EXTERN = "extern", "Extern part"


class PartnerType(models.TextChoices):
    FORSKNING = "forskning", "Forskning"
    NARINGSLIV = "naringsliv", "Näringsliv"
    CIVILSAMHALLE = "civilsamhalle", "Civilsamhälle"
    OFFENTLIG = "offentlig", "Offentlig aktör"
    INNOVATIONSSTOD = "innovationsstod", "Innovationsstöd"


class InnovationType(models.TextChoices):
    TJANST = "tjanst", "Tjänst"
    PROCESS = "process", "Process/arbetssätt"
    ORGANISATORISK = "organisatorisk", "Organisatorisk"
    PRODUKT = "produkt", "Produkt/teknik"
    POLICY = "policy", "Policy"


class Method(models.TextChoices):
    FAKTAINSAMLING = "faktainsamling", "Faktainsamling"
    INTERVJUER = "intervjuer", "Intervjuer"
    PROCESSKARTLAGGNING = "processkartlaggning", "Processkartläggning"
    KUNDRESA = "kundresa", "Kundresa"
    WORKSHOP = "workshop", "Workshop"
    PROTOTYP = "prototyp", "Prototyp"
    PILOT = "pilot", "Pilot"
    FORSKNINGSPROJEKT = "forskningsprojekt", "Forskningsprojekt"
    OMVARLDSBEVAKNING = "omvarldsbevakning", "Omvärldsbevakning"


class TargetGroup(models.TextChoices):
    MEDARBETARE = "medarbetare", "Medarbetare"
    CHEFER = "chefer", "Chefer"
    INVANARE = "invanare", "Invånare"
    ALDRE = "aldre", "Äldre"
    BARN_UNGA = "barn_unga", "Barn och unga"
    FUNKTIONSNEDSATTNING = "funktionsnedsattning", "Personer med funktionsnedsättning"
    ANHORIGA = "anhoriga", "Anhöriga"
    FORETAG = "foretag", "Företag"
    FORENINGAR = "foreningar", "Föreningar"
    NYANLANDA = "nyanlanda", "Nyanlända"
