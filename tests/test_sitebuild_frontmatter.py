"""Front matter survives any title: what the pull writes, MkDocs reads back unchanged, and a
page's title reaches the built HTML exactly, escaped once."""

import datetime as dt
import re

import pytest
from markupsafe import escape
from mkdocs.utils.meta import get_data
from sitebuild_helpers import Site, add_fixed_pages

from cms.articles.models import InspirationArticlePage, InspirationIndexPage
from sitebuild.files import write_if_changed
from sitebuild.frontmatter import dumps, loads

TITLES = [
    "Myter om innovation: det kostar för mycket",
    "Nyckel: värde: fler kolon",
    "Hon sa \"nej\" och 'ja'",
    "'Enkla citattecken runt'",
    '"Dubbla citattecken runt"',
    "”Svenska citattecken” och »gåsögon«",
    "---",
    "...",
    "--- mitt i --- raden",
    "Rad ett\nRad två",
    "Före\n---\nefter",
    "Före\n...\nefter",
    "Slutar med radbrytning\n",
    "\nBörjar med radbrytning",
    "Windows\r\nradbrytning och\rensam CR",
    "Unicode\u2028radseparator och\u2029styckeseparator och\x85NEL",
    "🚀 Idéer som lyfter 🌱",
    "Åsa, Ärla och Örjan på Ödmården – åäö ÅÄÖ",
    "# inte en kommentar",
    "a # nästan en kommentar",
    "- inte en lista",
    "? inte en nyckel",
    "[hakparentes]",
    "{klammer: parentes}",
    "&ankare *alias !tagg %direktiv @snabel `backtick`",
    "| bokstavlig",
    "> vikt",
    "yes",
    "no",
    "on",
    "null",
    "~",
    "123",
    "1e3",
    "0x1F",
    "2020-10-20",
    "12:30",
    "  inledande och avslutande blanksteg  ",
    "Tab\tmitt i",
    "<b>fet</b> & <script>alert(1)</script>",
    "\\ bakstreck \\n inte en radbrytning",
    "",
    "x" * 300,
]


@pytest.mark.parametrize("title", TITLES, ids=lambda t: repr(t)[:40])
def test_front_matter_round_trips_through_mkdocs_parser(title, tmp_path):
    meta = {
        "template": "article.html",
        "title": title,
        "summary": title,
        "items": [{"title": title, "path": "/a/"}],
        "image": None,
        "count": 3,
    }
    body = "<p>Brödtext</p>\n\n---\n\n<p>efter en linje</p>"

    text = dumps(meta, body)

    parsed_body, parsed = get_data(text)
    assert parsed == meta
    assert parsed_body.strip() == body.strip()

    # As MkDocs reads the file from disk: text mode, universal newlines, BOM-tolerant.
    path = tmp_path / "index.md"
    write_if_changed(path, text)
    with open(path, encoding="utf-8-sig", errors="strict") as f:
        from_disk = f.read()
    assert get_data(from_disk)[1] == meta
    assert loads(path.read_text(encoding="utf-8")) == (meta, parsed_body)


def test_no_line_of_the_front_matter_can_end_it():
    text = dumps({"title": "a\n---\nb\n...\nc", "list": ["---", "..."]}, "")
    front = text.split("\n---\n", 1)[0]
    lines = front.splitlines()[1:]  # after the opening ---
    assert lines and not [line for line in lines if line.strip() in ("---", "...")]


# End to end: the CMS → the API → content/ → MkDocs → HTML ---------------------------------

HARD_TITLE = "Myter: \"det kostar\" – 'för mycket'?\n--- 🚀 <b>Åsa</b> & Örjan ..."


@pytest.mark.django_db
def test_a_hard_title_reaches_front_matter_and_html_exactly(tmp_path):
    add_fixed_pages()
    page = InspirationArticlePage(
        title=HARD_TITLE,
        slug="svar-titel",
        published_date=dt.date(2020, 10, 20),
        body=[("rich_text", "<p>Brödtext.</p>")],
        live=False,
    )
    InspirationIndexPage.objects.get().add_child(instance=page)
    page.save_revision().publish()
    site = Site(tmp_path)

    site.build()

    meta, _ = loads(site.md("/inspiration/svar-titel/"))
    assert meta["title"] == HARD_TITLE
    html = site.html("/inspiration/svar-titel/")
    escaped = str(escape(HARD_TITLE))
    h1 = re.findall(r"<h1[^>]*>(.*?)</h1>", html, re.S)
    assert h1 == [escaped]
    title = re.search(r"<title>(.*?)</title>", html, re.S).group(1)
    assert title == f"{escaped} – Innovation Hub Sundsvall"
    # The listing shows it too, escaped; nowhere does the raw markup reach the site.
    assert escaped in site.html("/inspiration/")
    for path in site.page_paths():
        assert "<b>Åsa</b>" not in site.html(path), path
