"""The case portal, its filter pages and related cases, computed from the case cards.

The portal lists every public case in Swedish order by title. Each value of each filter
(phase, home organisation, topic, Agenda 2030 goal, year received) has its own page, so
every filter works as a plain link without JavaScript:

    /case/                         all cases            /case/sida/2/ …
    /case/fas/<phase code>/        one phase            /case/fas/testas/sida/2/ …
    /case/organisation/<slug>/     one home organisation
    /case/amne/<slug>/             one topic
    /case/mal/<number>/            one Agenda 2030 goal
    /case/ar/<year>/               one year received
    /case/data/                    every case as a small JSON record (case-filter.js)

A listing page's front matter carries the keys of the cases it shows and a digest of what
their cards show; the template reads the cards from the data file ``cases``
(``hub_data("cases")``, see ``contract.DATA_FILES``), which also holds the records of the
data page. So a page's file changes exactly when what it shows changes, and writing
thousands of listing pages stays cheap (no card is written into every page that lists it).
Only the first page of each listing carries the filter links with their counts: a change
of counts rewrites those few pages, never the later pages of every listing.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass

from swedish import swedish_sort_key

from ..contract import CARD_FIELDS, FACET_SEGMENTS, PAGE_SEGMENT, PORTAL, RECORD_FIELDS
from ..contract import CASE_DATA_PATH as DATA_PATH
from ..paths import content_file
from .digest import digest

CASES_PER_PAGE = 50
RELATED = 3
#: The phases in the order a case moves through them (DOMAIN.md).
PHASES = ("inkommen", "utforskas", "konceptutveckling", "testas", "implementeras", "avslutad")
SITE = "Idésluss Sundsvall"


def _lower_first(text: str) -> str:
    """``"Kultur och fritid"`` → ``"kultur och fritid"``; leaves ``"IT-stöd"`` alone."""
    if len(text) > 1 and text[1].isupper():
        return text
    return text[:1].lower() + text[1:]


@dataclass(frozen=True)
class Facet:
    key: str  # URL segment and query parameter
    field: str  # the record field case-filter.js reads
    legend: str
    all_label: str
    values: Callable[[dict], list[tuple[str, str]]]  # card → [(value, label)]
    title: Callable[[str], str]  # label → page title
    order: Callable[[str, str], tuple]  # (value, label) → sort key


def _phase(card):
    code = card.get("phase")
    return [(code, card.get("phase_label") or code)] if code else []


def _organisation(card):
    slug, name = card.get("organisation_slug"), card.get("organisation")
    return [(slug, name)] if slug and name else []


def _topics(card):
    slugs = card.get("topics") or []
    names = card.get("topic_names") or slugs
    return [(slug, name) for slug, name in zip(slugs, names, strict=False) if slug]


def _sdgs(card):
    numbers = card.get("sdgs") or []
    names = card.get("sdg_names") or [""] * len(numbers)
    return [
        (str(n), f"Mål {n}: {name}" if name else f"Mål {n}")
        for n, name in zip(numbers, names, strict=False)
    ]


def _year(card):
    return [(str(card["year"]), str(card["year"]))] if card.get("year") else []


FACETS = (
    Facet(
        FACET_SEGMENTS["phase"],
        "phase",
        "Fas",
        "Alla faser",
        _phase,
        lambda label: f"Case i fasen {label}",
        lambda v, label: (PHASES.index(v) if v in PHASES else len(PHASES), label),
    ),
    Facet(
        FACET_SEGMENTS["organisation"],
        "organisation",
        "Organisation",
        "Alla organisationer",
        _organisation,
        lambda label: f"Case från {label}",
        lambda v, label: swedish_sort_key(label),
    ),
    Facet(
        FACET_SEGMENTS["topics"],
        "topics",
        "Ämne",
        "Alla ämnen",
        _topics,
        lambda label: f"Case om {_lower_first(label)}",
        lambda v, label: swedish_sort_key(label),
    ),
    Facet(
        FACET_SEGMENTS["sdgs"],
        "sdgs",
        "Globalt mål",
        "Alla mål",
        _sdgs,
        lambda label: f"Case för {_lower_first(label)}",
        lambda v, label: (int(v),),
    ),
    Facet(
        FACET_SEGMENTS["year"],
        "year",
        "År",
        "Alla år",
        _year,
        lambda label: f"Case som kom in {label}",
        lambda v, label: (-int(v),),
    ),
)


def facet_path(facet: Facet, value: str) -> str:
    return f"{PORTAL}{facet.key}/{value}/"


def page_path(base: str, n: int) -> str:
    return base if n == 1 else f"{base}{PAGE_SEGMENT}/{n}/"


def listing_card(card: dict) -> dict:
    """The fields of a case card a listing shows (partials/case_card.html)."""
    return {name: card.get(name) for name in CARD_FIELDS}


def record(card: dict) -> dict:
    """A case's record in the JSON data file (mirrors themes/hub/case_data.html)."""
    return {name: card.get(field) for field, name in RECORD_FIELDS.items()}


def _digest(data) -> str:
    return digest(data, compact=True)


@dataclass
class Portal:
    """What the case portal adds to a pull: pages, the data file ``cases``, and each case's
    related cases and filter links."""

    pages: dict[str, tuple[dict, str]]
    data: dict
    extra: dict[str, dict]


#: The last portal computed, and a digest of the cards it was computed from. A worker
#: (``hub worker``) pulls again and again in one process, mostly after a change to a page
#: that is not a case: then the portal is what it was, and ranking thousands of cases
#: again would be most of the rebuild (seconds at 10 000 cases; see bench_publish.py).
_last: tuple[str, Portal] | None = None


def compute(out, cases: list[tuple[str, dict]]) -> None:
    """Add the portal, the filter pages and the data page to ``out.pages``, the data file
    ``cases`` to ``out.data``, and related cases and filter links to each case's
    ``out.extra``. ``cases``: (state key, state item). Nothing of it is changed by the
    callers, so the same objects serve the next pull when no case has changed."""
    global _last
    cards = {key: info["card"] for key, info in cases}
    key = digest(cards)
    if _last is None or _last[0] != key:
        _last = (key, _portal(cards))
    portal = _last[1]
    out.pages.update(portal.pages)
    out.data["cases"] = portal.data
    for case, extra in portal.extra.items():
        out.extra.setdefault(case, {}).update(extra)


def _portal(cards: dict[str, dict]) -> Portal:
    out = Portal(pages={}, data={}, extra={})
    order = sorted(cards, key=lambda k: (swedish_sort_key(cards[k]["title"]), cards[k]["case_id"]))
    shown = {key: listing_card(cards[key]) for key in order}
    digests = {key: _digest(shown[key]) for key in order}

    groups: dict[str, dict[str, tuple[str, list[str]]]] = {}
    for facet in FACETS:
        members: dict[str, tuple[str, list[str]]] = {}
        for key in order:  # keeps the Swedish order within every value
            for value, label in facet.values(cards[key]):
                members.setdefault(value, (label, []))[1].append(key)
        groups[facet.key] = dict(
            sorted(members.items(), key=lambda item: facet.order(item[0], item[1][0]))
        )
    filters = [
        {
            "key": facet.key,
            "field": facet.field,
            "legend": facet.legend,
            "all": facet.all_label,
            "values": [
                {
                    "value": value,
                    "label": label,
                    "title": facet.title(label),
                    "path": facet_path(facet, value),
                    "count": len(keys),
                }
                for value, (label, keys) in groups[facet.key].items()
            ],
        }
        for facet in FACETS
    ]

    def listing(base, keys, **meta):
        total = max(1, -(-len(keys) // CASES_PER_PAGE))
        for n in range(1, total + 1):
            chunk = keys[(n - 1) * CASES_PER_PAGE : n * CASES_PER_PAGE]
            page = {
                **meta,
                "title": meta["title"] if n == 1 else f"{meta['title']}, sida {n} av {total}",
                "path": page_path(base, n),
                "count": len(keys),
                "cases": chunk,
                "digest": _digest([digests[k] for k in chunk]),
                "pagination": {
                    "current": n,
                    "total": total,
                    "first": base,
                    "previous": page_path(base, n - 1) if n > 1 else None,
                    "next": page_path(base, n + 1) if n < total else None,
                },
            }
            if n == 1:
                page.update(filters=filters, data=DATA_PATH)
            out.pages[content_file(page["path"]).as_posix()] = (page, "")

    common = {"image": None, "last_published": "", "seo_title": ""}
    listing(
        PORTAL,
        order,
        template="case_index.html",
        title="Case",
        type="caseindex",
        summary="Alla publicerade case från Idésluss Sundsvall.",
        description="Offentlig innovation för hållbar utveckling: case från Idésluss "
        "Sundsvall, från idé till införande.",
        intro="Här finns de case som Idéslussen har arbetat med och som får visas öppet. "
        "Ett case är en idé eller ett problem som en medarbetare har tagit till Idéslussen.",
        facet=None,
        **common,
    )
    for facet in FACETS:
        for value, (label, keys) in groups[facet.key].items():
            title = facet.title(label)
            listing(
                facet_path(facet, value),
                keys,
                template="case_index.html",
                title=title,
                type="casefacet",
                summary="",
                description=f"{title}: offentlig innovation från {SITE}.",
                facet={"key": facet.key, "legend": facet.legend, "value": value, "label": label},
                **common,
            )

    records = [record(cards[key]) for key in order]
    # The goals' names as the cards show them, for the script's cards (a record has only
    # the numbers, which keeps the data page small).
    goals = {
        str(n): label
        for card in cards.values()
        for n, label in zip(card.get("sdgs") or [], card.get("goals") or [], strict=False)
    }
    goals = {n: goals[n] for n in sorted(goals, key=int)}
    out.data = {"cards": shown, "records": records}
    out.pages[content_file(DATA_PATH).as_posix()] = (
        {
            "template": "case_data.html",
            "title": "Data för case-filtret",
            "type": "casedata",
            "path": DATA_PATH,
            "summary": "",
            "description": "",
            **common,
            "filters": filters,
            "goals": goals,
            "digest": _digest([records, goals]),
            "sitemap": False,  # noindex: data for the script, not a page to find
        },
        "",
    )
    _check_paths(cards, out.pages)

    related = _related(cards)
    for key in order:
        card = cards[key]
        links = [
            {"title": facet.title(label), "path": facet_path(facet, value)}
            for facet in FACETS
            for value, label in facet.values(card)
        ]
        out.extra[key] = {
            "related": [dict(shown[k]) for k in related.get(key, [])],
            "facet_links": links,
        }
    return out


def _check_paths(cards: dict[str, dict], pages: dict) -> None:
    """A case whose address is one of the portal's own would lose its page."""
    taken = {meta["path"] for meta, _ in pages.values()}
    for card in cards.values():
        if card["path"] in taken:
            raise ValueError(
                f"Caset {card['case_id']} har adressen {card['path']}, som case-portalen "
                "själv använder. Ge caset ett annat kortnamn (slug) i CMS:et."
            )


def _related(cards: dict[str, dict]) -> dict[str, list[str]]:
    """Up to RELATED other cases per case: a shared topic counts 2, the same home
    organisation 1; ties go to the most recently received.

    Cases with the same organisation and topics (a profile) share one ranking. Profiles are
    numbered by their most recent case, and a set of profiles is an int with bit i for
    profile i: so the lowest bits of a set are its most recent profiles, and each score
    level is a few operations on ints. At 10 000 cases this takes a fraction of a second,
    where counting scores profile by profile took seconds."""
    profiles: dict[tuple, list[str]] = defaultdict(list)
    for key, card in cards.items():
        topics = tuple(sorted(set(card.get("topics") or [])))
        profiles[(card.get("organisation_slug") or "", topics)].append(key)

    def rank(key):
        return (cards[key].get("date") or "", cards[key]["case_id"])

    for members in profiles.values():
        members.sort(key=rank, reverse=True)
    order = sorted(profiles, key=lambda profile: rank(profiles[profile][0]), reverse=True)
    with_topic: dict[str, int] = defaultdict(int)
    with_org: dict[str, int] = defaultdict(int)
    for i, (org, topics) in enumerate(order):
        for topic in topics:
            with_topic[topic] |= 1 << i
        if org:
            with_org[org] |= 1 << i

    def best(level: int) -> list[str]:
        """The RELATED + 1 most recent cases of a set of profiles (one more than needed:
        a case is in its own profile and is left out below). They are among the first
        RELATED + 1 cases of its RELATED + 1 most recent profiles."""
        cases = []
        for _ in range(RELATED + 1):
            lowest = level & -level  # the lowest set bit (0 when none is left)
            if not lowest:
                break
            cases += profiles[order[lowest.bit_length() - 1]][: RELATED + 1]
            level ^= lowest
        return sorted(cases, key=rank, reverse=True)[: RELATED + 1]

    related: dict[str, list[str]] = {}
    everyone = (1 << len(order)) - 1
    for org, topics in order:
        # at_least[n]: the profiles that share at least n of these topics.
        at_least = [everyone] + [0] * (len(topics) + 1)
        for topic in topics:
            for n in range(len(topics), 0, -1):
                at_least[n] |= at_least[n - 1] & with_topic[topic]
        same_org = with_org[org] if org else 0
        picked: list[str] = []
        for n in range(len(topics), -1, -1):  # from the highest score down
            exactly = at_least[n] & ~at_least[n + 1]
            # 2n + 1 (the same organisation too), then 2n; a score of 0 is no relation.
            for level in (exactly & same_org, exactly & ~same_org if n else 0):
                if len(picked) <= RELATED:
                    picked += best(level)
        for key in profiles[(org, topics)]:
            related[key] = [k for k in picked if k != key][:RELATED]
    return related
