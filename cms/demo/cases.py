"""Case records in the register, built from the plan by ``generate.record_from_spec``,
validated like the admin form and published through revisions."""

from cms.cases.models import CaseRecord
from cms.core.models import SustainableDevelopmentGoal

from .case_plan import plan_cases
from .generate import ROWS, record_from_spec


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
            record = record_from_spec(spec, orgs, topics, sdgs, users)
            _validate(record)
            record.save()
            record.save_revision(user=communicator, clean=False).publish(user=communicator)
        records[spec.key] = record
        report.add("Case", created)
    return records


def _validate(record: CaseRecord) -> None:
    """The record and each of its rows pass the same validation as the admin form."""
    record.full_clean()
    for relation in ROWS:
        for row in getattr(record, relation).all():
            row.full_clean(exclude=["case"])
