"""Feeds of the newsletter and of good examples, and the newsletter archive, on the demo site.

The demo site is the one built once per session by the real command line
(tests/sitefixture.py). Feeds are read with feedparser, as a feed reader would; the
expected issues and stories come from the pulled front matter in content/.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import json
import re
import shutil
from collections import Counter
from types import SimpleNamespace

import feedparser
import lxml.html
import pytest
from sitefixture import SITE_URL
from sitehtml import Document, head, html_pages, text

from sitebuild.pull import feeds

FEED_FILES = ["nyhetsbrev/rss.xml", "nyhetsbrev/atom.xml", "goda-exempel/rss.xml",
              "goda-exempel/atom.xml"]  # fmt: skip
RFC822 = re.compile(
    r"(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d\d (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) "
    r"\d{4} \d\d:\d\d:\d\d [+-]\d{4}"
)
RFC3339 = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)")
#: The site data of another address (``pull/site.py`` writes this shape).
ELSEWHERE = {"site_url": "https://innovation.sundsvall.se/", "organisation_name": "Idéslussen"}


@pytest.fixture(scope="module")
def site(built_site):
    return built_site


def html(site, path: str) -> str:
    return site.file_for(path).read_text(encoding="utf-8")


def of_type(site, page_type: str) -> list[dict]:
    """Front matter of the pulled pages of a type, newest first."""
    found = [m for m in site.pages().values() if m.get("type") == page_type]
    return sorted(found, key=lambda m: (str(m.get("date") or ""), m["path"]), reverse=True)


def parse(site, rel: str):
    parsed = feedparser.parse((site.root / rel).read_bytes())
    assert not parsed.bozo, f"{rel}: {parsed.get('bozo_exception')}"
    return parsed


def shown(detail) -> str:
    """What a feed reader shows of a title or summary: the text of it, read as HTML where
    the feed says it is HTML (feedparser's ``type``)."""
    if detail.type == "text/html":
        return lxml.html.fragment_fromstring(detail.value, create_parent="div").text_content()
    return detail.value


def html_view(parsed) -> str:
    """A feed reader's HTML page of a feed: each entry's title and summary, HTML inserted
    as HTML and text escaped, as feedparser's types say."""
    from html import escape

    def part(detail):
        return detail.value if detail.type == "text/html" else escape(detail.value)

    entries = "".join(
        f"<article><h2>{part(e.title_detail)}</h2><div>{part(e.summary_detail)}</div></article>"
        for e in parsed.entries
    )
    return f"<html><body>{entries}</body></html>"


def midnight(day) -> dt.datetime:
    return dt.datetime.combine(dt.date.fromisoformat(str(day)), dt.time(), feeds.TIMEZONE)


def as_utc(struct) -> dt.datetime:
    return dt.datetime(*struct[:6], tzinfo=dt.UTC)


def built_page(site, url: str):
    assert url.startswith(SITE_URL), url
    return site.file_for("/" + url.removeprefix(SITE_URL))


# ---- Feeds ----------------------------------------------------------------------------------


@pytest.mark.parametrize("rel", FEED_FILES)
def test_feed_parses_in_swedish_with_absolute_self_and_home_links(site, rel):
    parsed = parse(site, rel)
    assert parsed.version == ("rss20" if rel.endswith("rss.xml") else "atom10")
    assert parsed.feed.language == "sv"
    links = {link.rel: link.href for link in parsed.feed.links}
    assert links["self"] == SITE_URL + rel
    section = rel.split("/")[0]
    assert parsed.feed.link == f"{SITE_URL}{section}/"
    assert built_page(site, parsed.feed.link)
    assert parsed.entries


@pytest.mark.parametrize("fmt", ["rss", "atom"])
def test_newsletter_feed_lists_issues_newest_first_with_their_dates(site, fmt):
    parsed = parse(site, f"nyhetsbrev/{fmt}.xml")
    assert parsed.feed.title == "Aktuellt i Idéslussen"
    issues = of_type(site, "newsletterissuepage")
    assert len(issues) > feeds.LIMIT  # the demo has more issues than a feed carries
    assert len(parsed.entries) == feeds.LIMIT
    for entry, issue in zip(parsed.entries, issues, strict=False):
        assert entry.title == issue["title"]
        assert entry.link == SITE_URL + issue["path"].lstrip("/")
        assert as_utc(entry.published_parsed) == midnight(issue["date"])
        assert entry.summary == issue["summary"]
        assert built_page(site, entry.link)
    first = parsed.entries[0]
    assert first.title == "Aktuellt i Idéslussen – oktober 2020"
    assert first.link == SITE_URL + "nyhetsbrev/2020-10/"
    assert as_utc(first.published_parsed) == dt.datetime(2020, 10, 19, 22, tzinfo=dt.UTC)
    assert "Nuläget ur case-registret 20 oktober 2020" in first.summary


def test_good_examples_feed_lists_every_story_newest_first(site):
    rss, atom = parse(site, "goda-exempel/rss.xml"), parse(site, "goda-exempel/atom.xml")
    assert rss.feed.title == atom.feed.title == "Goda exempel från Idéslussen"
    stories = of_type(site, "casestorypage")
    assert 1 < len(stories) <= feeds.LIMIT
    assert len(rss.entries) == len(atom.entries) == len(stories)
    assert {e.link for e in rss.entries} == {SITE_URL + m["path"].lstrip("/") for m in stories}
    published = [as_utc(e.published_parsed) for e in rss.entries]
    assert published == sorted(published, reverse=True)
    first = atom.entries[0]
    assert first.title == "Demenssjukdom: stöd som kommer i tid"
    assert as_utc(first.published_parsed) == midnight("2020-10-20")
    assert as_utc(first.updated_parsed) >= as_utc(first.published_parsed)
    assert "sjuksköterska" in first.summary


@pytest.mark.parametrize("section", ["nyhetsbrev", "goda-exempel"])
def test_entry_ids_are_unique_and_the_same_in_rss_and_atom(site, section):
    rss, atom = parse(site, f"{section}/rss.xml"), parse(site, f"{section}/atom.xml")
    rss_ids = [e.id for e in rss.entries]
    assert len(set(rss_ids)) == len(rss_ids)
    assert all(i.startswith("urn:uuid:") for i in rss_ids)
    assert rss_ids == [e.id for e in atom.entries]
    assert [e.link for e in rss.entries] == [e.link for e in atom.entries]
    assert atom.feed.id.startswith("urn:uuid:") and atom.feed.id not in rss_ids


@pytest.mark.parametrize("section", ["nyhetsbrev", "goda-exempel"])
def test_dates_are_rfc822_in_rss_and_rfc3339_in_atom(site, section):
    rss = (site.root / section / "rss.xml").read_text(encoding="utf-8")
    dates = re.findall(r"<(?:pubDate|lastBuildDate)>([^<]*)<", rss)
    assert len(dates) > 2
    for value in dates:
        assert RFC822.fullmatch(value), value
        assert email.utils.parsedate_to_datetime(value).tzinfo is not None
    atom = (site.root / section / "atom.xml").read_text(encoding="utf-8")
    stamps = re.findall(r"<(?:updated|published)>([^<]*)<", atom)
    assert len(stamps) > 2
    for value in stamps:
        assert RFC3339.fullmatch(value), value
    # The feed's own date is its newest entry's: no build time, so no needless rewrite.
    updated = re.search(r"<updated>([^<]*)<", atom).group(1)
    entry_updates = re.findall(r"<entry>.*?<updated>([^<]*)<", atom, re.S)
    assert dt.datetime.fromisoformat(updated) == max(map(dt.datetime.fromisoformat, entry_updates))


def test_feeds_are_copied_from_content_as_they_are(site):
    for rel in FEED_FILES:
        assert (site.root / rel).read_bytes() == (site.content / rel).read_bytes()


# ---- Autodiscovery ---------------------------------------------------------------------------


def test_every_page_links_every_feed_in_its_head(site):
    pages = html_pages(site.root)
    assert len(pages) > 150
    expected = Counter(
        [
            ("application/rss+xml", "/nyhetsbrev/rss.xml"),
            ("application/atom+xml", "/nyhetsbrev/atom.xml"),
            ("application/rss+xml", "/goda-exempel/rss.xml"),
            ("application/atom+xml", "/goda-exempel/atom.xml"),
        ]
    )
    for path, file in [*pages.items(), ("/404.html", site.root / "404.html")]:
        alternates = head(file.read_text(encoding="utf-8")).all("link", rel="alternate")
        assert Counter((e["type"], e["href"]) for e in alternates) == expected, path
        assert all(e.get("title") for e in alternates), path


def test_a_sections_own_feed_comes_first(site):
    def first_feed(path):
        return head(html(site, path)).all("link", rel="alternate")[0]["href"]

    assert first_feed("/nyhetsbrev/2020-10/") == "/nyhetsbrev/rss.xml"
    story = of_type(site, "casestorypage")[0]["path"]
    assert first_feed(story) == "/goda-exempel/rss.xml"


def test_archive_and_good_examples_link_their_feeds_visibly(site):
    for path in ("/nyhetsbrev/", "/goda-exempel/"):
        main = html(site, path).split("<main", 1)[1]
        hrefs = [a.get("href") for a in Document(main).all("a")]
        assert f"{path}rss.xml" in hrefs and f"{path}atom.xml" in hrefs, path


# ---- The newsletter archive and issues --------------------------------------------------------


def test_archive_groups_issues_by_year_newest_first(site):
    page = html(site, "/nyhetsbrev/")
    years = [int(y) for y in re.findall(r'<h2 id="ar-(\d{4})">', page)]
    assert years == sorted(years, reverse=True) and years[0] == 2020
    assert len(years) == len(set(years)) >= 3
    # Every issue is listed once, newest first, under its own year.
    issues = of_type(site, "newsletterissuepage")
    positions = [page.index(f'href="{i["path"]}"') for i in issues]
    assert positions == sorted(positions)
    assert all(page.count(f'href="{i["path"]}"') == 1 for i in issues)
    for issue in issues:
        year = str(issue["date"])[:4]
        section = page.split(f'<h2 id="ar-{year}">', 1)[1].split("<h2", 1)[0]
        assert f'href="{issue["path"]}"' in section
    # The jump list of years leads to the headings.
    nav = re.search(r'<nav class="year-nav".*?</nav>', page, re.S).group()
    assert [a["href"] for a in Document(nav).all("a")] == [f"#ar-{y}" for y in years]


def test_issue_page_has_swedish_dates_nulaget_as_text_and_neighbours(site):
    page = html(site, "/nyhetsbrev/2020-10/")
    assert 'Nummer 24, utgivet <time datetime="2020-10-20">20\u00a0oktober\u00a02020</time>' in page
    status = text(re.search(r'<section class="status".*?</section>', page, re.S).group())
    assert status.startswith("Nuläget Siffror från case-registret 20 oktober 2020")
    assert "Inkomna case 128" in status
    assert "Pågående 40 varav 8 i implementering" in status
    assert "Avslutade 88" in status
    nav = re.search(r'<nav class="pager".*?</nav>', page, re.S).group()
    links = {a.get("rel", "all"): a["href"] for a in Document(nav).all("a")}
    assert links == {"prev": "/nyhetsbrev/2020-09/", "all": "/nyhetsbrev/"}
    assert "Alla nummer</a>" in nav and 'aria-label="' in nav


def test_the_oldest_issue_links_forward_only(site):
    oldest = of_type(site, "newsletterissuepage")[-1]
    page = html(site, oldest["path"])
    assert 'rel="prev"' not in page and 'rel="next"' in page
    assert "Alla nummer</a>" in page


# ---- Written only when they change -------------------------------------------------------------


def test_a_new_issue_rewrites_the_newsletter_feeds_only(site, tmp_path):
    content = tmp_path / "content"
    shutil.copytree(site.content, content)
    items = json.loads((content / ".data" / "state.json").read_text(encoding="utf-8"))["items"]
    before = {rel: (content / rel).stat().st_mtime_ns for rel in FEED_FILES}

    site = json.loads((content / ".data" / "site.json").read_text(encoding="utf-8"))
    result = SimpleNamespace(written=[])
    feeds.update(content, items, result, site)
    assert result.written == []  # the same items: not one byte changed

    items["page:999999"] = {
        "type": "newsletter.NewsletterIssuePage",
        "path": "/nyhetsbrev/2020-11/",
        "last_changed": "2020-11-17T08:00:00+01:00",
        "card": {
            "title": "Aktuellt i Idéslussen – november 2020",
            "path": "/nyhetsbrev/2020-11/",
            "summary": "Nuläget 17 november 2020: 130 inkomna case.",
            "date": "2020-11-17",
        },
    }
    feeds.update(content, items, result, site)
    assert sorted(result.written) == ["nyhetsbrev/atom.xml", "nyhetsbrev/rss.xml"]
    for rel in ("goda-exempel/rss.xml", "goda-exempel/atom.xml"):
        assert (content / rel).stat().st_mtime_ns == before[rel]
    parsed = feedparser.parse((content / "nyhetsbrev" / "atom.xml").read_bytes())
    assert not parsed.bozo
    assert parsed.entries[0].title == "Aktuellt i Idéslussen – november 2020"
    assert parsed.entries[0].link == SITE_URL + "nyhetsbrev/2020-11/"
    assert len(parsed.entries) == feeds.LIMIT


# ---- The feed writer on its own ------------------------------------------------------------------


def _items(*cards, kind="newsletter.NewsletterIssuePage"):
    return {
        f"page:{n}": {
            "type": kind,
            "path": card["path"],
            "last_changed": "2020-10-21T09:30:00.123456+02:00",
            "card": card,
        }
        for n, card in enumerate(cards, start=1)
    }


def test_the_feeds_name_the_site_of_the_site_data():
    site = feeds.site_settings(ELSEWHERE)
    assert site.url == "https://innovation.sundsvall.se/"
    assert site.absolute("/nyhetsbrev/") == "https://innovation.sundsvall.se/nyhetsbrev/"
    assert (site.name, site.organisation) == ("Innovation Hub Sundsvall", "Idéslussen")


def test_text_is_escaped_and_control_characters_dropped():
    card = {
        "title": 'Mat & miljö <när> "eleverna" vägde\x0b svinnet',
        "path": "/nyhetsbrev/2020-10/",
        "summary": "Ett & två < tre",
        "date": "2020-10-20",
    }
    files = feeds.render_all(_items(card), feeds.site_settings(ELSEWHERE))
    for rel in ("nyhetsbrev/rss.xml", "nyhetsbrev/atom.xml"):
        parsed = feedparser.parse(files[rel].encode())
        assert not parsed.bozo, parsed.get("bozo_exception")
        entry = parsed.entries[0]
        assert shown(entry.title_detail) == 'Mat & miljö <när> "eleverna" vägde svinnet'
        assert shown(entry.summary_detail) == "Ett & två < tre"
        assert entry.link == "https://innovation.sundsvall.se/nyhetsbrev/2020-10/"
        assert as_utc(entry.published_parsed) == midnight("2020-10-20")
    assert "<pubDate>Tue, 20 Oct 2020 00:00:00 +0200</pubDate>" in files["nyhetsbrev/rss.xml"]
    assert "<published>2020-10-20T00:00:00+02:00</published>" in files["nyhetsbrev/atom.xml"]
    assert "<updated>2020-10-21T09:30:00+02:00</updated>" in files["nyhetsbrev/atom.xml"]


@pytest.mark.parametrize("rel", ["nyhetsbrev/rss.xml", "nyhetsbrev/atom.xml"])
def test_markup_typed_as_text_stays_text_in_a_feed_reader(rel):
    """An editor who types ``<script>`` in a title or summary gets those characters shown,
    never run: not by feedparser, not in an HTML page of the feed."""
    typed = '<script>alert("x")</script><img src=x onerror="alert(1)"> & mer'
    card = {"title": typed, "path": "/nyhetsbrev/2020-10/", "summary": typed, "date": "2020-10-20"}
    files = feeds.render_all(_items(card), feeds.site_settings(ELSEWHERE))
    parsed = feedparser.parse(files[rel].encode())
    assert not parsed.bozo, parsed.get("bozo_exception")
    entry = parsed.entries[0]
    assert shown(entry.title_detail) == typed
    assert shown(entry.summary_detail) == typed
    page = lxml.html.document_fromstring(html_view(parsed))
    assert page.xpath("//script | //img | //*[@onerror]") == []
    assert page.xpath("string(//article/h2)") == typed
    assert page.xpath("string(//article/div)") == typed


def test_empty_feeds_are_still_valid():
    """Before the first issue the feeds exist (the autodiscovery links never break)."""
    files = feeds.render_all({}, feeds.site_settings(ELSEWHERE))
    assert set(files) == set(FEED_FILES)
    for rel, xml in files.items():
        parsed = feedparser.parse(xml.encode())
        assert not parsed.bozo and parsed.entries == [], rel
        assert parsed.feed.title
