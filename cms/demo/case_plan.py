"""The plan for the register: 128 case specs whose phases reproduce the article's figures.

Seven cases are written by hand (``featured_cases``); the other 121 are combined from
``case_parts`` with a seeded random generator, so every run plans exactly the same cases.
The areas hold 121 placements of a need in a setting, 11 per area, each with a title of its
own, and every one is used once.
Older cases have come further: current phases are handed out by received date with some
noise, and each case gets a dated phase history from ``inkommen`` to its current phase.
"""

import datetime as dt
import random
from collections import Counter

from cms.cases.choices import Method, Outcome

from . import areas_care, areas_city, areas_learning
from . import case_texts as tx
from .base import DEMO_DAY
from .case_parts import Carrier, CaseSpec, combinations
from .featured_cases import FEATURED

SEED = 20170301
TOTAL = 128
FIRST_RECEIVED = dt.date(2017, 3, 1)
LAST_RECEIVED = dt.date(2020, 10, 9)
AREAS = areas_care.AREAS + areas_learning.AREAS + areas_city.AREAS

# Current phase of every case, as the article counted them: 8 in implementation, 88 closed.
PHASE_TOTALS = {
    "avslutad": 88,
    "implementeras": 8,
    "testas": 8,
    "konceptutveckling": 9,
    "utforskas": 10,
    "inkommen": 5,
}
# How the 88 closed cases ended; ordered from the longest path to the shortest.
OUTCOME_TOTALS = {
    "infort": 20,
    "overlamnat": 22,
    "larande": 16,
    "hittat_hem": 10,
    "finns_redan": 8,
    "ej_aktuellt": 12,
}
OPEN_PHASES = ["inkommen", "utforskas", "konceptutveckling", "testas", "implementeras"]
# Days a case typically spends in a phase before it moves on.
DWELL = {
    "inkommen": (10, 45),
    "utforskas": (40, 140),
    "konceptutveckling": (45, 150),
    "testas": (60, 200),
    "implementeras": (90, 240),
}
PARTICIPANTS = (
    "Kommunstyrelsekontoret", "Barn- och utbildningsförvaltningen",
    "Vård- och omsorgsförvaltningen", "Individ och arbetsmarknadsförvaltningen",
    "Kultur- och fritidsförvaltningen", "Stadsbyggnadskontoret", "Miljökontoret",
    "Servicecenter", "Drakfastigheter", "Mitthem", "Sundsvall Energi",
    "MittSverige Vatten & Avfall", "Härnösands kommun", "Timrå kommun", "Ånge kommun",
    "Region Västernorrland",
)  # fmt: skip
PARTNER_MUNICIPALITIES = ("Härnösands kommun", "Timrå kommun", "Ånge kommun")
# Where an idea that does not fit the municipality finds a home: a product goes to the
# incubator or the innovation support, a service to the region or a neighbour.
NEW_HOMES_PRODUCT = ("Bizmaker", "Bron Innovation")
NEW_HOMES_SERVICE = ("Region Västernorrland", *PARTNER_MUNICIPALITIES)
SUNDSVALL_HOMES_TO_SHARE = {
    "Vård- och omsorgsförvaltningen",
    "Barn- och utbildningsförvaltningen",
    "Individ och arbetsmarknadsförvaltningen",
    "Kultur- och fritidsförvaltningen",
}
INTERN_COUNT = 8
ANONYMISED_COUNT = 28


def plan_cases() -> list[CaseSpec]:
    """All 128 cases, numbered ``IS-YYYY-NNN`` per year in order of received date."""
    rng = random.Random(SEED)
    generated = _generate(rng, TOTAL - len(FEATURED))
    specs = sorted([*FEATURED, *generated], key=lambda s: (s.received, s.key))
    per_year = Counter()
    for spec in specs:
        per_year[spec.received.year] += 1
        spec.case_id = f"IS-{spec.received.year}-{per_year[spec.received.year]:03d}"
    return specs


def _remaining(totals: dict, taken) -> list[str]:
    left = Counter(totals)
    left.subtract(Counter(taken))
    return [code for code in totals for _ in range(left[code])]


def _generate(rng: random.Random, count: int) -> list[CaseSpec]:
    picks = _pick_combinations(rng, count)
    received = sorted(_received_dates(rng, count))
    # Older cases tend to have come further: rank by date with noise, hand out phases from
    # the most to the least mature.
    phase_pool = _remaining(PHASE_TOTALS, (f.phase for f in FEATURED))
    order = sorted(range(count), key=lambda i: i + rng.gauss(0, 10))
    phases = dict(zip(order, phase_pool, strict=True))
    closed = [i for i in order if phases[i] == "avslutad"]
    outcome_pool = _remaining(OUTCOME_TOTALS, (f.outcome for f in FEATURED if f.outcome))
    closed.sort(key=lambda i: i + rng.gauss(0, 12))
    outcomes = dict(zip(closed, outcome_pool, strict=True))
    levels = ["intern"] * INTERN_COUNT + ["anonymiserad"] * ANONYMISED_COUNT
    levels += ["publik"] * (count - len(levels))
    rng.shuffle(levels)
    specs = [
        _spec(rng, i, *picks[i], received[i], phases[i], outcomes.get(i, ""), levels[i])
        for i in range(count)
    ]
    for i in rng.sample([i for i in range(count) if phases[i] in OPEN_PHASES[1:4]], 3):
        specs[i].paused = True
    return specs


def _pick_combinations(rng, count):
    """Distinct (area, need, setting, title) picks, taken in turn from each area."""
    pools = []
    for area in AREAS:
        combos = combinations([area])
        rng.shuffle(combos)
        pools.append(combos)
    picks = []
    while len(picks) < count:
        for pool in pools:
            if pool and len(picks) < count:
                picks.append(pool.pop())
    rng.shuffle(picks)
    return picks


def _received_dates(rng, count):
    span = (LAST_RECEIVED - FIRST_RECEIVED).days
    dates = []
    for _ in range(count):
        day = FIRST_RECEIVED + dt.timedelta(days=rng.randint(0, span))
        if day.month == 7:  # the summer break: ideas come in when people are back
            day = day.replace(month=8)
        day += dt.timedelta(days=(7 - day.weekday()) % 7 if day.weekday() >= 5 else 0)
        dates.append(min(day, LAST_RECEIVED))
    return dates


def _path(rng, phase, outcome):
    if phase != "avslutad":
        return OPEN_PHASES[: OPEN_PHASES.index(phase) + 1]
    last = {
        "infort": rng.choice(["implementeras", "implementeras", "testas"]),
        "overlamnat": rng.choice(["testas", "testas", "konceptutveckling"]),
        "larande": "testas",
        "hittat_hem": rng.choice(["konceptutveckling", "utforskas"]),
        "finns_redan": "utforskas",
        "ej_aktuellt": rng.choice(["inkommen", "utforskas"]),
    }[outcome]
    return [*OPEN_PHASES[: OPEN_PHASES.index(last) + 1], "avslutad"]


def _history(rng, received, path, outcome):
    """Dated phase changes from the received date, all on or before the demo day."""
    steps = [rng.randint(*DWELL[p]) for p in path[:-1]]
    room = (DEMO_DAY - received).days
    if path[-1] in OPEN_PHASES[1:]:
        # An open case moved to its current phase somewhere in the time it has had.
        target = max(len(steps), int(room * rng.uniform(0.45, 0.9)))
        if sum(steps) < target:
            steps = [s * target // sum(steps) for s in steps]
    if sum(steps) > room:
        steps = [max(1, s * room // sum(steps)) for s in steps]
    assert sum(steps) <= room, (received, path)
    history = [("inkommen", received, rng.choice(tx.NOTES["inkommen"]))]
    day = received
    for phase, step in zip(path[1:], steps, strict=True):
        previous = day
        day += dt.timedelta(days=step)
        if day.weekday() >= 5 and day - dt.timedelta(days=day.weekday() - 4) > previous:
            day -= dt.timedelta(days=day.weekday() - 4)  # decisions are taken on weekdays
        if phase == "avslutad":
            note = f"Avslutat: {Outcome(outcome).label.lower()}"
        else:
            note = rng.choice(tx.NOTES[phase])
        history.append((phase, day, note))
    return history


def _methods(rng, path, research):
    reached = set(path)
    methods = set()
    if "utforskas" in reached:
        methods |= {"faktainsamling", rng.choice(["intervjuer", "omvarldsbevakning"])}
    if "konceptutveckling" in reached:
        methods |= {"workshop", rng.choice(["kundresa", "processkartlaggning"])}
    if "testas" in reached:
        methods |= {"prototyp"} | ({"pilot"} if rng.random() < 0.6 else set())
    if research:
        methods.add("forskningsprojekt")
    return tuple(m.value for m in Method if m.value in methods)


def _carriers(rng, setting, home, received, origin):
    if len(setting.units) == len(setting.homes) and home in setting.homes:
        unit = setting.units[setting.homes.index(home)]
    else:
        unit = rng.choice(setting.units)
    if home in PARTNER_MUNICIPALITIES:
        unit = f"{unit.split(' i ')[0].split(' på ')[0]}, {home}"
    roles = list(setting.roles)
    rng.shuffle(roles)
    if origin == "chefsuppdrag":
        roles.insert(0, "Enhetschef")
    carriers = []
    for role in roles[: 2 if rng.random() < 0.3 else 1]:
        draw = rng.random()
        name = f"{rng.choice(tx.FIRST_NAMES)} {rng.choice(tx.LAST_NAMES)}"
        if draw < 0.4:
            consent = min(received + dt.timedelta(days=rng.randint(20, 300)), DEMO_DAY)
            carriers.append(Carrier(role, unit, name, consent))
        elif draw < 0.55:
            carriers.append(Carrier(role, unit, name))  # name given, no consent recorded
        else:
            carriers.append(Carrier(role, unit))
    return tuple(carriers)


def _spec(rng, index, area, need, setting, title, received, phase, outcome, level):
    home = rng.choice(need.homes or setting.homes)
    if home in SUNDSVALL_HOMES_TO_SHARE and rng.random() < 0.12:
        home = rng.choice(PARTNER_MUNICIPALITIES)
    origin = rng.choices(
        ["medarbetaride", "chefsuppdrag", "utmaning", "program", "extern"], [60, 14, 10, 10, 6]
    )[0]
    if origin == "program" and received < dt.date(2018, 3, 1):
        origin = "medarbetaride"
    path = _path(rng, phase, outcome)
    history = _history(rng, received, path, outcome)
    carriers = _carriers(rng, setting, home, received, origin)
    where = setting.phrase
    fill = {
        "aim": need.aim,
        "where": where,
        "role": tx.with_article(carriers[0].role),
        "Role": tx.upper_first(tx.with_article(carriers[0].role)),
        "year": min(max(received.year, 2018), 2019),
        "org": rng.choice(["Region Västernorrland", "Mittuniversitetet", "Bron Innovation"]),
    }
    others = [o for o in PARTICIPANTS if o != home]
    participating = tuple(rng.sample(others, rng.choices([0, 1, 2], [40, 40, 20])[0]))
    taker = ""
    if outcome == "overlamnat":
        taker = home if not participating or rng.random() < 0.7 else participating[0]
    elif outcome == "hittat_hem":
        homes = NEW_HOMES_PRODUCT if "produkt" in area.innovation_types else NEW_HOMES_SERVICE
        taker = rng.choice([o for o in homes if o != home])
    fill["taker"] = taker

    reached = set(path)
    research = ()
    if "konceptutveckling" in reached and rng.random() < 0.18:
        study = f"{rng.choice(tx.RESEARCH_PREFIXES)}: {tx.lower_first(title)}"
        research = ((study, "Mittuniversitetet", ""),)
    partners = []
    if research:
        partners.append(("Mittuniversitetet", "forskning", "Forskare följde arbetet"))
    if origin == "extern":
        kind = {"Mittuniversitetet": "forskning", "Bron Innovation": "innovationsstod"}
        if fill["org"] not in (p[0] for p in partners):
            partners.append(
                (fill["org"], kind.get(fill["org"], "offentlig"), "Tog initiativ till caset")
            )
    if origin == "program":
        partners.append(("Amplify Innovation AB", "naringsliv", "Metodstöd i tjänstedesign"))
    if outcome == "hittat_hem" and taker in ("Bizmaker", "Bron Innovation"):
        partners.append((taker, "innovationsstod", "Tog emot idén"))
    elif rng.random() < 0.15 and "Bron Innovation" not in (p[0] for p in partners):
        partners.append(("Bron Innovation", "innovationsstod", "Stöd i behovsanalysen"))

    solutions = ()
    if "konceptutveckling" in reached:
        chosen = rng.sample(need.solutions, rng.randint(1, min(3, len(need.solutions))))
        solutions = tuple((s, rng.choice(tx.SOLUTION_NOTES)) for s in chosen)
    status = outcome or phase
    summary = " ".join(
        [
            rng.choice(tx.OPENERS[origin]).format(**fill),
            rng.choice(tx.STATUS[status]).format(**fill),
        ]
    )
    challenge = f"{need.problem} {rng.choice(tx.CHALLENGE_ENDINGS).format(**fill)}"
    topics = [area.topic]
    if area.extra_topics and rng.random() < 0.5:
        topics += area.extra_topics
    spec = CaseSpec(
        key=f"gen-{index:03d}",
        title=title,
        summary=summary,
        challenge=challenge,
        received=received,
        origin=origin,
        home=home,
        history=history,
        topics=tuple(topics),
        sdgs=tuple(sorted(rng.sample(area.sdgs, min(len(area.sdgs), rng.randint(1, 2))))),
        target_groups=tuple(rng.sample(area.target_groups, min(2, rng.randint(1, 2)))),
        innovation_types=tuple(rng.sample(area.innovation_types, rng.randint(1, 2))),
        methods=_methods(rng, path, research),
        participating=participating,
        partners=tuple(partners),
        outcome=outcome,
        taken_over_by=taker,
        team_size=None if phase == "inkommen" else rng.randint(2, 4 if len(path) < 3 else 9),
        solutions=solutions,
        research=research,
        carriers=carriers,
        publication_level=level,
        coach=rng.choice(["idecoach", "idecoach2"]),
    )
    _write_results(rng, spec, need, where, path)
    if level == "intern":
        spec.internal_notes = f"Hålls internt eftersom caset rör {rng.choice(tx.INTERNAL_REASONS)}."
    return spec


def _write_results(rng, spec, need, where, path):
    first_solution = spec.solutions[0][0] if spec.solutions else ""
    reached = set(path)
    if "testas" in reached:
        spec.challenges_met = rng.choice(tx.CHALLENGES_MET)
    if spec.phase == "avslutad" and spec.outcome not in ("finns_redan", "ej_aktuellt"):
        spec.lessons = " ".join(rng.sample(tx.LESSONS, 2))
    match spec.outcome or spec.phase:
        case "infort":
            spec.results = (
                f"Lösningen ”{tx.lower_first(first_solution)}” är införd och används i det "
                "dagliga arbetet."
            )
            spec.measured_effects = need.effect
            if rng.random() < 0.4:
                spec.spread = (
                    f"Arbetssättet har spridits till {rng.choice(PARTNER_MUNICIPALITIES)}."
                )
            spec.next_steps = "Verksamheten följer upp effekten efter ett år."
        case "overlamnat":
            spec.results = (
                f"Ett koncept och ett beslutsunderlag har lämnats över till {spec.taken_over_by}."
            )
            if "testas" in reached:
                spec.measured_effects = f"I testet: {tx.lower_first(need.effect)}"
            spec.next_steps = f"{spec.taken_over_by} beslutar om ett införande."
        case "hittat_hem":
            spec.results = (
                "Idén passade inte i kommunens verksamhet men har hittat hem hos "
                f"{spec.taken_over_by}, som driver den vidare."
            )
            spec.next_steps = f"{spec.taken_over_by} ansvarar för det fortsatta arbetet."
        case "larande":
            spec.results = "Testet gav inte den effekt teamet hoppades på, och caset avslutades."
            spec.next_steps = "Lärdomarna delas med andra verksamheter och i Innovationsprogrammet."
        case "finns_redan":
            other = rng.choice([*PARTNER_MUNICIPALITIES, "Region Västernorrland"])
            spec.results = rng.choice(tx.ALREADY_EXISTS).format(other=other)
        case "ej_aktuellt":
            spec.results = rng.choice(tx.NOT_RELEVANT)
        case "implementeras":
            spec.measured_effects = f"I testet: {tx.lower_first(need.effect)}"
            spec.results = "Förväntat resultat: att effekten från testet håller när fler är med."
            spec.next_steps = "Införandet ska vara klart inom ett år och följas upp efter det."
        case "testas":
            spec.results = f"Förväntat resultat: att {need.aim} {where}."
            spec.next_steps = "Testet utvärderas, och sedan tas ett beslutsunderlag fram."
        case "konceptutveckling":
            spec.next_steps = "Teamet väljer vilket förslag som ska testas först."
        case "utforskas":
            spec.next_steps = "Fler intervjuer och en kartläggning av hur arbetet går till i dag."
        case "inkommen":
            spec.next_steps = "Ett första samtal med idébäraren för att ringa in frågan."
