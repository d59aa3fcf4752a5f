"""The rules of sitebuild/pull/facets.py on their own, without the database: related cases
prefer a shared topic, then the same organisation, then the newest; a case cannot take an
address the case portal uses."""

from __future__ import annotations

import random

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


def test_related_cases_are_those_of_the_plain_definition():
    """The ranking works on sets of profiles as ints (``facets._related``); here it is
    checked against the definition, case by case: every other case scored (2 per shared
    topic, 1 for the same organisation), the highest first, then the most recent."""
    rng = random.Random(7)
    orgs, topics = ["", "a", "b", "c", "d"], ["skola", "vård", "miljö", "kultur", "it"]
    cards = {}
    for n in range(1, 400):
        key, item = card(
            n % 1000,
            f"Case {n}",
            case_id=f"IS-{2017 + n % 7}-{n:03d}",
            date=f"20{17 + rng.randrange(7)}-0{1 + rng.randrange(9)}-1{rng.randrange(10)}",
            organisation_slug=rng.choice(orgs),
            topics=rng.sample(topics, rng.randrange(4)),
        )
        cards[f"{key}-{n}"] = item["card"]

    def score(a, b):
        shared = set(a["topics"]) & set(b["topics"])
        return 2 * len(shared) + (
            1 if a["organisation_slug"] and a["organisation_slug"] == b["organisation_slug"] else 0
        )

    def rank(key):
        return (cards[key]["date"], cards[key]["case_id"])

    related = facets._related(cards)
    for key, this in cards.items():
        others = [k for k in cards if k != key and score(this, cards[k]) > 0]
        others.sort(key=lambda k: (score(this, cards[k]), rank(k)), reverse=True)
        assert related[key] == others[: facets.RELATED], key
