"""RSS 2.0 and Atom feeds of the newsletter and of new good examples, written into content/.

The pull step calls ``update`` with the items of its state: the feeds are made from the
cards kept there, never from other pages at render time. They are written as plain files
(``content/nyhetsbrev/rss.xml`` …), which MkDocs copies into the site as they are and the
link checker then knows. A feed is written only when its bytes change, so it carries no
build time: a feed's date is that of its newest entry.

Feed addresses are fixed: a subscriber's address has to keep working even if the archive
page moves in the CMS, and the autodiscovery links in every page's ``<head>`` (from
``.data/feeds.json``) never point at a feed that is not there.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import json
import re
import uuid
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr
from zoneinfo import ZoneInfo

from .. import contract as c
from ..contract import MKDOCS_YML, data_file
from ..files import write_if_changed

TIMEZONE = ZoneInfo("Europe/Stockholm")
#: How many entries a feed carries, newest first.
LIMIT = 20
DATA_FILE = data_file("feeds")
#: Stable ids (``urn:uuid:``) for feeds and entries, whatever address the site moves to.
_ID_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "urn:innovation-hub-sundsvall")
#: Characters XML 1.0 does not allow, even escaped.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


@dataclass(frozen=True)
class Feed:
    section: str  # the fixed folder: "/nyhetsbrev/"
    title: str
    description: str
    entry_type: str  # CMS type of the entries
    index_type: str  # CMS type of the page the feed belongs to (its <link>)
    category: str

    def path(self, fmt: str) -> str:
        return f"{self.section}{FORMATS[fmt][0]}"


FEEDS = (
    Feed(
        section="/nyhetsbrev/",
        title="Aktuellt i Idéslussen",
        description="Nyhetsbrevet från Idésluss Sundsvall: nya idéer, case som tagit nästa "
        "steg och Nuläget, en gång i månaden.",
        entry_type=c.NEWSLETTER_ISSUE_PAGE,
        index_type=c.NEWSLETTER_INDEX_PAGE,
        category="Nyhetsbrev",
    ),
    Feed(
        section="/goda-exempel/",
        title="Goda exempel från Idéslussen",
        description="Nya berättelser om case i Idésluss Sundsvall: vad som hände, vad det "
        "ledde till och vad andra kan lära av det.",
        entry_type=c.STORY_PAGE,
        index_type=c.STORY_INDEX_PAGE,
        category="Gott exempel",
    ),
)
#: format → (file name, media type, name shown to readers)
FORMATS = {
    "rss": ("rss.xml", "application/rss+xml", "RSS"),
    "atom": ("atom.xml", "application/atom+xml", "Atom"),
}


# Site settings -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Site:
    url: str  # absolute, ends with "/"
    name: str
    organisation: str

    def absolute(self, path: str) -> str:
        """The public address of a site path, the same way canonical links are made."""
        return self.url + path.lstrip("/")


def site_settings(site: dict, config_file: Path | None = None) -> Site:
    """The site as the feeds name it: its address and organisation from the site data
    (``pull/site.py``: the CMS's settings, or ``--site-url``), its name from
    site/mkdocs.yml."""
    from mkdocs.utils.yaml import yaml_load

    with open(config_file or MKDOCS_YML, "rb") as fh:
        config = yaml_load(fh)
    name = config.get("site_name") or ""
    return Site(
        url=site["site_url"].rstrip("/") + "/",
        name=name,
        organisation=site.get("organisation_name") or name,
    )


# Dates and text ----------------------------------------------------------------------------


def _datetime(value: str) -> dt.datetime | None:
    """An ISO date (midnight in Sundsvall) or datetime from the CMS, always with a zone."""
    if not value:
        return None
    value = str(value)
    try:
        if len(value) == 10:
            return dt.datetime.combine(dt.date.fromisoformat(value), dt.time(), TIMEZONE)
        parsed = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=TIMEZONE)


def rfc822(moment: dt.datetime) -> str:
    """RSS 2.0's date format: ``Tue, 20 Oct 2020 00:00:00 +0200``."""
    return email.utils.format_datetime(moment.replace(microsecond=0))


def rfc3339(moment: dt.datetime) -> str:
    """Atom's date format: ``2020-10-20T00:00:00+02:00``."""
    return moment.isoformat(timespec="seconds")


def _text(value) -> str:
    return escape(_NOT_XML.sub("", str(value or "")))


def _html_text(value) -> str:
    """Plain text for an RSS element that feed readers take as HTML (``<title>``,
    ``<description>``): escaped as HTML, then as XML, so a reader shows the text as it was
    typed and never runs markup an editor wrote as text (Atom says ``type="text"``)."""
    return _text(escape(str(value or "")))


def _attr(value) -> str:
    return quoteattr(_NOT_XML.sub("", str(value or "")))


def stable_id(name: str) -> str:
    return f"urn:uuid:{uuid.uuid5(_ID_NAMESPACE, name)}"


# Entries -----------------------------------------------------------------------------------


@dataclass
class Entry:
    id: str
    title: str
    url: str
    summary: str
    published: dt.datetime
    updated: dt.datetime


def entries(feed: Feed, items: dict[str, dict], site: Site) -> list[Entry]:
    """The feed's entries from the pull state's items, newest first."""
    out = []
    for key, info in items.items():
        if info["type"] != feed.entry_type:
            continue
        card = info["card"]
        changed = _datetime(info.get("last_changed", ""))
        published = _datetime(card.get("date", "")) or changed
        if published is None:
            continue
        out.append(
            Entry(
                id=stable_id(key),
                title=card["title"],
                url=site.absolute(card["path"]),
                summary=card.get("summary") or "",
                published=published,
                # A page published ahead of its date: never "updated" before it appeared.
                updated=max(published, changed or published),
            )
        )
    out.sort(key=lambda e: (e.published, e.url), reverse=True)
    return out[:LIMIT]


def _home(feed: Feed, items: dict[str, dict], site: Site) -> str:
    for info in items.values():
        if info["type"] == feed.index_type:
            return site.absolute(info["path"])
    return site.absolute(feed.section)


def _updated(listed: list[Entry], items: dict[str, dict], feed: Feed) -> dt.datetime:
    if listed:
        return max(e.updated for e in listed)
    index = [i for i in items.values() if i["type"] == feed.index_type]
    found = [_datetime(i.get("last_changed", "")) for i in index]
    return max([d for d in found if d], default=dt.datetime(2017, 1, 1, tzinfo=TIMEZONE))


# Formats -----------------------------------------------------------------------------------


def rss(feed: Feed, listed: list[Entry], home: str, site: Site, updated: dt.datetime) -> str:
    self_url = site.absolute(feed.path("rss"))
    lines = [
        '<?xml version="1.0" encoding="utf-8"?>',
        '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">',
        "<channel>",
        f"  <title>{_html_text(feed.title)}</title>",
        f"  <link>{_text(home)}</link>",
        f"  <description>{_html_text(feed.description)}</description>",
        "  <language>sv</language>",
        f"  <copyright>{_text(site.organisation)}</copyright>",
        f"  <lastBuildDate>{rfc822(updated)}</lastBuildDate>",
        f'  <atom:link href={_attr(self_url)} rel="self" type="application/rss+xml"/>',
    ]
    if listed:
        lines.append(f"  <pubDate>{rfc822(listed[0].published)}</pubDate>")
    for entry in listed:
        lines += [
            "  <item>",
            f"    <title>{_html_text(entry.title)}</title>",
            f"    <link>{_text(entry.url)}</link>",
            f'    <guid isPermaLink="false">{_text(entry.id)}</guid>',
            f"    <pubDate>{rfc822(entry.published)}</pubDate>",
            f"    <category>{_text(feed.category)}</category>",
        ]
        if entry.summary:
            lines.append(f"    <description>{_html_text(entry.summary)}</description>")
        lines.append("  </item>")
    lines += ["</channel>", "</rss>", ""]
    return "\n".join(lines)


def atom(feed: Feed, listed: list[Entry], home: str, site: Site, updated: dt.datetime) -> str:
    self_url = site.absolute(feed.path("atom"))
    lines = [
        '<?xml version="1.0" encoding="utf-8"?>',
        '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="sv">',
        f"  <id>{_text(stable_id('feed:' + feed.section))}</id>",
        f'  <title type="text">{_text(feed.title)}</title>',
        f'  <subtitle type="text">{_text(feed.description)}</subtitle>',
        f"  <updated>{rfc3339(updated)}</updated>",
        f'  <link rel="self" type="application/atom+xml" href={_attr(self_url)}/>',
        f'  <link rel="alternate" type="text/html" href={_attr(home)}/>',
        f"  <author><name>{_text(site.organisation)}</name></author>",
        f"  <rights>{_text(site.organisation)}</rights>",
    ]
    for entry in listed:
        lines += [
            "  <entry>",
            f"    <id>{_text(entry.id)}</id>",
            f'    <title type="text">{_text(entry.title)}</title>',
            f'    <link rel="alternate" type="text/html" href={_attr(entry.url)}/>',
            f"    <published>{rfc3339(entry.published)}</published>",
            f"    <updated>{rfc3339(entry.updated)}</updated>",
            f"    <category term={_attr(feed.category)}/>",
        ]
        if entry.summary:
            lines.append(f'    <summary type="text">{_text(entry.summary)}</summary>')
        lines.append("  </entry>")
    lines += ["</feed>", ""]
    return "\n".join(lines)


RENDERERS = {"rss": rss, "atom": atom}


# Writing -----------------------------------------------------------------------------------


def autodiscovery() -> list[dict]:
    """What every page's ``<head>`` links to: ``[{title, path, type, format, section,
    page_type}]``; ``page_type`` is the front matter ``type`` of the page the feed belongs to,
    where the feed is also linked visibly."""
    return [
        {
            "title": f"{feed.title} ({FORMATS[fmt][2]})",
            "path": feed.path(fmt),
            "type": FORMATS[fmt][1],
            "format": FORMATS[fmt][2],
            "section": feed.section,
            "page_type": feed.index_type.split(".")[-1].lower(),
        }
        for feed in FEEDS
        for fmt in FORMATS
    ]


def render_all(items: dict[str, dict], site: Site) -> dict[str, str]:
    """Every feed file's text by its path in content/ (``nyhetsbrev/rss.xml``)."""
    files = {}
    for feed in FEEDS:
        listed = entries(feed, items, site)
        home = _home(feed, items, site)
        updated = _updated(listed, items, feed)
        for fmt, render in RENDERERS.items():
            files[feed.path(fmt).lstrip("/")] = render(feed, listed, home, site, updated)
    return files


def update(content: Path, items: dict[str, dict], result, site: dict) -> None:
    """Write the feeds and ``.data/feeds.json`` into ``content`` for the site of the data
    file ``site``; the paths of files whose bytes changed are added to ``result.written``."""
    files = render_all(items, site_settings(site))
    files[DATA_FILE] = json.dumps(autodiscovery(), ensure_ascii=False, separators=(",", ":"))
    for rel, text in files.items():
        if write_if_changed(Path(content) / rel, text):
            result.written.append(rel)
