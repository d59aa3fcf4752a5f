"""``hub build`` on the demo content: a page for everything published and public and for
nothing else; a build with no changes does nothing; a change re-renders exactly the pages
that show it; unpublishing, moving, renaming, deleting and hiding are reflected; a failed
build leaves the live site byte for byte as it was.

The demo is loaded and built once for the module, inside a transaction rolled back at the
end; every test works on a copy of that build (file times kept, so a dirty build sees no
change) and its own changes to the database are rolled back after it.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.core.management import call_command
from django.db import transaction
from sitebuild_demo import (
    DRAFTED,
    MARKERS,
    RETRACTED,
    Demo,
    beside_output,
    broken_link_page,
    files_holding,
    generated_files,
    hide_things,
    hrefs,
    md,
    media_of,
    page_path,
    public_path,
    public_paths_in_cms,
    retraction,
)
from sitebuild_helpers import (
    Site,
    cms_in_this_transaction,
    files_containing,
    pages_naming,
    snapshot,
)

from cms.articles.models import InspirationArticlePage
from cms.cases.models import CaseRecord, CaseStoryPage
from cms.core.models import HubSettings, StandardPage
from sitebuild.cli import build_parser
from sitebuild.frontmatter import loads
from sitebuild.render import BuildFailed

pytestmark = [pytest.mark.slow, pytest.mark.postgres]


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker, tmp_path_factory):
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("load_demo", quiet=True)
        hidden = hide_things()
        site = Site(tmp_path_factory.mktemp("demo"))
        site.build()
        yield Demo(site, hidden)
        transaction.set_rollback(True)


@pytest.fixture
def site(demo, db, tmp_path) -> Site:
    """A copy of the demo's build to change."""
    return demo.site.copy_to(tmp_path / "site")


# What is published, and only that ---------------------------------------------------------------


def test_every_published_page_and_public_case_is_built(demo, db):
    site = demo.site
    expected = public_paths_in_cms()
    generated = {page_path(rel) for rel in generated_files(site)}

    assert len(expected) > 150
    assert site.page_paths() == expected | generated
    assert site.content_paths() == expected | generated
    assert "/case/" in generated and not generated & expected
    assert not demo.hidden_paths & site.page_paths()
    assert expected <= sitemap_paths(site) <= site.page_paths()


@pytest.mark.parametrize("marker", MARKERS)
def test_nothing_unpublished_or_internal_reaches_the_site(demo, db, marker):
    assert files_containing(demo.site.content, marker) == []
    assert files_containing(demo.site.out, marker) == []


def test_a_page_with_a_draft_shows_its_published_version(demo, db):
    meta, _ = loads(demo.site.md(DRAFTED))
    assert meta["title"] == "Tillgänglighetsredogörelse"
    assert "<h1>Tillgänglighetsredogörelse</h1>" in demo.site.html(DRAFTED)


# Incremental builds ---------------------------------------------------------------------------


def test_a_build_without_changes_fetches_and_renders_nothing(site):
    before = snapshot(site.out)
    live = site.out.resolve()

    summary = site.build()

    assert summary.skipped
    assert (summary.pulled.fetched, summary.pulled.written, summary.rendered) == (0, [], 0)
    assert site.rendered == []
    assert site.out.resolve() == live
    assert snapshot(site.out) == before


def _articles_newest_first():
    return list(InspirationArticlePage.objects.live().order_by("-published_date", "-pk"))


@pytest.mark.parametrize("which", ["newest", "oldest"])
def test_a_changed_article_rerenders_it_and_the_listings_that_show_it(site, which):
    articles = _articles_newest_first()
    article = articles[0] if which == "newest" else articles[-1]
    path = public_path(article)
    listings, _ = pages_naming(site.content, path)

    article.title = f"{article.title} – uppdaterad"
    article.save_revision().publish()
    summary = site.build()

    assert site.fetched == [path]
    assert summary.pulled.fetched == 1
    assert set(site.rendered) == {md(path)} | listings
    assert "inspiration/index.md" in listings
    assert ("index.md" in listings) == (which == "newest")  # the home page shows three
    assert summary.rendered == len(site.rendered)
    for shown_on in ["/inspiration/", path] + (["/"] if which == "newest" else []):
        assert "– uppdaterad" in site.html(shown_on), shown_on


def _assert_gone(site: Site, path: str, before: dict[str, bytes]) -> None:
    assert not (site.content / md(path)).exists()
    assert not (site.out / md(path).replace("index.md", "index.html")).exists()
    assert path not in hrefs(site)
    assert path not in sitemap_paths(site)
    assert md(path).replace(".md", ".html") in before  # it was there


def sitemap_paths(site: Site) -> set[str]:
    text = (site.out / "sitemap.xml").read_text(encoding="utf-8")
    return {urlsplit(loc).path for loc in re.findall(r"<loc>(.*?)</loc>", text)}


def test_an_unpublished_article_disappears_with_its_listings_updated(site):
    article = _articles_newest_first()[0]
    path = public_path(article)
    in_meta, in_body = pages_naming(site.content, path)
    before = snapshot(site.out)

    article.unpublish()
    summary = site.build()

    _assert_gone(site, path, before)
    # Pages that link to it are fetched again (their links change); listings are not.
    assert {page_path(rel) for rel in in_body} <= set(site.fetched)
    assert set(site.fetched) <= {page_path(rel) for rel in in_meta | in_body}
    assert summary.pulled.fetched == len(site.fetched)
    assert set(site.rendered) == in_meta | in_body
    assert {"index.md", "inspiration/index.md"} <= in_meta


def test_an_incremental_build_never_writes_into_the_previous_build(site):
    """The stage of an incremental build shares its files with the live build (hard links,
    publish.py): whatever the build changes — a page, its listings, the feeds, the sitemap,
    the search index — the build it was made from stays byte for byte as it was, every
    file the same file (its inode), so nothing was written through a link."""
    live = site.out.resolve()
    before = snapshot(live)
    inodes = _inodes(live)
    story = CaseStoryPage.objects.live().order_by("-first_published_at", "-pk").first()
    story.title = f"{story.title} – uppdaterad"
    story.save_revision().publish()

    site.build()

    assert site.out.resolve() != live and live.is_dir()  # kept beside, for rollback
    assert snapshot(live) == before
    assert _inodes(live) == inodes
    after = snapshot(site.out)
    changed = {rel for rel in after if before.get(rel) != after[rel]}
    # Pages, a feed, the sitemap and the search index did change in the new build.
    assert md(public_path(story)).replace(".md", ".html") in changed
    assert any(rel.endswith(".xml") and rel != "sitemap.xml" for rel in changed), changed
    assert "sitemap.xml" in changed and any(rel.startswith("pagefind/") for rel in changed)


def _inodes(folder: Path) -> dict[str, int]:
    return {p.relative_to(folder).as_posix(): p.stat().st_ino for p in folder.rglob("*")}


def test_a_deleted_story_disappears_from_listings_and_its_case(site):
    story = CaseStoryPage.objects.live().order_by("-first_published_at", "-pk").first()
    path = public_path(story)
    case_path = f"/case/{story.case.slug}/"
    in_meta, in_body = pages_naming(site.content, path)
    before = snapshot(site.out)

    story.delete()
    site.build()

    _assert_gone(site, path, before)
    assert set(site.rendered) == in_meta | in_body
    assert {"goda-exempel/index.md", md(case_path)} <= in_meta
    assert path not in site.html(case_path)


def test_a_moved_page_is_built_at_its_new_path_and_links_follow(site):
    # Not the site settings' contact page here: every page's footer links that one, so
    # moving it renders every page (tests/test_sitebuild_site_settings.py).
    HubSettings.objects.update(contact_page=None)
    site.build()
    page = StandardPage.objects.get(slug="kontakta-oss")
    target = StandardPage.objects.get(slug="om-innovation-hub-sundsvall")
    old = public_path(page)
    in_meta, in_body = pages_naming(site.content, old)
    before = snapshot(site.out)
    assert in_body, "some page links to the contact page"

    page.move(target, pos="last-child")
    page.refresh_from_db()
    new = public_path(page)
    site.build()

    assert new == "/om-innovation-hub-sundsvall/kontakta-oss/"
    _assert_gone(site, old, before)
    assert "Kontakta oss" in site.html(new)
    assert new in sitemap_paths(site)
    assert set(site.rendered) == {md(new)} | in_meta | in_body
    for rel in in_body:
        assert f'href="{new}"' in (site.content / rel).read_text(encoding="utf-8"), rel


def test_a_renamed_article_is_built_at_its_new_path(site):
    article = _articles_newest_first()[0]
    old = public_path(article)
    in_meta, in_body = pages_naming(site.content, old)
    before = snapshot(site.out)

    article.slug = "nytt-namn"
    article.save_revision().publish()
    site.build()

    _assert_gone(site, old, before)
    assert set(site.rendered) == {"inspiration/nytt-namn/index.md"} | in_meta | in_body
    assert "/inspiration/nytt-namn/" in sitemap_paths(site)
    for listing in ("/inspiration/", "/"):
        assert 'href="/inspiration/nytt-namn/"' in site.html(listing)


def test_a_case_made_internal_disappears_from_the_site_and_the_portal(site):
    case = (
        CaseRecord.objects.filter(live=True, stories__live=True)
        .exclude(publication_level="intern")
        .first()
    )
    path = f"/case/{case.slug}/"
    in_meta, in_body = pages_naming(site.content, path)
    count = loads(site.md("/case/"))[0]["count"]
    before = snapshot(site.out)

    case.publication_level = "intern"
    case.save_revision().publish()
    site.build()

    _assert_gone(site, path, before)
    assert case.title not in site.html("/case/")
    assert loads(site.md("/case/"))[0]["count"] == count - 1
    rendered = set(site.rendered)
    assert in_meta | in_body <= rendered
    # Besides the pages that named the case, only pages made from the whole register (the
    # portal's pages shift by one) and the home page (its Nuläget counts the cases not
    # shown) are rendered again.
    assert rendered - in_meta - in_body <= generated_files(site) | {"index.md"}
    assert "index.md" in rendered
    story = CaseStoryPage.objects.live().filter(case=case).first()
    assert md(public_path(story)) in rendered
    assert path not in site.html(public_path(story))


# Retraction is complete after one ordinary build ---------------------------------------------


@pytest.mark.parametrize("how", ["unpublish", "restrict", "edit out", "intern", "consent"])
def test_what_is_retracted_is_in_no_file_of_the_site_after_one_ordinary_build(site, how):
    path, retract = retraction(how)
    site.build()
    html = site.html(path)
    media = media_of(html)  # a page's image and document (edited out with the sentence)
    assert RETRACTED in html and files_holding(site.out, RETRACTED)  # it was published …
    assert any(p.startswith("pagefind/") for p in files_holding(site.out, RETRACTED))
    assert len(media) >= 3 or how in ("intern", "consent")  # … with its media

    retract()
    summary = site.build()

    assert not summary.skipped
    assert files_holding(site.out, RETRACTED) == []
    assert [m for m in media if (site.out / m.lstrip("/")).exists()] == []
    assert [m for m in media if (site.content / m.lstrip("/")).exists()] == []
    if how == "edit out":
        assert "Det här stannar kvar." in site.html(path)


# A failed build changes nothing ----------------------------------------------------------------


@pytest.mark.parametrize("full", [False, True], ids=["incremental", "full"])
def test_a_failed_build_leaves_the_live_site_as_it_was(site, full):
    before, live, beside = snapshot(site.out), site.out.resolve(), beside_output(site)
    broken_link_page()

    with pytest.raises(BuildFailed) as error:
        site.build(full=full)

    assert "trasig-lank/index.md" in str(error.value)
    assert "/finns-inte/" in str(error.value)
    assert site.out.resolve() == live
    assert snapshot(site.out) == before
    assert beside_output(site) == beside  # no staging directory left behind


def test_hub_build_exits_non_zero_naming_the_page(site, capsys):
    before = snapshot(site.out)
    broken_link_page()
    args = build_parser().parse_args(
        ["build", "--out", str(site.out), "--content", str(site.content), "--quiet"]
    )

    with cms_in_this_transaction():
        code = args.func(args)

    assert code != 0
    err = capsys.readouterr().err
    assert "trasig-lank/index.md" in err and "/finns-inte/" in err
    assert snapshot(site.out) == before
