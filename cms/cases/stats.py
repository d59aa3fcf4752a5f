"""The "Nuläget" counters, computed from the register's phase history for any date.

The counters (received, in progress, closed, by phase, by year …) cover *all* case
records, internal ones included: they are aggregates over the whole register and the site
shows them as "Nuläget". ``by_organisation`` is different: an organisation's name next to a
count tells that it has cases, and an organisation with a single ``intern`` case would be
named by it. So it counts only the public cases (live and not ``intern``,
``CaseRecord.objects.public()``) received by the date, per home organisation; every figure
in it can be checked against the case portal. ``not_public`` says how many of the received
cases the portal does not show (internal or not published), and nothing else about them, so
the portal can say why it lists fewer cases than "Nuläget" counts. Both the API's stats
endpoint and the newsletter snapshot use this one function so a figure means the same
everywhere.
"""

import datetime as dt
import hashlib
from bisect import bisect_right
from collections import Counter
from dataclasses import asdict, dataclass, field

from django.db.models import Exists, OuterRef
from django.utils import timezone

from .choices import Outcome, Phase

HOME_FOUND_OUTCOMES = {Outcome.INFORT, Outcome.OVERLAMNAT, Outcome.HITTAT_HEM}
HEADLINE = ("as_of", "received", "in_progress", "in_implementation", "closed", "implemented")


@dataclass
class Status:
    as_of: dt.date
    received: int = 0
    in_progress: int = 0
    in_implementation: int = 0
    closed: int = 0
    implemented: int = 0
    not_public: int = 0
    by_phase: dict = field(default_factory=dict)
    by_organisation: dict = field(default_factory=dict)
    by_year: dict = field(default_factory=dict)

    def as_dict(self) -> dict:
        data = asdict(self)
        data["as_of"] = self.as_of.isoformat()
        return data

    def headline(self) -> dict:
        """The figures a newsletter issue shows: ``{as_of, received, in_progress,
        in_implementation, closed, implemented}``."""
        data = self.as_dict()
        return {key: data[key] for key in HEADLINE}


class RegisterHistory:
    """The register as the counters need it, read once: each record's received date,
    outcome, home organisation and whether it is public, and its phase history. Two
    queries, whatever the register's size; ``status`` then counts it for any date without
    asking the database again, so the figures of many dates (the years of "Nuläget över
    tid", the issues of a newsletter listing) cost what one date does.

    ``records`` defaults to every record in the register, published or not (a case counts
    from the day it was received, whatever its publication level); ``until`` leaves out
    what was received or changed after that date (nothing later can count)."""

    def __init__(self, records=None, until: dt.date | None = None):
        from .models import CasePhaseChange, CaseRecord

        if records is None:
            records = CaseRecord.objects.all()
        if until is not None:
            records = records.filter(received_date__lte=until)
        public = CaseRecord.objects.public().filter(pk=OuterRef("pk"))
        self.rows = list(
            records.values("pk", "received_date", "outcome", "home_organisation__name")
            .annotate(public=Exists(public))
            .order_by("received_date", "pk")
        )
        changes = CasePhaseChange.objects.filter(case__in=records.values("pk"))
        if until is not None:
            changes = changes.filter(date__lte=until)
        #: Each record's phase changes, in the order they happened: their dates and the
        #: phases they changed to (``phase_on`` looks the date up by bisection).
        self.change_dates: dict[int, list[dt.date]] = {}
        self.change_phases: dict[int, list[str]] = {}
        history: dict[int, list[tuple]] = {}
        for case_pk, date, order, phase in changes.values_list(
            "case", "date", "sort_order", "phase"
        ):
            history.setdefault(case_pk, []).append((date, order or 0, phase))
        for case_pk, case_changes in history.items():
            case_changes.sort()  # by date and order (and phase, for equal ones)
            self.change_dates[case_pk] = [date for date, _, _ in case_changes]
            self.change_phases[case_pk] = [phase for _, _, phase in case_changes]
        self.received = [row["received_date"] for row in self.rows]

    def phase_on(self, case_pk: int, as_of: dt.date) -> str:
        """The record's phase at the end of ``as_of``: its last change by then."""
        changed = bisect_right(self.change_dates.get(case_pk, ()), as_of)
        return self.change_phases[case_pk][changed - 1] if changed else Phase.INKOMMEN

    def status(self, as_of: dt.date) -> Status:
        """Count the register as it stood at the end of ``as_of``: the records received by
        then (the first rows, in the order received), each in its phase on that date."""
        received = self.rows[: bisect_right(self.received, as_of)]
        tally = Counter(
            (
                self.phase_on(row["pk"], as_of),
                row["public"],
                row["home_organisation__name"],
                row["received_date"].year,
                row["outcome"] in HOME_FOUND_OUTCOMES,
            )
            for row in received
        )
        status = Status(as_of=as_of, received=len(received))
        by_phase: Counter = Counter()
        by_org: Counter = Counter()
        by_year: Counter = Counter()
        for (phase, public, organisation, year, home_found), n in tally.items():
            by_phase[phase] += n
            by_year[year] += n
            if public:
                by_org[organisation] += n
            else:
                status.not_public += n
            if phase == Phase.AVSLUTAD:
                status.closed += n
                status.implemented += n if home_found else 0
            else:
                status.in_progress += n
                status.in_implementation += n if phase == Phase.IMPLEMENTERAS else 0
        status.by_phase = {p.value: by_phase.get(p.value, 0) for p in Phase}
        status.by_organisation = dict(sorted(by_org.items()))
        status.by_year = {str(y): n for y, n in sorted(by_year.items())}
        return status


def status_as_of(as_of: dt.date | None = None, records=None) -> Status:
    """Count the register (``records``, default all of it) as it stood at the end of
    ``as_of`` (default: today); see ``RegisterHistory``. Two queries."""
    as_of = as_of or timezone.localdate()
    return RegisterHistory(records, until=as_of).status(as_of)


def status_by_year(today: dt.date | None = None, history: RegisterHistory | None = None):
    """Nuläget at the end of every year from the first year a case was received up to last
    year, then as of ``today`` (default: today): the figures "Nuläget över tid" shows.

    Each is the ``status_as_of`` of its date (the same count of the same history), so every
    figure is the one the stats endpoint gives for that date. An empty register gives
    today's (empty) status only. ``history`` is the register read already (by default it is
    read here: two queries)."""
    today = today or timezone.localdate()
    history = history or RegisterHistory(until=today)
    first = history.rows[0]["received_date"] if history.rows else None
    if first and first > today:
        first = None
    ends = [dt.date(year, 12, 31) for year in range(first.year, today.year)] if first else []
    return [history.status(day) for day in [*ends, today]]


def register_version(history: RegisterHistory | None = None) -> str:
    """A digest of all that ``status_as_of`` counts for a past date (each record's received
    date and outcome, and its phase history), and nothing else: it changes exactly when the
    figures of some date may have changed, such as a phase date moved within a year, which
    the year-end figures do not show. Says nothing readable about any case. ``history``
    must be the whole register (read without ``until``); by default it is read here."""
    history = history or RegisterHistory()
    text = repr(
        [
            (
                row["pk"],
                row["received_date"],
                row["outcome"],
                history.change_dates.get(row["pk"], []),
                history.change_phases.get(row["pk"], []),
            )
            for row in history.rows
        ]
    )
    return hashlib.sha1(text.encode()).hexdigest()
