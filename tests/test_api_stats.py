"""The "Nuläget" figures: counted over every case record, internal ones included, for any
date, from the phase history; by organisation only the public cases."""

import datetime as dt

import pytest
from api_factories import get_json
from django.core.management import call_command

from cms.cases.models import CasePhaseChange, CaseRecord
from cms.core.models import Organisation


def record(organisation, case_id, received, history, outcome="", level="anonymiserad", **extra):
    """A published record whose phase history is ``[(phase, date), ...]``."""
    case = CaseRecord(
        case_id=case_id,
        title=case_id,
        summary="Sammanfattning.",
        received_date=received,
        origin="medarbetaride",
        home_organisation=organisation,
        challenge="Behovet.",
        phase=history[-1][0],
        outcome=outcome,
        publication_level=level,
        **extra,
    )
    case.phase_history = [
        CasePhaseChange(phase=phase, date=date, sort_order=i)
        for i, (phase, date) in enumerate(history)
    ]
    case.full_clean()
    case.save()
    case.save_revision().publish()
    return case


@pytest.fixture
def register(db, organisation):
    other = Organisation.objects.create(name="Sundsvall Energi", type="bolag")
    d = dt.date
    record(
        organisation,
        "IS-2019-001",
        d(2019, 1, 10),
        [
            ("inkommen", d(2019, 1, 10)),
            ("utforskas", d(2019, 3, 1)),
            ("implementeras", d(2019, 11, 1)),
            ("avslutad", d(2020, 2, 1)),
        ],
        outcome="infort",
    )
    record(
        other,
        "IS-2019-002",
        d(2019, 6, 1),
        [("inkommen", d(2019, 6, 1)), ("avslutad", d(2019, 12, 31))],
        outcome="overlamnat",
        taken_over_by=other,
    )
    record(organisation, "IS-2019-003", d(2019, 12, 31), [("inkommen", d(2019, 12, 31))])
    record(organisation, "IS-2020-001", d(2020, 1, 1), [("inkommen", d(2020, 1, 1))])
    record(
        organisation,
        "IS-2018-001",
        d(2018, 5, 5),
        [("inkommen", d(2018, 5, 5)), ("avslutad", d(2018, 12, 1))],
        outcome="larande",
        level="intern",
    )
    return organisation, other


def test_status_as_of_a_date_counted_by_hand(client, register):
    organisation, other = register
    # On 31 December 2019: IS-2019-001 is being implemented, IS-2019-002 was handed over
    # that day, IS-2019-003 came in that day, IS-2018-001 (internal) ended with lessons;
    # IS-2020-001 had not come in yet. By organisation only the public cases count.
    assert get_json(client, "/api/v2/stats/?as_of=2019-12-31") == {
        "as_of": "2019-12-31",
        "received": 4,
        "in_progress": 2,
        "in_implementation": 1,
        "closed": 2,
        "implemented": 1,
        "not_public": 1,  # IS-2018-001, internal
        "by_phase": {
            "inkommen": 1,
            "utforskas": 0,
            "konceptutveckling": 0,
            "testas": 0,
            "implementeras": 1,
            "avslutad": 2,
        },
        "by_organisation": {organisation.name: 2, other.name: 1},
        "by_year": {"2018": 1, "2019": 3},
    }


def test_status_moves_with_the_date(client, register):
    on = {
        day: get_json(client, f"/api/v2/stats/?as_of={day}")
        for day in ["2018-12-31", "2019-11-01", "2020-12-31"]
    }
    assert (on["2018-12-31"]["received"], on["2018-12-31"]["closed"]) == (1, 1)
    assert on["2019-11-01"]["in_implementation"] == 1
    assert on["2019-11-01"]["in_progress"] == 2  # IS-2019-001 and IS-2019-002
    assert (on["2020-12-31"]["received"], on["2020-12-31"]["closed"]) == (5, 3)
    assert on["2020-12-31"]["implemented"] == 2  # introduced and handed over
    assert on["2020-12-31"]["in_implementation"] == 0


def test_internal_records_count_but_are_not_listed(client, register):
    assert get_json(client, "/api/v2/stats/?as_of=2018-12-31")["received"] == 1
    ids = {item["case_id"] for item in get_json(client, "/api/v2/cases/")["items"]}
    assert "IS-2018-001" not in ids and len(ids) == 4


def test_cases_not_shown_are_counted_and_nothing_more_is_said_of_them(client, register):
    organisation, _ = register
    draft = CaseRecord(
        case_id="IS-2020-002",
        title="IS-2020-002",
        summary="Sammanfattning.",
        received_date=dt.date(2020, 3, 1),
        origin="medarbetaride",
        home_organisation=organisation,
        challenge="Behovet.",
        phase="inkommen",
        live=False,
    )
    draft.save()  # never published
    status = get_json(client, "/api/v2/stats/?as_of=2020-12-31")
    shown = get_json(client, "/api/v2/cases/")["items"]
    # Six received: four on the site, one internal, one never published.
    assert (status["received"], len(shown), status["not_public"]) == (6, 4, 2)
    assert status["received"] - status["not_public"] == len(shown)
    assert "IS-2020-002" not in str(status) and "IS-2018-001" not in str(status)


@pytest.mark.slow
@pytest.mark.postgres
def test_demo_register_reproduces_the_article(client, db):
    call_command("load_demo", quiet=True)
    status = get_json(client, "/api/v2/stats/")
    assert status["received"] == 128
    assert status["in_implementation"] == 8
    assert status["closed"] == 88
    assert status["received"] == sum(status["by_phase"].values())
    assert status["received"] == sum(status["by_year"].values())


def test_stats_by_year_are_the_status_at_each_year_end_then_today(client, register):
    years = get_json(client, "/api/v2/stats/years/?as_of=2021-03-01")
    assert years["as_of"] == "2021-03-01"
    assert [p["code"] for p in years["phases"]] == list(years["points"][0]["by_phase"])
    assert years["phases"][2] == {
        "code": "konceptutveckling",
        "label": "Idé- och konceptutveckling",
    }
    points = years["points"]
    # From the first year a case came in (2018) to last year, then the date itself.
    assert [p["as_of"] for p in points] == ["2018-12-31", "2019-12-31", "2020-12-31", "2021-03-01"]
    for point in points:
        status = get_json(client, f"/api/v2/stats/?as_of={point['as_of']}")
        assert point == {
            **{k: status[k] for k in point if k not in ("year", "received_in_year")},
            "year": int(point["as_of"][:4]),
            "received_in_year": status["by_year"].get(point["as_of"][:4], 0),
        }
        assert sum(point["by_phase"].values()) == point["received"]
    assert [p["received_in_year"] for p in points] == [1, 3, 1, 0]
    assert points[1]["by_phase"]["implementeras"] == 1
    assert set(points[0]) == {
        "as_of",
        "year",
        "received_in_year",
        "received",
        "in_progress",
        "in_implementation",
        "closed",
        "implemented",
        "by_phase",
    }, "nothing by organisation, nothing about cases not shown"


def test_stats_by_year_of_an_empty_register_is_today_only(client, db):
    today = get_json(client, "/api/v2/stats/years/")
    assert [p["received"] for p in today["points"]] == [0]
    assert today["points"][0]["as_of"] == today["as_of"]
    assert client.get("/api/v2/stats/years/?as_of=igår").status_code == 400


def test_the_register_version_changes_with_a_phase_date_the_year_ends_do_not_show(client, register):
    url = "/api/v2/stats/years/?as_of=2021-03-01"
    before = get_json(client, url)
    assert get_json(client, url)["version"] == before["version"], "stable while nothing changes"
    # IS-2019-001 began to be implemented on 1 November 2019: now 1 December, same year.
    change = CasePhaseChange.objects.get(case__case_id="IS-2019-001", phase="implementeras")
    change.date = dt.date(2019, 12, 1)
    change.save()
    after = get_json(client, url)
    assert after["points"] == before["points"], "no year-end figure changed …"
    assert after["version"] != before["version"], "… but the figures of November 2019 did"
