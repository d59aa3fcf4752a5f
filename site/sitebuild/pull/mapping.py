"""API items → the theme's content contract (themes/hub/README.md).

One function per CMS type turns an API item into an ``Entry``: the page's own front matter,
its HTML body, the card other pages list it with, and the references that derived data
(listings, previous/next, "stories about this case") is computed from. Names line up with
the CMS: ``cases.CaseStoryPage`` → ``story.html``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from swedish import no_break_html

from .. import contract as c
from . import sanitize
from .blocks import render_blocks

ImageFn = object  # (api_image | None, purpose) -> image shape | None


@dataclass
class Entry:
    key: str
    type: str
    path: str
    meta: dict
    body: str = ""
    card: dict = field(default_factory=dict)


def page_key(item_id) -> str:
    return f"page:{item_id}"


def case_key(case_id: str) -> str:
    return f"case:{case_id}"


def _common(item: dict, template: str, image) -> dict:
    meta = item.get("meta", {})
    return {
        "template": template,
        "title": item.get("title", ""),
        "type": meta.get("type", "").split(".")[-1].lower(),
        "cms_id": item.get("id"),
        "path": meta["path"],
        "summary": item.get("listing_summary") or item.get("intro") or "",
        "image": image(item.get("listing_image"), "card"),
        "last_published": meta.get("last_published_at") or "",
        "seo_title": meta.get("seo_title") or "",
        "description": meta.get("search_description") or item.get("listing_summary") or "",
    }


def _card(meta: dict, *, date: str = "", label: str = "", **extra) -> dict:
    return {
        "title": meta["title"],
        "path": meta["path"],
        "summary": meta.get("summary") or "",
        "date": (date or "")[:10],
        "image": meta.get("image"),
        "label": label,
        **extra,
    }


def _body(item: dict, image) -> str:
    return render_blocks(item.get("body"), image)


def _body_below_lead(item: dict, image) -> str:
    """The body of a page whose template shows its listing image at the top (story,
    article, programme year): an image block with that same image is left out, so the
    page does not show one picture twice."""
    lead = (item.get("listing_image") or {}).get("id")

    def repeats_lead(block):
        return block.get("type") == "image" and (block.get("value") or {}).get("id") == lead

    stream = item.get("body") or []
    return render_blocks([b for b in stream if not (lead and repeats_lead(b))], image)


# Pages -------------------------------------------------------------------------------------


def home(item, image):
    meta = _common(item, "home.html", image)
    contact = no_break_html(sanitize.html(item.get("contact_text")))
    meta.update(intro=item.get("intro", ""), contact_html=contact)
    return meta, _body(item, image), {}


def standard(item, image):
    return _common(item, "standard.html", image), _body(item, image), {}


def index(template):
    def build(item, image):
        meta = _common(item, template, image)
        meta["intro"] = item.get("intro", "")
        return meta, _body(item, image), {}

    return build


def story(item, image):
    meta = _common(item, "story.html", image)
    meta["byline"] = item.get("byline", "")
    case = item.get("case")
    meta["case"] = _case_ref(case)
    published = item.get("meta", {}).get("first_published_at") or ""
    return (
        meta,
        _body_below_lead(item, image),
        {
            "date": published[:10],
            "label": "Gott exempel",
            "case_path": (case or {}).get("path"),
        },
    )


def article(item, image):
    meta = _common(item, "article.html", image)
    meta.update(
        date=item.get("published_date", ""),
        byline=item.get("byline", ""),
        topics=[{"name": t["name"], "slug": t["slug"]} for t in item.get("topics", [])],
        related_cases=[_case_card(c) for c in item.get("related_cases", []) if c],
    )
    return meta, _body_below_lead(item, image), {"date": meta["date"], "label": "Inspiration"}


def programme(item, image):
    meta = _common(item, "programme.html", image)
    partner = item.get("partner") or {}
    meta.update(
        year=item.get("year"),
        cohort_name=item.get("cohort_name", ""),
        participant_count=item.get("participant_count"),
        days=item.get("days"),
        partner=partner.get("name", ""),
        sessions=[
            {k: s.get(k, "") for k in ("date", "title", "topic", "description")}
            for s in item.get("sessions", [])
        ],
    )
    return (
        meta,
        _body_below_lead(item, image),
        {
            "label": "Programår",
            "year": meta["year"],
            "participant_count": meta["participant_count"],
        },
    )


def issue(item, image):
    meta = _common(item, "newsletter_issue.html", image)
    meta.update(
        title=item.get("display_title") or item.get("title", ""),
        date=item.get("issue_date", ""),
        number=item.get("issue_number"),
        intro=item.get("intro", ""),
        status=item.get("status"),
    )
    mentions = sorted(
        {
            case["path"]
            for block in item.get("body") or []
            for case in (block.get("value") or {}).get("cases") or []
            if case and case.get("path")
        }
    )
    return (
        meta,
        _body(item, image),
        {
            "date": meta["date"],
            "label": "Nyhetsbrev",
            "number": meta["number"],
            "mentions": mentions,
        },
    )


PAGE_TYPES = {
    c.HOME_PAGE: home,
    c.STANDARD_PAGE: standard,
    c.STORY_INDEX_PAGE: index("story_index.html"),
    c.STORY_PAGE: story,
    c.ARTICLE_INDEX_PAGE: index("article_index.html"),
    c.ARTICLE_PAGE: article,
    c.PROGRAMME_INDEX_PAGE: index("programme_index.html"),
    c.PROGRAMME_PAGE: programme,
    c.NEWSLETTER_INDEX_PAGE: index("newsletter_index.html"),
    c.NEWSLETTER_ISSUE_PAGE: issue,
}


def page_entry(item: dict, image) -> Entry:
    kind = item.get("meta", {}).get("type")
    build = PAGE_TYPES.get(kind)
    if build is None:
        raise ValueError(f"okänd sidtyp {kind!r} (sida {item.get('id')})")
    meta, body, card_extra = build(item, image)
    return Entry(
        key=page_key(item["id"]),
        type=kind,
        path=meta["path"],
        meta=meta,
        body=body,
        card=_card(meta, **card_extra),
    )


# Case records ------------------------------------------------------------------------------


def _label(value):
    return value.get("label", "") if isinstance(value, dict) else ""


def _case_ref(case: dict | None) -> dict | None:
    if not case:
        return None
    return {
        "title": case["title"],
        "path": sanitize.url(case["path"]),
        "case_id": case["case_id"],
        "phase_label": _label(case.get("phase")),
    }


def _case_card(case: dict) -> dict:
    return {
        "title": case["title"],
        "path": sanitize.url(case["path"]),
        "summary": case.get("summary", ""),
        "date": "",
        "image": None,
        "label": "Case",
        "case_id": case.get("case_id", ""),
        "phase_label": _label(case.get("phase")),
    }


def goal_label(number, name: str) -> str:
    """How a card names a global goal: ``"10 Minskad ojämlikhet"`` (the number alone if
    the goal has no name)."""
    return f"{number} {name}".strip()


def case_entry(item: dict) -> Entry:
    org = item.get("home_organisation") or {}
    meta = {
        "template": "case.html",
        "title": item["title"],
        "type": "caserecord",
        "path": item["path"],
        "summary": item.get("summary", ""),
        "image": None,
        "last_published": item.get("last_published_at") or "",
        "seo_title": "",
        "description": item.get("summary", ""),
        "case_id": item["case_id"],
        "phase": item.get("phase"),
        "paused": bool(item.get("paused")),
        "outcome": item.get("outcome"),
        "received": item.get("received_date", ""),
        "origin_label": _label(item.get("origin")),
        "organisation": {"name": org.get("name", ""), "slug": org.get("slug", "")},
        "participating": [o["name"] for o in item.get("participating_organisations", [])],
        "taken_over_by": (item.get("taken_over_by") or {}).get("name", ""),
        "partners": [
            {
                "name": p["organisation"]["name"],
                "type_label": _label(p.get("partner_type")),
                "contribution": p.get("contribution", ""),
            }
            for p in item.get("partners", [])
        ],
        "challenge": item.get("challenge", ""),
        "target_groups": [_label(t) for t in item.get("target_groups", [])],
        "innovation_types": [_label(t) for t in item.get("innovation_types", [])],
        "methods": [_label(t) for t in item.get("methods", [])],
        "topics": [{"name": t["name"], "slug": t["slug"]} for t in item.get("topics", [])],
        "sdgs": [{"number": s["number"], "name": s["name"]} for s in item.get("sdgs", [])],
        "team_size": item.get("team_size"),
        "solutions": [
            {"title": s["title"], "description": s.get("description", "")}
            for s in item.get("solutions", [])
        ],
        "research_projects": [
            {
                "title": r["title"],
                "organisation": (r.get("organisation") or {}).get("name", ""),
                "url": sanitize.url(r.get("url")),
            }
            for r in item.get("research_projects", [])
        ],
        "idea_carriers": [
            {"role": p.get("role") or "", "unit": p.get("unit") or "", "name": p.get("name") or ""}
            for p in item.get("idea_carriers", [])
        ],
        "phase_history": [
            {"phase_label": _label(h.get("phase")), "date": h.get("date", "")}
            for h in item.get("phase_history", [])
        ],
    }
    for name in (
        "results",
        "measured_effects",
        "challenges_met",
        "lessons",
        "spread",
        "next_steps",
    ):
        meta[name] = item.get(name, "")
    card = {
        "title": meta["title"],
        "path": meta["path"],
        "summary": meta["summary"],
        "date": meta["received"],
        "image": None,
        "label": "Case",
        "case_id": meta["case_id"],
        "phase_label": _label(meta["phase"]),
        "phase": (meta["phase"] or {}).get("code", ""),
        "organisation": meta["organisation"]["name"],
        "year": int(meta["received"][:4]) if meta["received"] else None,
        "sdgs": [s["number"] for s in meta["sdgs"]],
        "goals": [goal_label(s["number"], s["name"]) for s in meta["sdgs"]],
        "topics": [t["slug"] for t in meta["topics"]],
        # For the case portal's filter pages (facets.py): slugs and the names they show.
        "organisation_slug": meta["organisation"]["slug"],
        "topic_names": [t["name"] for t in meta["topics"]],
        "sdg_names": [s["name"] for s in meta["sdgs"]],
    }
    return Entry(
        key=case_key(item["case_id"]),
        type=c.CASE_RECORD,
        path=meta["path"],
        meta=meta,
        body="",
        card=card,
    )
