"""Publish → live, end to end: real worker processes (``hub worker``) rebuild the site that
a real ``hub serve`` serves, after changes committed by another process, as an editor's
request would. One throwaway database (a scratch database on PostgreSQL when DATABASE_URL
points there) and folders for the module; the site starts from the migrations' page tree.

Two workers run side by side, so "one build at a time across processes" is tested as it
happens in production when someone starts a second worker."""

from __future__ import annotations

from pathlib import Path

import pytest
from livehub import start_hub

pytestmark = [pytest.mark.slow, pytest.mark.postgres]


@pytest.fixture(scope="module")
def hub(tmp_path_factory):
    yield from start_hub(tmp_path_factory.mktemp("live"), demo=False, workers=2)


def _publish(titles: list[str], parent: str = "core.HomePage", pause: float = 0.0) -> str:
    """Code that creates and publishes one standard page per title below ``parent``."""
    return (
        "import time; from django.apps import apps; from cms.core.models import StandardPage\n"
        f"parent = apps.get_model('{parent}').objects.first()\n"
        f"for title in {titles!r}:\n"
        "    page = parent.add_child(instance=StandardPage(title=title, live=False))\n"
        "    page.save_revision().publish()\n"
        f"    time.sleep({pause})\n"
    )


def _slug(title: str) -> str:
    return title.lower().replace(" ", "-")


def test_twenty_quick_publishes_make_at_most_two_builds_and_a_site_with_all_twenty(hub):
    titles = [f"Snabb sida {i}" for i in range(20)]
    before = len(hub.builds())
    hub.cms(_publish(titles, pause=0.05))
    hub.wait_for(
        "all twenty pages served",
        lambda: all(hub.get(f"/{_slug(t)}/")[0] == 200 for t in titles),
    )
    hub.wait_for("the builds are over", hub.settled)
    builds = hub.builds()[before:]
    assert 1 <= len(builds) <= 2, builds
    assert all(b["status"] == "done" for b in builds), builds
    assert sorted(t for b in builds for t in b["triggers"]) == sorted(
        f"Sidan ”{t}” publicerades" for t in titles
    )
    _assert_one_at_a_time(hub.builds())


def _assert_one_at_a_time(builds: list[dict]) -> None:
    spans = sorted((b["started"], b["finished"]) for b in builds if b["started"])
    for (_, end), (start, _) in zip(spans, spans[1:], strict=False):
        assert end is not None and end <= start, spans


def test_unpublish_move_delete_and_a_scheduled_go_live_reach_the_site(hub):
    hub.cms(_publish(["Avpubliceras", "Flyttas", "Raderas", "Mål för flytt"]))
    hub.wait_for("four pages served", lambda: hub.get("/mal-for-flytt/")[0] == 200)
    hub.cms(
        "import datetime as dt; from django.utils import timezone\n"
        "from wagtail.actions.delete_page import DeletePageAction\n"
        "from wagtail.actions.move_page import MovePageAction\n"
        "from cms.core.models import HomePage, StandardPage as S\n"
        "S.objects.get(slug='avpubliceras').unpublish()\n"
        "MovePageAction(S.objects.get(slug='flyttas'), S.objects.get(slug='mal-for-flytt'),"
        " pos='last-child').execute()\n"
        "DeletePageAction(S.objects.get(slug='raderas')).execute()\n"
        "soon = timezone.now() + dt.timedelta(seconds=2)\n"
        "page = HomePage.objects.get().add_child(instance=S(title='Schemalagd', live=False))\n"
        "page.go_live_at = soon\n"
        "page.save_revision(approved_go_live_at=soon)\n"
    )
    hub.wait_for("the unpublished page gone", lambda: hub.get("/avpubliceras/")[0] == 404)
    hub.wait_for("the page moved", lambda: hub.get("/mal-for-flytt/flyttas/")[0] == 200)
    hub.wait_for("the scheduled page live", lambda: hub.get("/schemalagd/")[0] == 200)
    assert hub.get("/flyttas/")[0] == 404
    assert hub.get("/raderas/")[0] == 404
    assert any(
        "Sidan ”Schemalagd” publicerades enligt schema" in b["triggers"] for b in hub.builds()
    )


def test_a_failed_build_is_recorded_leaves_the_site_as_it_was_and_the_next_change_retries(
    hub,
):
    hub.wait_for("the builds are over", hub.settled)
    live = hub.out.resolve()
    before = {p: p.read_bytes() for p in live.rglob("*") if p.is_file()}
    content = Path(hub.env["HUB_CONTENT_DIR"])
    aside = content.with_name("content-aside")
    content.rename(aside)
    content.write_text("not a folder")  # the pull cannot write here: the build fails
    try:
        count = len(hub.builds())
        hub.cms(_publish(["Missad sida"]))
        hub.wait_for("the failed build", lambda: len(hub.builds()) > count and hub.settled())
        failed = hub.builds()[-1]
        assert failed["status"] == "failed" and failed["error"], failed
        assert hub.out.resolve() == live
        assert {p: p.read_bytes() for p in live.rglob("*") if p.is_file()} == before
    finally:
        content.unlink()
        aside.rename(content)
    hub.cms(_publish(["Nästa sida"]))
    hub.wait_for("the next change's page", lambda: hub.get("/nasta-sida/")[0] == 200)
    assert hub.get("/missad-sida/")[0] == 200  # what the failed build missed is there too


def test_the_worker_runs_wagtails_own_tasks_so_admin_search_finds_a_new_page(hub):
    hub.cms(_publish(["Sökbar nyhet om cykelparkering"]))
    hub.wait_for(
        "the search index has the page",
        lambda: (
            hub.cms(
                "from wagtail.models import Page; "
                "print(Page.objects.search('cykelparkering').count())"
            ).strip()
            == "1"
        ),
    )
