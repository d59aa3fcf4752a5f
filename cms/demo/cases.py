"""Case records in the register, built from the plan and published through revisions."""

from cms.cases.models import (
    CasePartner,
    CasePhaseChange,
    CaseRecord,
    CaseResearchProject,
    CaseSolution,
    IdeaCarrier,
)
from cms.core.models import SustainableDevelopmentGoal

from .case_parts import CaseSpec
from .case_plan import plan_cases


def ensure_cases(orgs, topics, users, report) -> dict[str, CaseRecord]:
    """Every planned case by its plan key; records already in the register are kept as
    they are (looked up by case id), missing ones are validated, saved and published."""
    specs = plan_cases()
    existing = CaseRecord.objects.in_bulk([s.case_id for s in specs], field_name="case_id")
    sdgs = {g.number: g for g in SustainableDevelopmentGoal.objects.all()}
    communicator = users["kommunikator"]
    records = {}
    for spec in specs:
        record = existing.get(spec.case_id)
        created = record is None
        if created:
            record = _build(spec, orgs, topics, sdgs, users)
            _validate(record)
            record.save()
            record.save_revision(user=communicator, clean=False).publish(user=communicator)
        records[spec.key] = record
        report.add("Case", created)
    return records


def _build(spec: CaseSpec, orgs, topics, sdgs, users) -> CaseRecord:
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
        coach=users[spec.coach],
        contact=users["kommunikator"],
        results=spec.results,
        measured_effects=spec.measured_effects,
        challenges_met=spec.challenges_met,
        lessons=spec.lessons,
        spread=spec.spread,
        next_steps=spec.next_steps,
        internal_notes=spec.internal_notes,
        live=False,  # published below, through a revision
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
        CaseResearchProject(title=title, organisation=orgs[name], sort_order=i)
        for i, (title, name) in enumerate(spec.research)
    ]
    return record


def _validate(record: CaseRecord) -> None:
    """The record and each of its rows pass the same validation as the admin form."""
    record.full_clean()
    for relation in (
        "phase_history",
        "idea_carriers",
        "partners",
        "solutions",
        "research_projects",
    ):
        for row in getattr(record, relation).all():
            row.full_clean(exclude=["case"])
