"""Figures that agree, and an accessibility statement that is true, on the built demo site.

The home page's Nuläget, the case portal's counts and the stats API say the same thing
about the register, before and after the communicator moves cases between phases; the
portal says how many cases it does not show; no page states a count of cases in text an
editor wrote (only the computed figures do). The accessibility statement claims nothing
the site does not have, lists the documents the site links to as the build finds them,
and its update date is its page's real publication date.

The demo is loaded once for the module inside a transaction that is rolled back at the
end, and built with the real build step (in-process CMS, MkDocs, the hub theme); tests that
change something rebuild a copy of that site inside their own transaction.
"""

from __future__ import annotations

import json
import re
import shutil
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pytest
from api_factories import make_document
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import transaction
from django.test import Client
from django.utils import timezone
from sitebuild_helpers import cms_in_this_transaction
from sitehtml import filter_links, html_pages, text

from cms.cases.models import CaseRecord
from cms.core.models import HomePage, StandardPage
from sitebuild.build import Reporter, build
from swedish import swedish_date

STATEMENT = "/tillganglighetsredogorelse/"
NUMBER = r"(\d+(?:[\u202f\u00a0 ]\d{3})*)"
#: A count of cases (or ideas) in running text: "128 case", "fyra nya idéer".
COUNT_IN_TEXT = re.compile(
    r"\b(?:\d+(?:[\u202f\u00a0 ]\d{3})*|två|tre|fyra|fem|sex|sju|åtta|nio|tio|elva|tolv|"
    r"tjugo|trettio|fyrtio|femtio|hundra)\s+(?:nya\s+|inkomna\s+|avslutade\s+|pågående\s+)?"
    r"(?-i:case|idéer|ärenden)\b",  # lower case: a heading "Case" after a year is no count
    re.I,
)
#: The computed figures: Nuläget, the portal's count and register note, filter counts.
COMPUTED = [
    r'<section class="status".*?</section>',
    r'<p class="count".*?</p>',
    r'<p class="case-register">.*?</p>',
]


@dataclass
class Site:
    root: Path

    @property
    def content(self) -> Path:
        return self.root / "content"

    @property
    def out(self) -> Path:
        return self.root / "out" / "build"

    def build(self):
        with cms_in_this_transaction():
            return build(out=self.out, content=self.content, reporter=Reporter(quiet=True))

    def copy(self, root: Path) -> Site:
        shutil.copytree(self.root, root, symlinks=True, copy_function=shutil.copy2)
        return Site(root)

    def html(self, path: str) -> str:
        return (self.out / path.strip("/") / "index.html").read_text(encoding="utf-8")


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


def number(pattern: str, html: str) -> int:
    found = re.search(pattern.replace("N", NUMBER), text(html))
    assert found, f"{pattern!r} not in {text(html)[:300]!r}"
    return int(re.sub(r"\D", "", found.group(1)))


def home_figures(site: Site) -> dict[str, int]:
    status = re.search(r'<section class="status".*?</section>', site.html("/"), re.S).group()
    return {
        "received": number("Inkomna case N", status),
        "in_progress": number("Pågående N", status),
        "in_implementation": number("varav N i implementering", status),
        "closed": number("Avslutade N", status),
        "not_public": number("N av dem är interna", status),
    }


def portal_figures(site: Site) -> dict:
    html = site.html("/case/")
    phases = {
        path.split("/")[-2]: count
        for path, (_, count) in filter_links(html).items()
        if path.startswith("/case/fas/")
    }
    register = re.search(r'<p class="case-register">.*?</p>', html, re.S).group()
    return {
        "shown": number("Här finns N case", html),
        "received": number("register har N case", register),
        "not_public": number("N av dem är interna", register),
        "phases": phases,
    }


def stats_api() -> dict:
    with cms_in_this_transaction():
        return json.loads(Client().get("/api/v2/stats/").content)


def assert_figures_agree(site: Site) -> tuple[dict, dict, dict]:
    stats, home, portal = stats_api(), home_figures(site), portal_figures(site)
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


def counts_in_text(site: Site) -> dict[str, list[str]]:
    """Counts of cases stated in the text of any page, outside the computed figures."""
    found = {}
    for path, file in html_pages(site.out).items():
        main = file.read_text(encoding="utf-8").split("<main", 1)[-1].split("</main>", 1)[0]
        for pattern in COMPUTED:
            main = re.sub(pattern, " ", main, flags=re.S)
        hits = COUNT_IN_TEXT.findall(text(main))
        if hits:
            found[path] = hits
    return found


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
    copy = site.copy(tmp_path / "site")
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

    copy.build()
    stats, home, portal = assert_figures_agree(copy)
    assert home["closed"] == before_home["closed"] + 4
    assert portal["phases"]["avslutad"] == before_portal["phases"]["avslutad"] + 3
    assert portal["shown"] == before_portal["shown"] - 1
    assert portal["not_public"] == before_portal["not_public"] + 1
    assert stats["received"] == before_stats["received"]
    assert not counts_in_text(copy)


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
    copy = site.copy(tmp_path / "site")
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
