"""Case records built from specs: the one place that turns a ``CaseSpec`` into a record
with its rows and relations. The demo's planned register (``case_plan``) goes through it
and is published through revisions; ``generate_cases`` draws random specs, goes through it
too, and writes them in bulk for the tests, the API benchmark and ``generate_bench_content``
(the build benchmark), so all of them exercise records of the demo's shape: every relation
a record can have, none included, names with and without consent, optional fields empty
or not.

Bulk-written records skip ``save()`` and revisions, so thousands take seconds; they are
live unless ``unpublished`` says otherwise. Never for a real database.
"""

import datetime as dt
import random
from collections.abc import Sequence

from django.contrib.auth import get_user_model
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

from .case_parts import Carrier, CaseSpec

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


def record_from_spec(spec: CaseSpec, orgs, topics, sdgs, users) -> CaseRecord:
    """An unsaved record built from ``spec``, its rows and relations held in memory
    (modelcluster) until it is saved. ``orgs`` and ``topics`` are by name, ``sdgs`` by
    number, ``users`` by username (a coach the database lacks is left out)."""
    record = CaseRecord(
        case_id=spec.case_id,
        title=spec.title,
        summary=spec.summary,
        challenge=spec.challenge,
        publication_level=spec.publication_level,
        received_date=spec.received,
        origin=spec.origin,
        home_organisation=orgs[spec.home],
        target_groups=list(spec.target_groups),
        innovation_types=list(spec.innovation_types),
        phase=spec.phase,
        paused=spec.paused,
        outcome=spec.outcome,
        taken_over_by=orgs[spec.taken_over_by] if spec.taken_over_by else None,
        methods=list(spec.methods),
        team_size=spec.team_size,
        coach=users.get(spec.coach),
        contact=users.get("kommunikator"),
        results=spec.results,
        measured_effects=spec.measured_effects,
        challenges_met=spec.challenges_met,
        lessons=spec.lessons,
        spread=spec.spread,
        next_steps=spec.next_steps,
        internal_notes=spec.internal_notes,
        live=False,
    )
    record.participating_organisations.set([orgs[name] for name in spec.participating])
    record.topics.set([topics[name] for name in spec.topics])
    record.sdgs.set([sdgs[number] for number in spec.sdgs])
    record.phase_history = [
        CasePhaseChange(phase=phase, date=date, note=note, sort_order=i)
        for i, (phase, date, note) in enumerate(spec.history)
    ]
    record.idea_carriers = [
        IdeaCarrier(
            role=c.role,
            unit=c.unit,
            name=c.name,
            consent_to_publish_name=c.consent_date is not None,
            consent_date=c.consent_date,
            sort_order=i,
        )
        for i, c in enumerate(spec.carriers)
    ]
    record.partners = [
        CasePartner(organisation=orgs[name], partner_type=kind, contribution=text, sort_order=i)
        for i, (name, kind, text) in enumerate(spec.partners)
    ]
    record.solutions = [
        CaseSolution(title=title, description=text, sort_order=i)
        for i, (title, text) in enumerate(spec.solutions)
    ]
    record.research_projects = [
        CaseResearchProject(title=title, organisation=orgs.get(name), url=url, sort_order=i)
        for i, (title, name, url) in enumerate(spec.research)
    ]
    return record


#: A record's rows (phase history and the other inline panels), by relation name.
ROWS = ("phase_history", "idea_carriers", "partners", "solutions", "research_projects")
#: Its many-to-many relations.
LINKS = ("topics", "sdgs", "participating_organisations")


def generate_cases(
    count: int,
    *,
    seed: int = 1,
    first_year: int = 2000,
    levels: Sequence[str] = tuple(PublicationLevel.values),
    unpublished: float = 0.0,
) -> list[CaseRecord]:
    """Write ``count`` random case records after the ones generated before, in bulk, and
    return them.

    Ids run ``IS-<first_year>-001`` upwards, 999 a year (the demo's start in 2017, so the
    default leaves room for about 17 000). Each record gets a random publication level
    out of ``levels``; a share ``unpublished`` of them is not live (and some of those were
    never published). Each has a phase history up to its phase, not always entered in
    date order, and 0–3 each of idea carriers, partners, solutions, research projects,
    topics, global goals and participating organisations. The organisations and topics
    are those in the database (at least one of each is needed)."""
    rng = random.Random(seed)
    orgs = {o.name: o for o in Organisation.objects.all()}
    topics = {t.name: t for t in Topic.objects.all()}
    sdgs = {g.number: g for g in SustainableDevelopmentGoal.objects.all()}
    users = {u.username: u for u in get_user_model().objects.all()}
    start = CaseRecord.objects.filter(slug__startswith=SLUG_PREFIX).count()
    now = timezone.now()
    records = []
    for n in range(start, start + count):
        spec = random_spec(rng, n, first_year, levels, list(orgs), list(topics), list(sdgs))
        record = record_from_spec(spec, orgs, topics, sdgs, users)
        record.slug = f"{SLUG_PREFIX}{n}"
        record.live = rng.random() >= unpublished
        published = now + dt.timedelta(seconds=n) if record.live or rng.random() < 0.5 else None
        record.first_published_at = record.last_published_at = published
        records.append(record)
    _write(records)
    return list(CaseRecord.objects.filter(slug__in=[r.slug for r in records]).order_by("pk"))


def random_spec(rng, n, first_year, levels, orgs, topics, sdgs) -> CaseSpec:
    """The ``n``th generated spec: random choices out of every field's values; ``orgs``
    and ``topics`` are names, ``sdgs`` numbers."""
    year = first_year + n // PER_YEAR
    received = dt.date(year, 1, 1) + dt.timedelta(days=rng.randrange(360))
    phases = list(Phase.values)
    phase = rng.choice(phases)
    title = f"{rng.choice(WORDS).capitalize()} och {rng.choice(WORDS)} {n}"
    history = []
    for p in phases[: phases.index(phase) + 1]:
        # Not always in order of entry: the history is shown by date.
        history.append((p, received + dt.timedelta(days=rng.randrange(3) * 30), "Not"))
    carriers = []
    for i in range(rng.randrange(4)):
        name = rng.choice(["", f"Person {n} {i}"])
        consent = rng.choice([None, dt.date(2020, 1, 2)]) if name else None
        carriers.append(Carrier(f"Roll {i}", rng.choice(["", "Enhet"]), name, consent))
    parts = range(rng.randrange(3))
    return CaseSpec(
        key=f"genererat-{n}",
        case_id=f"IS-{year}-{n % PER_YEAR + 1:03d}",
        title=title,
        summary=f"Ett genererat case om {title.lower()}.",
        challenge="Ett behov som behöver utforskas.",
        publication_level=rng.choice(levels),
        received=received,
        origin=rng.choice([*Origin.values, ""]),
        home=rng.choice(orgs),
        taken_over_by=rng.choice(["", *orgs]),
        target_groups=tuple(rng.sample(TargetGroup.values, rng.randrange(3))),
        innovation_types=tuple(rng.sample(InnovationType.values, rng.randrange(3))),
        methods=tuple(rng.sample(Method.values, rng.randrange(4))),
        history=history,
        paused=rng.random() < 0.2,
        outcome=rng.choice(Outcome.values) if phase == Phase.AVSLUTAD else "",
        team_size=rng.choice([None, 1, 7]),
        results=rng.choice(["", "Resultat."]),
        internal_notes="Internt.",
        carriers=tuple(carriers),
        partners=tuple(
            (rng.choice(orgs), rng.choice(PartnerType.values), rng.choice(["", "Bidrag"]))
            for _ in parts
        ),
        solutions=tuple((f"Lösning {i}", "") for i in parts),
        research=tuple(
            (f"Projekt {i}", rng.choice(["", *orgs]), rng.choice(["", "https://example.org/"]))
            for i in parts
        ),
        topics=_some(rng, topics),
        sdgs=_some(rng, sdgs),
        participating=_some(rng, orgs),
    )


def _some(rng, values) -> tuple:
    """0–3 of ``values``."""
    return tuple(rng.sample(values, min(rng.randrange(4), len(values))))


def _write(records: list[CaseRecord]) -> None:
    """Insert unsaved records built by ``record_from_spec`` with their rows and relations,
    a few statements per thousand records."""
    CaseRecord.objects.bulk_create(records, batch_size=500)
    pks = dict(
        CaseRecord.objects.filter(slug__in=[r.slug for r in records]).values_list("slug", "pk")
    )
    for relation in ROWS:
        manager = getattr(CaseRecord, relation)
        rows = []
        for record in records:
            for row in getattr(record, relation).all():
                row.case_id = pks[record.slug]
                rows.append(row)
        manager.rel.related_model.objects.bulk_create(rows, batch_size=1000)
    for relation in LINKS:
        through = getattr(CaseRecord, relation).through
        target = CaseRecord._meta.get_field(relation).m2m_reverse_field_name()
        links = [
            through(caserecord_id=pks[record.slug], **{target: obj})
            for record in records
            for obj in getattr(record, relation).all()
        ]
        through.objects.bulk_create(links, batch_size=1000)
