"""The rules of sitebuild/pull/facets.py on their own, without the database: related cases
prefer a shared topic, then the same organisation, then the newest; a case cannot take an
address the case portal uses."""

from __future__ import annotations

import pytest

from sitebuild.pull import facets
from sitebuild.pull.derived import Derived

# As when these shared a module with the tests of the built case portal
# (tests/test_site_cases.py): marked as database tests and slow.
pytestmark = [pytest.mark.django_db, pytest.mark.slow]


def card(n: int, title: str, **extra) -> tuple[str, dict]:
    case_id = f"IS-2020-{n:03d}"
    base = {
        "title": title,
        "path": f"/case/c{n}/",
        "summary": "",
        "date": f"2020-01-{n:02d}",
        "case_id": case_id,
        "phase": "testas",
        "phase_label": "Testas",
        "organisation": "Org A",
        "organisation_slug": "org-a",
        "year": 2020,
        "sdgs": [],
        "sdg_names": [],
        "topics": [],
        "topic_names": [],
    }
    item = {"type": "cases.CaseRecord", "path": base["path"], "card": base | extra}
    return f"case:{case_id}", item


def test_related_cases_prefer_a_shared_topic_then_the_newest():
    cases = [
        card(1, "Ett", topics=["skola"], topic_names=["Skola"]),
        card(2, "Två", organisation_slug="org-b", topics=["skola"], topic_names=["Skola"]),
        card(3, "Tre"),  # same organisation only
        card(4, "Fyra", organisation_slug="org-b", topics=["skola"], topic_names=["Skola"]),
        card(5, "Fem", organisation_slug="org-c"),  # nothing in common
        card(6, "Sex"),
    ]
    out = Derived()
    facets.compute(out, cases)
    related = [c["case_id"] for c in out.extra["case:IS-2020-001"]["related"]]
    assert related == ["IS-2020-004", "IS-2020-002", "IS-2020-006"]
    assert out.extra["case:IS-2020-005"]["related"] == []
    assert "IS-2020-003" not in [c["case_id"] for c in out.extra["case:IS-2020-003"]["related"]]


def test_a_case_cannot_take_an_address_the_portal_uses():
    _key, item = card(1, "Data")
    item["card"]["path"] = item["path"] = facets.DATA_PATH
    with pytest.raises(ValueError, match="IS-2020-001"):
        facets.compute(Derived(), [(_key, item)])
