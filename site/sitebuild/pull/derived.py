"""Data one page shows about others: listings, previous/next, related items, the case portal.

Computed from the cards in the pull state, never by reading other pages, so it is the same
in a full and in an incremental build. ``compute`` returns the extra front matter per item
and the pages the CMS does not have (the case portal), as files to write.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from .. import contract as c
from ..contract import PRIVATE_CARD_FIELDS
from ..paths import content_file
from . import facets, search_pages
from .digest import digest

STATUS_KEYS = (
    "as_of",
    "received",
    "in_progress",
    "in_implementation",
    "closed",
    "implemented",
    "not_public",
)


@dataclass
class Derived:
    extra: dict[str, dict] = field(default_factory=dict)
    pages: dict[str, tuple[dict, str]] = field(default_factory=dict)
    #: Data files of the contract (``contract.DATA_FILES``) by name.
    data: dict[str, object] = field(default_factory=dict)


def public(card: dict) -> dict:
    """A card as listings show it. Keys in sorted order at every level: the same card is
    written with the same bytes whether it was just fetched or read back from the pull
    state (which is saved with sorted keys), so an unchanged listing is never rewritten."""
    return _sorted({k: v for k, v in card.items() if k not in PRIVATE_CARD_FIELDS})


def _sorted(value):
    if isinstance(value, dict):
        return {k: _sorted(value[k]) for k in sorted(value)}
    if isinstance(value, list):
        return [_sorted(v) for v in value]
    return value


def _newest(cards):
    return sorted(cards, key=lambda c: (c.get("date") or "", c["path"]), reverse=True)


def compute(items: dict[str, dict], stats: dict, stats_years: dict | None = None) -> Derived:
    out = Derived()
    by_type: dict[str, list[tuple[str, dict]]] = defaultdict(list)
    for key, info in items.items():
        by_type[info["type"]].append((key, info))

    def cards(kind):
        return [info["card"] for _, info in by_type.get(kind, [])]

    stories = _newest(cards(c.STORY_PAGE))
    articles = _newest(cards(c.ARTICLE_PAGE))
    issues = sorted(
        cards(c.NEWSLETTER_ISSUE_PAGE),
        key=lambda c: (c.get("date") or "", c.get("number") or 0),
    )
    programmes = sorted(cards(c.PROGRAMME_PAGE), key=lambda c: c.get("year") or 0, reverse=True)
    cases = {c["path"]: c for c in cards(c.CASE_RECORD)}
    archive = next(
        (
            {"title": info["card"]["title"], "path": info["path"]}
            for _, info in by_type.get(c.NEWSLETTER_INDEX_PAGE, [])
        ),
        None,
    )

    for key, _ in by_type.get(c.HOME_PAGE, []):
        out.extra[key] = {
            "status": {k: stats.get(k) for k in STATUS_KEYS},
            "featured": [public(c) for c in stories[:3]],
            "latest_articles": [public(c) for c in articles[:3]],
            "latest_issue": public(issues[-1]) if issues else None,
        }
    for kind, listed in (
        (c.STORY_INDEX_PAGE, stories),
        (c.ARTICLE_INDEX_PAGE, articles),
        (c.PROGRAMME_INDEX_PAGE, programmes),
    ):
        for key, _ in by_type.get(kind, []):
            out.extra[key] = {"items": [public(c) for c in listed]}
    for key, _ in by_type.get(c.NEWSLETTER_INDEX_PAGE, []):
        years: dict[int, list] = defaultdict(list)
        for card in reversed(issues):
            years[int(card["date"][:4])].append(public(card))
        out.extra[key] = {
            "years": [{"year": y, "items": years[y]} for y in sorted(years, reverse=True)]
        }

    link = lambda c: {"title": c["title"], "path": c["path"]} if c else None  # noqa: E731
    issue_keys = {info["path"]: key for key, info in by_type.get(c.NEWSLETTER_ISSUE_PAGE, [])}
    for i, card in enumerate(issues):
        out.extra[issue_keys[card["path"]]] = {
            "previous": link(issues[i - 1]) if i > 0 else None,
            "next": link(issues[i + 1]) if i + 1 < len(issues) else None,
            "archive": archive,
        }

    stories_of: dict[str, list] = defaultdict(list)
    for key, info in by_type.get(c.STORY_PAGE, []):
        case = cases.get(info["card"].get("case_path"))
        out.extra[key] = {
            "case": {
                "title": case["title"],
                "path": case["path"],
                "case_id": case["case_id"],
                "phase_label": case["phase_label"],
            }
            if case
            else None
        }
        if case:
            stories_of[case["path"]].append(public(info["card"]))
    mentioned_in: dict[str, list] = defaultdict(list)
    for card in reversed(issues):
        for path in card.get("mentions", []):
            mentioned_in[path].append(link(card))
    for key, info in by_type.get(c.CASE_RECORD, []):
        out.extra[key] = {
            "stories": stories_of.get(info["path"], []),
            "newsletters": mentioned_in.get(info["path"], []),
        }

    facets.compute(out, by_type.get(c.CASE_RECORD, []))
    _register_on_portal(out, stats)
    _statistics_page(out, stats_years)
    search_pages.add_pages(out, items)  # /sok/ and its A–Ö lists
    return out


def _register_on_portal(out: Derived, stats: dict) -> None:
    """The portal's first page says how many cases the register has and how many of them
    it does not show (internal or not published), so that its counts and Nuläget's agree.
    A new front matter dict: the portal's pages are shared with the next pull (facets)."""
    rel = content_file(c.PORTAL).as_posix()
    if rel not in out.pages:
        return
    meta, body = out.pages[rel]
    register = {k: stats.get(k) for k in ("as_of", "received", "not_public")}
    out.pages[rel] = ({**meta, "register": register}, body)


def _statistics_page(out: Derived, stats_years: dict | None) -> None:
    """ "Nuläget över tid" (``contract.STATISTICS_PATH``): the template draws the chart and
    the table from the data file ``stats_years``; the page's front matter carries its
    digest, so the page is rewritten, and rendered again, exactly when the figures or
    their date change (the pull writes the data file)."""
    if stats_years is None:
        return
    meta = {
        "template": "statistics.html",
        "title": "Nuläget över tid",
        "type": "casestatistics",
        "path": c.STATISTICS_PATH,
        "summary": "Hur många case som har kommit in till Idéslussen år för år, och i "
        "vilken fas de var vid varje års slut.",
        "description": "Nuläget över tid: Idéslussens case år för år, efter fas, ur "
        "case-registret.",
        "image": None,
        "last_published": "",
        "seo_title": "",
        "digest": digest(stats_years, compact=True),
    }
    out.pages[content_file(c.STATISTICS_PATH).as_posix()] = (meta, "")
