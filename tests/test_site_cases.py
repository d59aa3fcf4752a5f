"""The case portal (/case/): every public case as a card in Swedish order, a pre-rendered page
per filter value that plain links reach, the data file the filter script reads, the case
page's related cases, and rebuilds that rewrite only what shows a changed case. (How
facets.py relates cases, on its own: tests/test_sitebuild_facets.py.)

The demo is loaded once for the module inside a transaction that is rolled back at the end,
with a few cases added whose titles start with Z, Å, Ä and Ö. Its site is built once with
the real build step (in-process CMS, MkDocs, the hub theme) and read back from the output.
Tests that change a case rebuild a copy of that site, inside their own transaction.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml
from casedata import expected_facets, make_case, path_of, public_cases
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import transaction
from sitebuild_helpers import cms_in_this_transaction
from sitehtml import case_data, filter_links, listing, listing_pages

from cms.cases.models import CaseRecord
from cms.core.models import Organisation, Topic
from sitebuild.build import BuildSummary, Reporter, build, signature
from sitebuild.pull import facets
from swedish import no_break, swedish_sort_key

#: Added to the demo: Swedish order puts Z before Å before Ä before Ö (a naive sort would
#: put them among the A and O titles). The last one is internal and must never be shown.
SWEDISH_TITLES = [
    "Zonindelning av hemtjänstens rutter",
    "Åtgärder mot ofrivillig ensamhet i Ånge",
    "Ärendehantering utan papper",
    "Öppna data om cykelvägar",
]
INTERNAL_TITLE = "Önskelista för intern utveckling"


@dataclass
class Site:
    root: Path
    summary: BuildSummary | None = None

    @property
    def content(self) -> Path:
        return self.root / "content"

    @property
    def out(self) -> Path:
        return self.root / "out" / "build"

    def build(self) -> BuildSummary:
        with cms_in_this_transaction():
            self.summary = build(out=self.out, content=self.content, reporter=Reporter(quiet=True))
        return self.summary

    def copy(self, root: Path) -> Site:
        """The same site elsewhere, file times kept (a rebuild sees no change by itself)."""
        shutil.copytree(self.root, root, symlinks=True, copy_function=shutil.copy2)
        return Site(root)

    def html(self, path: str) -> str:
        return (self.out / path.strip("/") / "index.html").read_text(encoding="utf-8")

    def meta(self, rel: str) -> dict:
        text = (self.content / rel).read_text(encoding="utf-8")
        return yaml.safe_load(text.split("\n---\n", 1)[0].removeprefix("---\n"))

    def built_with(self) -> str:
        """The signature of the code and theme the live output was built with."""
        return json.loads((self.out.parent / f".{self.out.name}.json").read_text())["signature"]

    def generated(self) -> list[str]:
        state = json.loads((self.content / ".data" / "state.json").read_text("utf-8"))
        return state["generated"]


@pytest.fixture(scope="module")
def site(tmp_path_factory, django_db_setup, django_db_blocker):
    root = tmp_path_factory.mktemp("cases")
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("load_demo", quiet=True)
        publisher = get_user_model().objects.get(username="kommunikator")
        organisation = Organisation.objects.get(slug="vard-och-omsorgsforvaltningen")
        for i, title in enumerate([*SWEDISH_TITLES, INTERNAL_TITLE]):
            make_case(
                organisation,
                publish_as=publisher,
                case_id=CaseRecord.next_case_id(2020),
                title=title,
                received_date=dt.date(2020, 11, 2 + i),
                phase="testas",
                publication_level="intern" if title == INTERNAL_TITLE else "anonymiserad",
            )
        built = Site(root)
        built.build()
        yield built
        transaction.set_rollback(True)
    shutil.rmtree(root, ignore_errors=True)


pytestmark = [pytest.mark.django_db, pytest.mark.slow]


# ---- Reading the output ---------------------------------------------------------------------


def card_html(site: Site, case: CaseRecord) -> str:
    """The card of a case on the portal."""
    html = "".join(listing_pages(site, "/case/"))
    return html.split(f'<a href="{path_of(case)}">', 1)[1].split("</li>", 1)[0]


# ---- The portal ----------------------------------------------------------------------------


def test_every_public_case_has_one_card_and_no_internal_case_has_any(site):
    cases = public_cases()
    listed = listing(site, "/case/")
    assert len(listed) == len(set(listed)) == len(cases)
    assert set(listed) == {path_of(c) for c in cases}
    internal = CaseRecord.objects.filter(publication_level="intern")
    assert internal.count() >= 6
    for case in internal:
        assert path_of(case) not in listed
        assert not (site.out / "case" / case.slug).exists()
    assert INTERNAL_TITLE not in site.html(facets.DATA_PATH)
    assert f"Här finns {len(cases)} case." in site.html("/case/")


def test_cases_are_sorted_the_swedish_way_across_pages(site):
    titles = {path_of(c): c.title for c in public_cases()}
    listed = [titles[p] for p in listing(site, "/case/")]
    assert listed == sorted(listed, key=swedish_sort_key)
    positions = [listed.index(t) for t in SWEDISH_TITLES]
    assert positions == sorted(positions)  # Z … Å … Ä … Ö
    assert positions[-1] == len(listed) - 1  # Ö last
    assert len(listed) > facets.CASES_PER_PAGE  # the order holds across page breaks


def test_a_card_shows_phase_as_text_organisation_year_and_goals(site):
    case = CaseRecord.objects.get(title=SWEDISH_TITLES[2])
    card = card_html(site, case)
    assert '<p class="card__phase">Fas: <strong class="phase phase--testas">Testas</strong>' in card
    assert "<span>Vård- och omsorgsförvaltningen</span>" in card
    assert "<span>Inkom 2020</span>" in card
    assert f'<span class="case-id">{case.case_id}</span>' in card
    assert "Globala mål" not in card  # it has none
    # Goals by number and name, in the order of their numbers: "10 Minskad ojämlikhet".
    demo = next(c for c in public_cases() if c.sdgs.count() > 1)
    goals = ", ".join(f"{g.number} {g.name}" for g in demo.sdgs.order_by("number"))
    assert f'<p class="card__sdgs">Globala mål: {goals}</p>' in card_html(site, demo)


# ---- Filter pages ----------------------------------------------------------------------------


def test_each_filter_page_lists_exactly_the_cases_with_its_value(site):
    cases = public_cases()
    titles = {path_of(c): c.title for c in cases}
    expected = expected_facets(cases)
    built = {
        "/" + rel.removesuffix("index.md")
        for rel in site.generated()
        if re.match(r"case/(fas|organisation|amne|mal|ar)/[^/]+/index\.md$", rel)
    }
    assert built == set(expected)
    for path, cases in expected.items():
        listed = listing(site, path)
        assert len(listed) == len(set(listed))
        assert set(listed) == cases, path
        shown = [titles[p] for p in listed]
        assert shown == sorted(shown, key=swedish_sort_key), path
    # A long one is paginated like the portal.
    longest = max(expected, key=lambda p: len(expected[p]))
    assert len(expected[longest]) > facets.CASES_PER_PAGE
    assert (site.out / longest.strip("/") / "sida" / "2" / "index.html").exists()


def test_the_counts_shown_match_the_filter_pages(site):
    expected = expected_facets(public_cases())
    for page in ("/case/", "/case/fas/testas/", "/case/ar/2019/"):
        shown = filter_links(site.html(page))
        assert set(shown) == set(expected), page
        for path, (_label, count) in shown.items():
            assert count == len(expected[path]), path
    shown = filter_links(site.html("/case/"))
    assert shown["/case/fas/testas/"][0] == "Testas"
    assert shown["/case/mal/3/"][0] == "Mål 3: Hälsa och välbefinnande"
    # The script's form (in a <template>) shows the same counts.
    form = site.html("/case/").split("<template data-case-filter-template>", 1)[1]
    count = len(expected["/case/fas/testas/"])
    assert f'<option value="testas">Testas ({count})</option>' in form


def test_filter_pages_say_what_they_show_and_mark_the_current_value(site):
    html = site.html("/case/fas/testas/")
    assert "<title>Case i fasen Testas – Innovation Hub Sundsvall</title>" in html
    assert re.search(r"<h1[^>]*>Case i fasen Testas</h1>", html)
    assert '<a href="/case/fas/testas/" aria-current="page">Testas' in html
    assert re.search(r'<details class="facet" open>\s*<summary>Fas</summary>', html)
    topic = Topic.objects.get(slug="aldreomsorg")
    assert f"<h1 data-case-heading>Case om {topic.name.lower()}</h1>" in site.html(
        "/case/amne/aldreomsorg/"
    )
    assert "<h1 data-case-heading>Case som kom in 2019</h1>" in site.html("/case/ar/2019/")


def test_without_javascript_plain_links_reach_every_filter_page(site):
    html = site.html("/case/")
    # No form outside the <template>: a static site cannot answer a query string, so the
    # form exists only once the script has put it in place.
    outside = re.sub(r"<template.*?</template>", "", html, flags=re.S)
    assert "<form" not in outside and "<select" not in outside
    links = filter_links(html)
    assert set(links) == set(expected_facets(public_cases()))
    for path in links:
        assert (site.out / path.strip("/") / "index.html").is_file(), path
    # Later pages send the visitor to the filters on the first page.
    assert '<a href="/case/#filtrera">Filtrera case</a>' in site.html("/case/sida/2/")
    assert 'id="filtrera"' in html
    # The script is our own file, loaded without blocking.
    assert '<script src="/assets/case-filter.js" defer></script>' in html
    assert (site.out / "assets" / "case-filter.js").is_file()


def test_pages_link_their_neighbours_and_say_where_you_are(site):
    html = site.html("/case/sida/2/")
    assert '<a href="/case/" rel="prev">' in html
    assert '<a href="/case/sida/3/" rel="next">' in html
    assert '<a href="/case/sida/2/" aria-current="page">' in html
    assert "Sida 2 av 3" in html


# ---- The data file --------------------------------------------------------------------------


def test_the_data_file_has_one_record_per_public_case_in_portal_order(site):
    data = case_data(site)
    cases = {path_of(c): c for c in public_cases()}
    records = data["cases"]
    assert [r["path"] for r in records] == listing(site, "/case/")
    for record in records:
        case = cases[record["path"]]
        assert record["title"] == case.title
        assert record["case_id"] == case.case_id
        assert record["phase"] == case.phase
        assert record["organisation"] == case.home_organisation.slug
        assert record["year"] == case.received_date.year
        assert sorted(record["topics"]) == sorted(t.slug for t in case.topics.all())
        assert sorted(record["sdgs"]) == sorted(g.number for g in case.sdgs.all())
        assert record["summary"] == no_break(case.summary)  # as the cards show it
    # The filters it carries are those of the page, with the same counts.
    expected = expected_facets(list(cases.values()))
    paths = {v["path"]: v["count"] for f in data["filters"] for v in f["values"]}
    assert paths == {p: len(c) for p, c in expected.items()}
    assert {f["key"]: f["field"] for f in data["filters"]} == {
        "fas": "phase",
        "organisation": "organisation",
        "amne": "topics",
        "mal": "sdgs",
        "ar": "year",
    }
    html = site.html(facets.DATA_PATH)
    assert html.startswith("<!doctype html>") and '<html lang="sv">' in html
    assert '<meta name="robots" content="noindex">' in html
    assert 'data-src="/case/data/"' in site.html("/case/")


# ---- The case page --------------------------------------------------------------------------


def test_case_page_links_its_stories_related_cases_and_filter_pages(site):
    case = CaseRecord.objects.get(slug="tidigare-upptackt-av-demenssjukdom")
    html = site.html(path_of(case))
    meta = site.meta(f"case/{case.slug}/index.md")
    assert meta["stories"], "the demo's dementia case has a good example"
    for story in meta["stories"]:
        assert f'<a href="{story["path"]}">' in html.split("Fakta om caset")[0]
    related = meta["related"]
    assert len(related) == facets.RELATED
    topics = set(case.topics.values_list("slug", flat=True))
    for card in related:
        other = CaseRecord.objects.get(case_id=card["case_id"])
        assert other != case
        shares = topics & set(other.topics.values_list("slug", flat=True))
        assert shares or other.home_organisation == case.home_organisation
        assert f'<h3 class="card__title"><a href="{card["path"]}">' in html
    assert '<h2 id="relaterade-case">Relaterade case</h2>' in html
    more = html.split('id="fler-case"', 1)[1]
    for path in (
        f"/case/fas/{case.phase}/",
        f"/case/organisation/{case.home_organisation.slug}/",
        f"/case/ar/{case.received_date.year}/",
        *(f"/case/amne/{t}/" for t in topics),
    ):
        assert f'<a href="{path}">' in more


def test_newsletter_issues_that_mention_a_case_are_listed_on_it(site):
    mentioned = [m for m in map(site.meta, _case_files(site)) if m.get("newsletters")]
    assert mentioned, "the demo's newsletters mention cases"
    for meta in mentioned:
        html = site.html(meta["path"]).split('id="i-nyhetsbrevet"', 1)[1]
        for issue in meta["newsletters"]:
            assert f'<a href="{issue["path"]}">' in html


def _case_files(site: Site) -> list[str]:
    state = json.loads((site.content / ".data" / "state.json").read_text("utf-8"))
    return [i["file"] for i in state["items"].values() if i["type"] == "cases.CaseRecord"]


# ---- Incremental builds ---------------------------------------------------------------------


def _listing_pages_with(site: Site, key: str) -> set[str]:
    return {rel for rel in site.generated() if key in (site.meta(rel).get("cases") or [])}


def test_a_new_summary_rewrites_only_the_pages_that_show_the_case(site, tmp_path):
    copy = site.copy(tmp_path / "site")
    case = CaseRecord.objects.get(title=SWEDISH_TITLES[1])
    key = f"case:{case.case_id}"
    showing = _listing_pages_with(copy, key)
    related_to = {
        rel for rel in _case_files(copy) if case.case_id in str(copy.meta(rel).get("related"))
    }
    case.summary = "Ny sammanfattning: grannar som träffas varje vecka."
    case.save_revision(user=get_user_model().objects.get(username="kommunikator")).publish()

    same_code = copy.built_with() == signature()  # else the theme changed while testing
    summary = copy.build()
    written = set(summary.pulled.written)
    generated = {rel for rel in copy.generated() if rel.startswith("case/")}
    assert f"case/{case.slug}/index.md" in written
    # Every listing page with the case, and nothing else the portal generates, but the data.
    assert showing and showing <= written
    assert written & generated == showing | {"case/data/index.md"}
    # Its own page, and the case pages that show it as related: no other case page.
    assert {rel for rel in written if rel in _case_files(copy)} == related_to | {
        f"case/{case.slug}/index.md"
    }
    # The dirty build renders only the pages whose files changed.
    if same_code:
        assert summary.rendered == len([rel for rel in written if rel.endswith(".md")])
    assert "grannar som träffas" in copy.html("/case/fas/testas/")
    records = {r["case_id"]: r for r in case_data(copy)["cases"]}
    assert records[case.case_id]["summary"] == case.summary


def test_a_phase_change_moves_the_case_between_filter_pages_and_leaves_others(site, tmp_path):
    copy = site.copy(tmp_path / "site")
    case = CaseRecord.objects.get(title=SWEDISH_TITLES[0])
    key = f"case:{case.case_id}"
    before = _listing_pages_with(copy, key)
    case.phase = "implementeras"
    case.save_revision(user=get_user_model().objects.get(username="kommunikator")).publish()

    written = set(copy.build().pulled.written)
    after = _listing_pages_with(copy, key)
    assert "case/fas/testas/index.md" in before and "case/fas/testas/index.md" not in after
    assert "case/fas/implementeras/index.md" in after
    assert before | after <= written
    # The counts changed, so the first page of every listing is rewritten (it shows them);
    # later pages that never listed the case keep their bytes.
    later = {
        rel
        for rel in copy.generated()
        if rel.startswith("case/") and "/sida/" in rel and rel not in before | after
    }
    assert later, "the demo has long listings"
    assert not later & written
    path = path_of(case)
    assert path in listing(copy, "/case/fas/implementeras/")
    assert path not in listing(copy, "/case/fas/testas/")
    counts = filter_links(copy.html("/case/organisation/mitthem/"))
    assert counts["/case/fas/implementeras/"][1] == len(listing(copy, "/case/fas/implementeras/"))
