"""Generated case records, in bulk: one generator for the tests, the API benchmark and
``generate_bench_content`` (the build benchmark), so that all of them exercise records of
the same shape as the demo's: every relation a record can have, none included, names
with and without consent, optional fields empty or not.

Records are written with ``bulk_create`` (no ``save()``, no revisions), so thousands take
seconds; they are live unless ``unpublished`` says otherwise. Never for a real database.
"""

import datetime as dt
import random
from collections.abc import Sequence

from django.utils import timezone

from cms.cases.choices import (
    InnovationType,
    Method,
    Origin,
    Outcome,
    PartnerType,
    Phase,
    PublicationLevel,
    TargetGroup,
)
from cms.cases.models import (
    CasePartner,
    CasePhaseChange,
    CaseRecord,
    CaseResearchProject,
    CaseSolution,
    IdeaCarrier,
)
from cms.core.models import Organisation, SustainableDevelopmentGoal, Topic

#: Slugs of generated records start with this (the demo's never do).
SLUG_PREFIX = "genererat-case-"
#: Numbers per year in an id (``IS-2000-001`` … ``IS-2000-999``).
PER_YEAR = 999
#: Titles are two of these words and the number: spread over the alphabet like real titles,
#: so the A–Ö pages and the search index get the shape they have on the real site.
WORDS = [
    "digitala",
    "nycklar",
    "hemtjänst",
    "skolskjuts",
    "äldreboende",
    "återbruk",
    "medborgardialog",
    "bygglov",
    "fritidsgård",
    "välfärdsteknik",
    "matsvinn",
    "cykelparkering",
    "vägledning",
    "öppna data",
    "bemanning",
    "språkstöd",
]


def generate_cases(
    count: int,
    *,
    seed: int = 1,
    first_year: int = 2000,
    levels: Sequence[str] = tuple(PublicationLevel.values),
    unpublished: float = 0.0,
) -> list[CaseRecord]:
    """Write ``count`` case records after the ones generated before, and return them.

    Ids run ``IS-<first_year>-001`` upwards, 999 a year (the demo's start in 2017, so the
    default leaves room for about 17 000). Each record gets a random publication level
    out of ``levels``; a share ``unpublished`` of them is not live (and some of those were
    never published). Each has a phase history up to its phase, not always entered in
    date order, and 0–3 each of idea carriers, partners, solutions, research projects,
    topics, global goals and participating organisations. The organisations and topics
    are those in the database (at least one of each is needed)."""
    rng = random.Random(seed)
    orgs = list(Organisation.objects.all())
    topics = list(Topic.objects.all())
    goals = list(SustainableDevelopmentGoal.objects.all())
    phases = list(Phase.values)
    start = CaseRecord.objects.filter(slug__startswith=SLUG_PREFIX).count()
    now = timezone.now()
    records = []
    for n in range(start, start + count):
        year = first_year + n // PER_YEAR
        phase = rng.choice(phases)
        outcome = rng.choice(Outcome.values) if phase == Phase.AVSLUTAD else ""
        live = rng.random() >= unpublished
        published = now + dt.timedelta(seconds=n) if live or rng.random() < 0.5 else None
        title = f"{rng.choice(WORDS).capitalize()} och {rng.choice(WORDS)} {n}"
        records.append(
            CaseRecord(
                case_id=f"IS-{year}-{n % PER_YEAR + 1:03d}",
                title=title,
                slug=f"{SLUG_PREFIX}{n}",
                summary=f"Ett genererat case om {title.lower()}.",
                challenge="Ett behov som behöver utforskas.",
                publication_level=rng.choice(levels),
                live=live,
                has_unpublished_changes=False,
                received_date=dt.date(year, 1, 1) + dt.timedelta(days=rng.randrange(360)),
                origin=rng.choice([*Origin.values, ""]),
                home_organisation=rng.choice(orgs),
                taken_over_by=rng.choice([None, *orgs]),
                target_groups=rng.sample(TargetGroup.values, rng.randrange(3)),
                innovation_types=rng.sample(InnovationType.values, rng.randrange(3)),
                methods=rng.sample(Method.values, rng.randrange(4)),
                phase=phase,
                paused=rng.random() < 0.2,
                outcome=outcome,
                team_size=rng.choice([None, 1, 7]),
                results=rng.choice(["", "Resultat."]),
                internal_notes="Internt.",
                first_published_at=published,
                last_published_at=published,
            )
        )
    CaseRecord.objects.bulk_create(records, batch_size=500)
    slugs = [record.slug for record in records]
    records = list(CaseRecord.objects.filter(slug__in=slugs).order_by("pk"))
    _add_rows(records, rng, phases, orgs)
    _add_links(records, rng, {"topics": topics, "sdgs": goals, "participating_organisations": orgs})
    return records


def _add_rows(records, rng, phases, orgs) -> None:
    """The records' inline rows: phase history, idea carriers, partners, solutions and
    research projects."""
    rows = {
        model: []
        for model in (CasePhaseChange, IdeaCarrier, CasePartner, CaseSolution, CaseResearchProject)
    }
    for record in records:
        for i, phase in enumerate(phases[: phases.index(record.phase) + 1]):
            # Not always in order of entry: the history is shown by date.
            date = record.received_date + dt.timedelta(days=rng.randrange(3) * 30)
            rows[CasePhaseChange].append(
                CasePhaseChange(case=record, phase=phase, date=date, sort_order=i, note="Not")
            )
        for i in range(rng.randrange(4)):
            consent = rng.choice([(False, None), (True, None), (True, dt.date(2020, 1, 2))])
            rows[IdeaCarrier].append(
                IdeaCarrier(
                    case=record,
                    role=f"Roll {i}",
                    unit=rng.choice(["", "Enhet"]),
                    name=rng.choice(["", f"Person {record.pk} {i}"]),
                    consent_to_publish_name=consent[0],
                    consent_date=consent[1],
                    sort_order=i,
                )
            )
        for i in range(rng.randrange(3)):
            rows[CasePartner].append(
                CasePartner(
                    case=record,
                    organisation=rng.choice(orgs),
                    partner_type=rng.choice(PartnerType.values),
                    contribution=rng.choice(["", "Bidrag"]),
                    sort_order=i,
                )
            )
            rows[CaseSolution].append(
                CaseSolution(case=record, title=f"Lösning {i}", description="", sort_order=i)
            )
            rows[CaseResearchProject].append(
                CaseResearchProject(
                    case=record,
                    title=f"Projekt {i}",
                    organisation=rng.choice([None, *orgs]),
                    url=rng.choice(["", "https://example.org/"]),
                    sort_order=i,
                )
            )
    for model, objs in rows.items():
        model.objects.bulk_create(objs, batch_size=1000)


def _add_links(records, rng, targets_by_relation) -> None:
    """0–3 of each many-to-many relation (topics, goals, participating organisations)."""
    for name, targets in targets_by_relation.items():
        through = getattr(CaseRecord, name).through
        target = CaseRecord._meta.get_field(name).m2m_reverse_field_name()
        links = [
            through(caserecord=record, **{target: obj})
            for record in records
            for obj in rng.sample(targets, min(rng.randrange(4), len(targets)))
        ]
        through.objects.bulk_create(links, batch_size=1000)
