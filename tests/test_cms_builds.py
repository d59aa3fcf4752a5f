"""Publish → rebuild in the CMS (cms.publishing): which changes queue a build and with what
words and whom, how a burst becomes one build, who may start one, what the history shows.
The builds themselves, run by a real worker process, are in test_site_live.py."""

import datetime as dt
import os
import threading
import time

import pytest
from api_factories import make_image
from casedata import make_case
from django.db import connection
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult
from wagtail.actions.delete import DeleteAction
from wagtail.actions.delete_page import DeletePageAction
from wagtail.actions.move_page import MovePageAction
from wagtail.log_actions import log

from cms.core.models import HubSettings, StandardPage, Topic
from cms.publishing.builds import _queue, recover_interrupted, request_build
from cms.publishing.models import BuildTrigger, SiteBuild


def triggers():
    return [(t.what, t.user) for t in BuildTrigger.objects.order_by("pk")]


def build_tasks():
    """The queued rebuild tasks (Wagtail queues its own tasks beside them)."""
    return DBTaskResult.objects.filter(task_path="cms.publishing.builds.run_build")


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Run what waits for the transaction to commit, as a real commit would."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


@pytest.fixture
def page(home, communicator):
    page = home.add_child(instance=StandardPage(title="Om Idéslussen", slug="om"))
    page.save_revision(user=communicator).publish(user=communicator)
    BuildTrigger.objects.all().delete()
    SiteBuild.objects.all().delete()
    return page


@pytest.mark.django_db
def test_publishing_a_page_queues_a_build_saying_what_and_by_whom(home, communicator, committed):
    page = home.add_child(instance=StandardPage(title="Om Idéslussen", slug="om", live=False))
    with committed():
        page.save_revision(user=communicator).publish(user=communicator)
    assert triggers() == [("Sidan ”Om Idéslussen” publicerades", communicator)]
    build = SiteBuild.objects.get()
    assert build.status == SiteBuild.Status.QUEUED
    task = build_tasks().get()
    assert task.args_kwargs["args"] == [build.pk]


@pytest.mark.django_db
def test_a_draft_queues_nothing(page, communicator, committed):
    with committed():
        page.title = "Nytt utkast"
        page.save_revision(user=communicator)
    assert not SiteBuild.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize("change", ["unpublish", "move", "delete"])
def test_unpublishing_moving_and_deleting_a_page_queue_a_build(
    change, page, home, communicator, committed
):
    other = home.add_child(instance=StandardPage(title="Annan", slug="annan"))
    with committed():
        if change == "unpublish":
            page.unpublish(user=communicator)
        elif change == "move":
            MovePageAction(page, other, pos="last-child", user=communicator).execute()
        else:
            DeletePageAction(page, user=communicator).execute()
    verb = {"unpublish": "avpublicerades", "move": "flyttades", "delete": "raderades"}[change]
    assert triggers() == [(f"Sidan ”Om Idéslussen” {verb}", communicator)]


@pytest.mark.django_db
def test_scheduled_go_live_and_expiry_queue_builds_by_the_system(page, communicator, committed):
    from django.core.management import call_command

    draft = page.specific
    draft.title = "Om Idéslussen, schemalagd"
    draft.go_live_at = timezone.now() - dt.timedelta(minutes=1)
    draft.save_revision(user=communicator, approved_go_live_at=draft.go_live_at)
    with committed():
        call_command("publish_scheduled")
    page.refresh_from_db()
    page.expire_at = timezone.now() - dt.timedelta(seconds=1)
    page.save()
    with committed():
        call_command("publish_scheduled")
    assert triggers() == [
        ("Sidan ”Om Idéslussen, schemalagd” publicerades enligt schema", None),
        (
            "Sidan ”Om Idéslussen, schemalagd” avpublicerades när publiceringstiden gick ut",
            None,
        ),
    ]


@pytest.mark.django_db
def test_case_records_published_unpublished_and_deleted_queue_builds(
    organisation, communicator, committed
):
    with committed():
        case = make_case(organisation, publish_as=communicator)
        case.unpublish(user=communicator)
        DeleteAction(case, user=communicator).execute()
    title = str(case)  # "IS-2019-001 Tidigare upptäckt av demens"
    assert triggers() == [
        (f"Case ”{title}” publicerades", communicator),
        (f"Case ”{title}” avpublicerades", communicator),
        (f"Case ”{title}” raderades", communicator),
    ]


@pytest.mark.django_db
def test_editing_a_topic_or_the_site_settings_in_the_admin_queues_a_build(
    client, communicator, home, committed
):
    topic = Topic.objects.create(name="Äldreomsorg")
    client.force_login(communicator)
    with committed():
        response = client.post(
            reverse("wagtailsnippets_core_topic:edit", args=[topic.pk]),
            {"name": "Äldreomsorg och vård", "description": "", "slug": topic.slug},
        )
    assert response.status_code == 302, response.content.decode()[:2000]
    settings_url = reverse("wagtailsettings:edit", args=["core", "hubsettings", home.get_site().pk])
    with committed():
        response = client.post(
            settings_url,
            {
                "organisation_name": "Idésluss Sundsvall",
                "contact_email": "ny@sundsvall.se",
                "contact_phone": "060-19 10 00",
                "postal_address": "",
                "footer_text": "",
            },
        )
    assert response.status_code == 302, response.content.decode()[:2000]
    assert HubSettings.for_site(home.get_site()).contact_email == "ny@sundsvall.se"
    (topic_change, by), (settings_change, by_too) = triggers()
    assert topic_change == "Ämne ”Äldreomsorg och vård” ändrades" and by == communicator
    assert settings_change.startswith("Webbplatsinställningar") and by_too == communicator


@pytest.mark.django_db
def test_an_image_queues_a_build_only_while_public_content_uses_it(home, communicator, committed):
    used, unused = make_image("På sidan"), make_image("Oanvänd")
    page = home.add_child(
        instance=StandardPage(
            title="Med bild", slug="med-bild", listing_image=used, listing_image_alt="En bild"
        )
    )
    page.save_revision(user=communicator).publish(user=communicator)
    BuildTrigger.objects.all().delete()
    with committed():
        log(instance=used, action="wagtail.edit", user=communicator)
        log(instance=unused, action="wagtail.edit", user=communicator)
    assert triggers() == [("Bild ”På sidan” ändrades", communicator)]


@pytest.mark.django_db
def test_a_burst_of_changes_joins_the_one_waiting_build(page, communicator, committed):
    with committed():
        for i in range(20):
            page.title = f"Version {i}"
            page.save_revision(user=communicator).publish(user=communicator)
    build = SiteBuild.objects.get()
    assert build.triggers.count() == 20
    # Every change queued a task; all but the first will find nothing waiting.
    assert build_tasks().count() == 20


@pytest.mark.skipif(
    not os.environ.get("DATABASE_URL", "").startswith("postgres"),
    reason="SQLite's shared in-memory test database locks whole tables between threads; "
    "test_site_live.py runs two workers on a SQLite file",
)
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_changes_at_the_same_moment_from_many_threads_make_one_waiting_build():
    errors = []

    def trigger(n):
        try:
            _queue(f"Ändring {n}", None, False)
        except Exception as exc:  # noqa: BLE001 - reported below
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=trigger, args=(n,)) for n in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors
    assert SiteBuild.objects.count() == 1
    assert BuildTrigger.objects.count() == 8


@pytest.mark.django_db
def test_a_full_build_asked_for_makes_the_waiting_build_full(page, committed):
    with committed():
        request_build("Ändring")
        request_build("Tema ändrat", full=True)
    assert SiteBuild.objects.get().full


@pytest.mark.django_db
def test_nothing_is_queued_when_rebuilds_are_switched_off(page, communicator, committed, settings):
    settings.HUB_BUILD_ON_PUBLISH = False
    with committed():
        page.save_revision(user=communicator).publish(user=communicator)
    assert not SiteBuild.objects.exists()


@pytest.mark.django_db
def test_a_build_a_stopped_worker_left_running_is_marked_failed_and_redone(tmp_path, settings):
    settings.HUB_CONTENT_DIR = str(tmp_path / "content")
    settings.HUB_BUILD_DIR = str(tmp_path / "build")
    SiteBuild.objects.create(status=SiteBuild.Status.RUNNING, started_at=timezone.now())
    assert recover_interrupted() == 1
    failed, queued = SiteBuild.objects.order_by("pk")
    assert failed.status == SiteBuild.Status.FAILED and "avbröts" in failed.error
    assert queued.status == SiteBuild.Status.QUEUED
    assert queued.triggers.get().what == "Ett avbrutet bygge görs om"


# ---- Webbplatsbyggen in the admin ------------------------------------------------------


@pytest.mark.django_db
def test_the_history_shows_each_build_newest_first(client, coach, communicator):
    old = SiteBuild.objects.create(
        status=SiteBuild.Status.FAILED,
        started_at=timezone.now(),
        finished_at=timezone.now() + dt.timedelta(seconds=4.2),
        error="Bygget tog längre än 900 sekunder",
    )
    BuildTrigger.objects.create(build=old, what="Sidan ”A” publicerades", user=communicator)
    new = SiteBuild.objects.create(
        status=SiteBuild.Status.DONE,
        started_at=timezone.now(),
        finished_at=timezone.now() + dt.timedelta(seconds=2),
        items_fetched=3,
        pages_rendered=5,
    )
    BuildTrigger.objects.create(build=new, what="Case ”B” publicerades", user=None)
    client.force_login(coach)
    page = client.get(reverse("publishing_builds")).content.decode()
    assert page.index("Case ”B” publicerades") < page.index("Sidan ”A” publicerades")
    assert "(systemet," in page and "(Kommunikator," in page
    assert "Bygget tog längre än 900 sekunder" in page and "4,2 s" in page
    assert "Misslyckades" in page and "Klart" in page
    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Senaste bygget av webbplatsen" in dashboard and "Case ”B” publicerades" in dashboard


@pytest.mark.django_db
def test_only_communicators_may_start_a_build(client, coach, communicator, committed):
    client.force_login(coach)
    assert "Bygg webbplatsen nu" not in client.get(reverse("publishing_builds")).content.decode()
    with committed():
        assert client.post(reverse("publishing_builds")).status_code == 403
    assert not SiteBuild.objects.exists()

    client.force_login(communicator)
    assert "Bygg webbplatsen nu" in client.get(reverse("publishing_builds")).content.decode()
    with committed():
        response = client.post(reverse("publishing_builds"))
    assert response.status_code == 302
    assert triggers() == [("Bygg webbplatsen nu", communicator)]


# ---- The case register's search ----------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize("query", ["IS-2019-001", "demens", "tecken på demens"])
def test_the_register_finds_a_record_by_id_and_by_words(query, client, communicator, organisation):
    make_case(organisation)
    make_case(organisation, case_id="IS-2019-002", title="Skolskjuts", summary="Bussar.")
    client.force_login(communicator)
    response = client.get(reverse("wagtailsnippets_cases_caserecord:list"), {"q": query})
    assert response.status_code == 200
    listing = response.content.decode()
    assert "Tidigare upptäckt av demens" in listing
    assert "Skolskjuts" not in listing


@pytest.mark.django_db
def test_a_lone_change_after_a_quiet_spell_starts_at_once_and_one_after_a_build_waits(settings):
    from cms.publishing.builds import _wait_for_quiet

    settings.HUB_BUILD_DEBOUNCE = 5
    lone = SiteBuild.objects.create()
    BuildTrigger.objects.create(build=lone, what="Ändring")
    started = time.monotonic()
    assert _wait_for_quiet(lone.pk)
    assert time.monotonic() - started < 5

    lone.status, lone.finished_at = SiteBuild.Status.DONE, timezone.now()
    lone.save()
    settings.HUB_BUILD_DEBOUNCE = 0.3
    after = SiteBuild.objects.create()
    BuildTrigger.objects.create(build=after, what="Ändring strax efter")
    started = time.monotonic()
    assert _wait_for_quiet(after.pk)
    assert time.monotonic() - started >= 0.25  # its last change's age reached the debounce


@pytest.mark.django_db
def test_a_build_of_many_changes_names_the_first_few_and_counts_the_rest(client, communicator):
    build = SiteBuild.objects.create()
    for i in range(8):
        BuildTrigger.objects.create(build=build, what=f"Case ”IS-2017-00{i}” publicerades")
    client.force_login(communicator)
    page = client.get(reverse("publishing_builds")).content.decode()
    assert "IS-2017-004" in page and "IS-2017-005" not in page
    assert "… och 3 ändringar till." in page
