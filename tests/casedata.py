"""Case records in tests (not a test module): builders, and what the register holds (the
public cases and the filter pages of the case portal they belong on)."""

import datetime as dt
from collections import defaultdict

from wagtail.test.utils.form_data import inline_formset, nested_form_data

from cms.cases.models import CasePhaseChange, CaseRecord


def make_case(organisation, *, save=True, publish_as=None, **overrides):
    """A valid case record; ``overrides`` replace fields. Phase history ends in the phase."""
    phase = overrides.get("phase", "utforskas")
    received = overrides.get("received_date", dt.date(2019, 3, 4))
    fields = {
        "case_id": "IS-2019-001",
        "title": "Tidigare upptäckt av demens",
        "summary": "Hur kan kommunen se tecken på demens tidigare?",
        "received_date": received,
        "origin": "medarbetaride",
        "home_organisation": organisation,
        "challenge": "Kommunen kommer in för sent i förloppet.",
        "publication_level": "publik",
        "phase": phase,
    }
    fields.update(overrides)
    case = CaseRecord(**fields)
    history = [CasePhaseChange(phase="inkommen", date=received, sort_order=0)]
    if phase != "inkommen":
        history.append(
            CasePhaseChange(phase=phase, date=received + dt.timedelta(days=30), sort_order=1)
        )
    case.phase_history = history
    if save:
        case.full_clean()
        case.save()
        if publish_as is not None:
            case.save_revision(user=publish_as).publish(user=publish_as)
    return case


def case_form_data(organisation, **overrides):
    """POST data for the case record's admin form (what the browser sends)."""
    data = {
        "case_id": "IS-2020-007",
        "received_date": "2020-02-03",
        "title": "Digitala nycklar i hemtjänsten",
        "slug": "",
        "summary": "Färre fysiska nycklar och säkrare besök.",
        "publication_level": "anonymiserad",
        "origin": "medarbetaride",
        "home_organisation": str(organisation.pk),
        "challenge": "Nycklar tar tid att hämta och kan komma bort.",
        "target_groups": ["medarbetare", "aldre"],
        "innovation_types": ["process"],
        "phase": "testas",
        "outcome": "",
        "methods": ["workshop", "pilot"],
        "team_size": "5",
        "phase_history": inline_formset(
            [
                {"phase": "inkommen", "date": "2020-02-03", "note": ""},
                {"phase": "testas", "date": "2020-05-01", "note": ""},
            ]
        ),
        "idea_carriers": inline_formset(
            [{"role": "Undersköterska", "unit": "Hemtjänst Nord", "name": "", "consent_date": ""}]
        ),
        "partners": inline_formset([]),
        "solutions": inline_formset([]),
        "research_projects": inline_formset([]),
        "results": "",
    }
    data.update(overrides)
    return nested_form_data(data)


def public_cases() -> list[CaseRecord]:
    return [
        c
        for c in CaseRecord.objects.filter(live=True).prefetch_related("topics", "sdgs")
        if c.is_public
    ]


def path_of(case: CaseRecord) -> str:
    return f"/case/{case.slug}/"


def expected_facets(cases: list[CaseRecord]) -> dict[str, set[str]]:
    """Facet page path → the case paths it must list, from the register itself."""
    pages: dict[str, set[str]] = defaultdict(set)
    for case in cases:
        path = path_of(case)
        pages[f"/case/fas/{case.phase}/"].add(path)
        pages[f"/case/organisation/{case.home_organisation.slug}/"].add(path)
        pages[f"/case/ar/{case.received_date.year}/"].add(path)
        for topic in case.topics.all():
            pages[f"/case/amne/{topic.slug}/"].add(path)
        for goal in case.sdgs.all():
            pages[f"/case/mal/{goal.number}/"].add(path)
    return pages
