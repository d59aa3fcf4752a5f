"""The parts generated case records are combined from: areas, their settings and needs.

A generated case is a need placed in one of its area's settings (fewer needless alarms "i
hemtjänsten"). Each placement has a title of its own, written for that case, so no two
cases read as one template with the unit swapped; the texts around it (the aim, the problem)
are written so that they read well in each setting the need is placed in. The setting
decides the home organisation and the unit of the idea carrier.
"""

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True)
class Setting:
    phrase: str
    units: tuple[str, ...]
    homes: tuple[str, ...]
    roles: tuple[str, ...]  # who works there and might bring the idea


@dataclass(frozen=True)
class Need:
    titles: dict[int, str]  # the settings (by index) the need is placed in: each case's title
    aim: str  # an infinitive phrase without "att"
    problem: str
    solutions: tuple[str, ...]
    effect: str  # a measured effect, used when the case ended with the idea in place
    homes: tuple[str, ...] | None = None  # overrides the setting's home organisations


@dataclass(frozen=True)
class Area:
    topic: str
    extra_topics: tuple[str, ...]
    settings: tuple[Setting, ...]
    needs: tuple[Need, ...]
    target_groups: tuple[str, ...]
    innovation_types: tuple[str, ...]
    sdgs: tuple[int, ...]


VOF = "Vård- och omsorgsförvaltningen"
BOU = "Barn- och utbildningsförvaltningen"
IAF = "Individ och arbetsmarknadsförvaltningen"
KOF = "Kultur- och fritidsförvaltningen"
KSK = "Kommunstyrelsekontoret"
SBK = "Stadsbyggnadskontoret"


def combinations(areas) -> list[tuple[Area, Need, Setting, str]]:
    """Every (area, need, setting, title) the parts allow, in a fixed order."""
    return [
        (area, need, area.settings[index], title)
        for area in areas
        for need in area.needs
        for index, title in need.titles.items()
    ]


@dataclass(frozen=True)
class Carrier:
    role: str
    unit: str
    name: str = ""  # stored only when the person gave it; shown only with consent
    consent_date: dt.date | None = None  # set when the person consented to show the name


@dataclass
class CaseSpec:
    """Everything a case record is built from, whether written by hand or generated."""

    key: str
    title: str
    summary: str
    challenge: str
    received: dt.date
    origin: str
    home: str
    history: list[tuple[str, dt.date, str]]  # (phase, date, note), ascending, from inkommen
    topics: tuple[str, ...]
    sdgs: tuple[int, ...]
    target_groups: tuple[str, ...]
    innovation_types: tuple[str, ...]
    methods: tuple[str, ...] = ()
    participating: tuple[str, ...] = ()
    partners: tuple[tuple[str, str, str], ...] = ()  # (organisation, partner type, contribution)
    outcome: str = ""
    taken_over_by: str = ""
    paused: bool = False
    team_size: int | None = None
    solutions: tuple[tuple[str, str], ...] = ()  # (title, description)
    research: tuple[tuple[str, str, str], ...] = ()  # (title, organisation, url); "": none
    carriers: tuple[Carrier, ...] = ()
    publication_level: str = "publik"
    coach: str = "idecoach"
    results: str = ""
    measured_effects: str = ""
    challenges_met: str = ""
    lessons: str = ""
    spread: str = ""
    next_steps: str = ""
    internal_notes: str = ""
    case_id: str = ""  # given when all cases are numbered by year and received date

    @property
    def phase(self) -> str:
        return self.history[-1][0]
