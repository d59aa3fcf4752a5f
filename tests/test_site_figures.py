"""Figures that agree, and an accessibility statement that is true, on the built demo site.

The home page's Nuläget, the case portal's counts, "Nuläget över tid" (/case/statistik/:
its charts and table), every newsletter issue's Nuläget and the stats API say the same
thing about the register, before and after the communicator moves cases between phases;
the portal says how many cases it does not show; no page states a count of cases in text
an editor wrote (only the computed figures do). The accessibility statement claims nothing
the site does not have, lists the documents the site links to as the build finds them,
and its update date is its page's real publication date.

The demo is loaded once for the module inside a transaction that is rolled back at the
end, and built with the real build step (in-process CMS, MkDocs, the hub theme); tests that
change something rebuild a copy of that site inside their own transaction.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
import xml.etree.ElementTree as ET
from collections import Counter

import pytest
from api_factories import make_document
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import transaction
from django.test import Client
from django.utils import timezone
from sitebuild_helpers import Site, cms_in_this_transaction
from sitefigures import (
    STATISTICS,
    counts_in_text,
    home_figures,
    issue_figures,
    number,
    portal_figures,
    row_from_stats,
    statistics_table,
)
from sitehtml import html_pages, text

from cms.cases.models import CasePhaseChange, CaseRecord
from cms.core.models import HomePage, StandardPage
from swedish import swedish_date

STATEMENT = "/tillganglighetsredogorelse/"
SVG = "{http://www.w3.org/2000/svg}"
#: A number as the SVG's attributes must hold it: plain digits, no (no-break) spaces.
PLAIN_NUMBER = re.compile(r"-?\d+(?:\.\d+)?")


@pytest.fixture(scope="module")
def site(tmp_path_factory, django_db_setup, django_db_blocker):
    root = tmp_path_factory.mktemp("figures")
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("load_demo", quiet=True)
        built = Site(root)
        built.build()
        yield built
        transaction.set_rollback(True)
    shutil.rmtree(root, ignore_errors=True)


pytestmark = [pytest.mark.django_db, pytest.mark.slow]


# ---- Reading figures ------------------------------------------------------------------------


def stats_api() -> dict:
    with cms_in_this_transaction():
        return json.loads(Client().get("/api/v2/stats/").content)


def stats_on(day: str) -> dict:
    with cms_in_this_transaction():
        return json.loads(Client().get(f"/api/v2/stats/?as_of={day}").content)


def assert_figures_agree(site: Site) -> tuple[dict, dict, dict]:
    stats, home, portal = stats_api(), home_figures(site), portal_figures(site)
    table = statistics_table(site)
    assert table[stats["as_of"]] == row_from_stats(stats), "the last row is Nuläget today"
    pulled = json.loads((site.content / ".data" / "stats.json").read_text("utf-8"))
    assert pulled == stats, "the build shows the register as the API gives it now"
    assert home == {k: stats[k] for k in home}
    public = CaseRecord.objects.public()
    assert portal["shown"] == public.count() == stats["received"] - stats["not_public"]
    assert (portal["received"], portal["not_public"]) == (stats["received"], stats["not_public"])
    in_phase = Counter(public.values_list("phase", flat=True))
    assert portal["phases"] == {phase: n for phase, n in in_phase.items() if n}
    # What the portal does not show is exactly the difference from Nuläget, phase by phase.
    hidden = Counter(
        CaseRecord.objects.exclude(pk__in=public.values("pk")).values_list("phase", flat=True)
    )
    for phase, count in stats["by_phase"].items():
        assert count == portal["phases"].get(phase, 0) + hidden[phase], phase
    return stats, home, portal


# ---- Figures that agree --------------------------------------------------------------------


def test_home_portal_and_stats_agree_and_no_page_writes_a_count(site):
    stats, home, portal = assert_figures_agree(site)
    assert (stats["received"], stats["in_implementation"], stats["closed"]) == (128, 8, 88)
    assert stats["not_public"] == 8 and portal["shown"] == 120
    assert not counts_in_text(site)
    # A newsletter issue's Nuläget is the register as it stood on the issue date.
    issue = site.html("/nyhetsbrev/2020-10/")
    status = re.search(r'<section class="status".*?</section>', issue, re.S).group()
    with cms_in_this_transaction():
        then = json.loads(Client().get("/api/v2/stats/?as_of=2020-10-20").content)
    assert number("Inkomna case N", status) == then["received"]
    assert number("Avslutade N", status) == then["closed"]


def test_after_phase_changes_and_a_case_made_internal_all_figures_still_agree(site, tmp_path):
    copy = site.copy_to(tmp_path / "site")
    before_stats, before_home, before_portal = stats_api(), home_figures(copy), portal_figures(copy)
    user = get_user_model().objects.get(username="kommunikator")
    public = CaseRecord.objects.public()
    moved = list(public.filter(phase="testas").order_by("case_id")[:3])
    internal = CaseRecord.objects.filter(publication_level="intern").exclude(phase="avslutad")
    moved += list(internal.order_by("case_id")[:1])
    assert len(moved) == 4
    for case in moved:
        case.phase, case.outcome = "avslutad", "larande"
        case.save_revision(user=user).publish(user=user)
    made_internal = public.exclude(phase="avslutad").order_by("case_id").first()
    made_internal.publication_level = "intern"
    made_internal.save_revision(user=user).publish(user=user)
    # A received date corrected into the past changes the figures of earlier dates: the
    # issues since then and the statistics page's earlier years.
    issues_before, table_before = assert_issues_agree(copy), statistics_table(copy)
    corrected = public.filter(received_date__year=2020).order_by("case_id").first()
    corrected.received_date = dt.date(2018, 1, 10)
    corrected.save_revision(user=user).publish(user=user)

    copy.build()
    stats, home, portal = assert_figures_agree(copy)
    issues, table = assert_issues_agree(copy), statistics_table(copy)
    assert issues["/nyhetsbrev/2019-03/"]["received"] == (
        issues_before["/nyhetsbrev/2019-03/"]["received"] + 1
    )
    assert table["2018-12-31"]["Inkomna totalt"] == table_before["2018-12-31"]["Inkomna totalt"] + 1
    assert home["closed"] == before_home["closed"] + 4
    assert portal["phases"]["avslutad"] == before_portal["phases"]["avslutad"] + 3
    assert portal["shown"] == before_portal["shown"] - 1
    assert portal["not_public"] == before_portal["not_public"] + 1
    assert stats["received"] == before_stats["received"]
    assert not counts_in_text(copy)


def test_a_phase_date_moved_within_a_year_reaches_every_issue(site, tmp_path):
    copy = site.copy_to(tmp_path / "site")
    issues_before, table_before = assert_issues_agree(copy), statistics_table(copy)
    # A case closed in spring 2019, corrected to December 2019: no year-end figure (and no
    # figure of today) changes, but every issue from its old date to November 2019 has one
    # closed case fewer. The pull sees it by the register's version.
    closed = (
        CasePhaseChange.objects.filter(
            phase="avslutad", date__gte=dt.date(2019, 3, 1), date__lte=dt.date(2019, 5, 31)
        )
        .order_by("case__case_id")
        .first()
    )
    record = CaseRecord.objects.get(pk=closed.case_id)
    history = list(record.phase_history.all())
    assert history[-1].pk == closed.pk, "closing is the last change"
    history[-1].date = dt.date(2019, 12, 1)
    record.phase_history = history
    user = get_user_model().objects.get(username="kommunikator")
    record.save_revision(user=user).publish(user=user)

    copy.build()
    issues, table = assert_issues_agree(copy), statistics_table(copy)
    assert table == table_before
    assert issues["/nyhetsbrev/2019-10/"]["closed"] == (
        issues_before["/nyhetsbrev/2019-10/"]["closed"] - 1
    )


def test_the_statistics_table_is_the_stats_api_at_each_year_end_and_today(site):
    table = statistics_table(site)
    today = stats_api()["as_of"]
    first = min(table)[:4]
    # The end of every year from the first case on, then today.
    ends = [f"{year}-12-31" for year in range(int(first), int(today[:4]))]
    assert list(table) == [*ends, today]
    assert first == "2017"
    for day in ("2018-12-31", "2019-12-31", today):
        assert table[day] == row_from_stats(stats_on(day)), day
    assert table["2019-12-31"]["Inkomna totalt"] < table[today]["Inkomna totalt"] == 128
    for linking in ("/", "/case/", "/nyhetsbrev/2020-10/"):  # Nuläget, the register note
        assert 'href="/case/statistik/"' in site.html(linking), linking


def assert_issues_agree(site: Site) -> dict[str, dict]:
    """Every newsletter issue's Nuläget is ``/api/v2/stats/?as_of=<its date>``; returns
    each issue's figures by path."""
    issues = sorted(p for p in html_pages(site.out) if re.fullmatch(r"/nyhetsbrev/\d{4}-\d\d/", p))
    assert len(issues) == 24
    shown = {}
    for path in issues:
        html = site.html(path)
        day = re.search(r'<p class="byline">.*?<time datetime="([^"]+)"', html, re.S).group(1)
        then = stats_on(day)
        shown[path] = issue_figures(html)
        assert shown[path] == {k: then[k] for k in shown[path]}, path
    return shown


def test_every_newsletter_issue_shows_the_stats_of_its_date(site):
    issues = list(assert_issues_agree(site))
    # The last issue is the article's day: 128 cases, 8 in implementation, 88 closed.
    last = issue_figures(site.html(issues[-1]))
    assert (last["received"], last["in_implementation"], last["closed"]) == (128, 8, 88)


def svg_charts(html: str) -> list[ET.Element]:
    return [ET.fromstring(svg) for svg in re.findall(r"<svg class=\"chart\".*?</svg>", html, re.S)]


def test_the_charts_are_well_formed_svg_whose_numbers_are_the_tables(site):
    html = site.html(STATISTICS)
    table = statistics_table(site)
    received, phases = svg_charts(html)  # parses as XML, or fails here
    for svg in (received, phases):
        assert svg.get("role") == "img"
        title, desc = svg.find(f"{SVG}title"), svg.find(f"{SVG}desc")
        assert svg.get("aria-labelledby") == f"{title.get('id')} {desc.get('id')}"
        assert title.text and desc.text
        for element in svg.iter():
            for name in ("x", "y", "x1", "x2", "y1", "y2", "width", "height", "r", "cx", "cy"):
                if element.get(name) is not None:
                    assert PLAIN_NUMBER.fullmatch(element.get(name)), (element.tag, name)
            for name in ("viewBox", "d", "stroke-dasharray"):
                if element.get(name) is not None:
                    # Only digits, ASCII spaces and path letters: no no-break space crept in.
                    assert re.fullmatch(r"[-0-9. A-Za-z]+", element.get(name)), element.get(name)
    days = list(table)

    def bars(svg):
        """Per row (top to bottom): {series label: value} from each bar's segment titles."""
        out = [{} for _ in days]
        row = -1
        labels = [t.text for t in svg.iter(f"{SVG}text") if t.get("text-anchor") == "end"]
        assert labels == [*(d[:4] for d in days[:-1]), "I dag"]
        for rect in svg.iter(f"{SVG}rect"):
            title = rect.find(f"{SVG}title")
            if title is None:
                continue
            label, rest = title.text.split(", ", 1)
            row = labels.index(label)
            series, value = rest.rsplit(": ", 1)
            out[row][series] = int(re.sub(r"\D", "", value))
        return out

    for day, shown in zip(days, bars(received), strict=True):
        assert shown.get("Inkomna under året", 0) == table[day]["Inkomna under året"], day
    for day, shown in zip(days, bars(phases), strict=True):
        expected = {
            k: v
            for k, v in table[day].items()
            if v and k not in ("Inkomna under året", "Inkomna totalt", "Införda eller överlämnade")
        }
        assert shown == expected, day
    # The figure after each bar of the phase chart is the total received by then.
    totals = [
        int(re.sub(r"\D", "", t.text)) for t in phases.iter(f"{SVG}text") if t.get("font-weight")
    ]
    assert totals == [table[day]["Inkomna totalt"] for day in days]


# ---- The accessibility statement ---------------------------------------------------------------


def statement_text(site: Site) -> str:
    html = site.html(STATEMENT)
    return text(html.split("<main", 1)[1].split(">", 1)[1].split("</main>", 1)[0])


def test_the_statement_claims_only_what_exists_and_dates_its_update(site):
    said = statement_text(site)
    # The site has no chart, no PDF files, and its filter announces the number of cases.
    assert 'role="status"' in site.html("/case/")
    assert not list(site.out.rglob("*.pdf"))
    for untrue in ("Diagrammet", "pdf-filer i nyhetsbrevsarkivet", "inte veta hur många"):
        assert untrue not in said
    assert "Webbplatsen länkar inte till några dokument" in said
    assert any(f"{status} förenlig" in said for status in ("helt", "delvis", "inte"))
    assert "https://www.digg.se/tdosanmalan" in site.html(STATEMENT)
    page = StandardPage.objects.get(url_path=HomePage.objects.get().url_path + STATEMENT[1:])
    updated = swedish_date(timezone.localdate(page.last_published_at))
    assert f"Redogörelsen uppdaterades senast den {updated}" in said
    assert said.count("uppdaterades senast") == 1, "the editor writes no update date of their own"


def test_a_linked_document_is_listed_in_the_statement_and_leaves_with_its_page(site, tmp_path):
    copy = site.copy_to(tmp_path / "site")
    document = make_document("Årsrapport 2020", "arsrapport-2020.pdf")
    page = StandardPage.objects.get(slug="om-innovation-hub-sundsvall")
    page.body = [
        *page.body.raw_data,
        {
            "type": "rich_text",
            "value": f'<p>Läs <a linktype="document" id="{document.pk}">årsrapporten</a>.</p>',
        },
    ]
    user = get_user_model().objects.get(username="kommunikator")
    page.save_revision(user=user).publish(user=user)

    copy.build()
    html = copy.html(STATEMENT)
    said = statement_text(copy)
    assert "Webbplatsen länkar till 1 dokument." in said
    item = re.search(r'<ul class="statement-facts__documents">.*?</ul>', html, re.S).group()
    assert f'href="/documents/{document.pk}/arsrapport-2020.pdf"' in item
    assert "(PDF, 1 kB)" in text(item) and 'href="/om-innovation-hub-sundsvall/"' in item

    page.body = [b for b in page.body.raw_data if "linktype" not in str(b["value"])]
    page.save_revision(user=user).publish(user=user)
    copy.build()
    assert "Webbplatsen länkar inte till några dokument" in statement_text(copy)
