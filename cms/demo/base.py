"""Helpers every demo builder uses: the run report, publishing pages, rich text and blocks."""

import datetime as dt
import uuid
from collections import Counter
from html import escape

from django.utils import timezone

# The demo is set on the day the article about Idéslussen was last updated: every date in
# the register lies on or before it, so "Nuläget" for that day shows the article's figures.
DEMO_DAY = dt.date(2020, 10, 20)

# Block ids are derived from a stable key so two fresh loads store identical JSON.
_BLOCK_NS = uuid.UUID("5b0f6a52-3c8e-4d2a-9a57-6e1d2f1c0b7e")


class Report:
    """Counts what a run created and what it found already in place."""

    def __init__(self):
        self.created = Counter()
        self.found = Counter()

    def add(self, kind: str, created: bool) -> None:
        (self.created if created else self.found)[kind] += 1

    def lines(self) -> list[str]:
        kinds = list(dict.fromkeys([*self.created, *self.found]))
        return [
            f"  {kind}: {self.created[kind]} nya, {self.found[kind]} fanns redan" for kind in kinds
        ]


def at_nine(day: dt.date) -> dt.datetime:
    """09:00 Swedish time on ``day``, as an aware datetime."""
    return timezone.make_aware(dt.datetime.combine(day, dt.time(9, 0)))


def child_by_slug(parent, slug: str):
    page = parent.get_children().filter(slug=slug).first()
    return page.specific if page else None


def ensure_child_page(parent, slug, factory, user, report, kind, published=None):
    """The child of ``parent`` with ``slug``; if missing, build it with ``factory()``, add it
    under ``parent`` and publish it through a revision owned by ``user``."""
    existing = child_by_slug(parent, slug)
    if existing is not None:
        report.add(kind, False)
        return existing
    page = factory()
    page.slug = slug
    page.owner = user
    if published:
        page.first_published_at = at_nine(published)
    parent.add_child(instance=page)
    page.save_revision(user=user).publish(user=user)
    report.add(kind, True)
    return page


def publish_once(page, user, report, kind, changes=None):
    """Publish a page that a migration created without a revision, the first time only;
    ``changes()`` gives the field values to fill in before publishing."""
    page = page.specific
    if page.latest_revision_id:
        report.add(kind, False)
        return page
    for name, value in (changes() if changes else {}).items():
        setattr(page, name, value)
    page.owner = page.owner or user
    page.save_revision(user=user).publish(user=user)
    report.add(kind, True)
    return page


# Rich text ------------------------------------------------------------------------------


def esc(text: str) -> str:
    return escape(text, quote=False)


def link(page, text: str) -> str:
    """An internal link in Wagtail's stored rich-text format."""
    return f'<a linktype="page" id="{page.pk}">{esc(text)}</a>'


def title_link(page) -> str:
    return link(page, page.title)


def ext_link(url: str, text: str) -> str:
    return f'<a href="{escape(url)}">{esc(text)}</a>'


def paras(*texts: str) -> str:
    """Paragraphs; the texts may already hold inline markup such as links."""
    return "".join(f"<p>{t}</p>" for t in texts)


def heading(text: str, level: int = 2) -> str:
    return f"<h{level}>{esc(text)}</h{level}>"


def bullets(items, ordered: bool = False) -> str:
    tag = "ol" if ordered else "ul"
    return f"<{tag}>" + "".join(f"<li>{i}</li>" for i in items) + f"</{tag}>"


# StreamField blocks (raw JSON form) -----------------------------------------------------


def stream(key: str, blocks: list[dict]) -> list[dict]:
    """Give each block (and each list item inside it) a stable id derived from ``key``."""
    out = []
    for i, block in enumerate(blocks):
        block = dict(block, id=str(uuid.uuid5(_BLOCK_NS, f"{key}/{i}")))
        value = block["value"]
        if isinstance(value, dict):
            value = dict(value)
            for name, item in value.items():
                if isinstance(item, list):
                    value[name] = [
                        {
                            "type": "item",
                            "value": v,
                            "id": str(uuid.uuid5(_BLOCK_NS, f"{key}/{i}/{name}/{j}")),
                        }
                        for j, v in enumerate(item)
                    ]
            block["value"] = value
        out.append(block)
    return out


def rich(html: str) -> dict:
    return {"type": "rich_text", "value": html}


def image_value(image, alt: str | None = None, caption: str = "", decorative=False) -> dict:
    """An image block's value; a decorative image has no alt text (the site gives it
    ``alt=""``)."""
    return {
        "image": image.pk,
        "decorative": decorative,
        "alt_text": "" if decorative else alt or image.description,
        "caption": caption,
    }


def image(image, alt: str | None = None, caption: str = "", decorative=False) -> dict:
    return {"type": "image", "value": image_value(image, alt, caption, decorative)}


def quote(text: str, attribution: str = "") -> dict:
    return {"type": "quote", "value": {"quote": text, "attribution": attribution}}


def fact_box(title: str, html: str) -> dict:
    return {"type": "fact_box", "value": {"heading": title, "text": html}}


def call_to_action(title: str, text: str, label: str, page=None, url: str = "") -> dict:
    return {
        "type": "call_to_action",
        "value": {
            "heading": title,
            "text": text,
            "link_label": label,
            "page": page.pk if page else None,
            "url": url,
        },
    }
