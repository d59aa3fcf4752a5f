"""The build step can fetch only what changed and still notice every edit, unpublish,
move and deletion: by comparing two manifests, and with ``published_since`` (pages) and
``changed_since`` (case records)."""

from urllib.parse import urlencode

import pytest
from api_factories import add_page, get_json
from casedata import make_case
from django.utils import timezone
from wagtail.models import PageViewRestriction

from cms.cases.models import CaseRecord
from cms.core.models import StandardPage


def manifest(client) -> dict[tuple[str, str], dict]:
    items = get_json(client, "/api/v2/manifest/")["items"]
    return {(item["kind"], item["id"]): item for item in items}


def changed_pages(client, since) -> set[str]:
    query = urlencode({"published_since": since.isoformat(), "limit": 500})
    return {item["title"] for item in get_json(client, f"/api/v2/pages/?{query}")["items"]}


def changed_cases(client, since) -> set[str]:
    query = urlencode({"changed_since": since.isoformat()})
    return {item["case_id"] for item in get_json(client, f"/api/v2/cases/?{query}")["items"]}


def page(title, slug):
    return StandardPage(title=title, slug=slug, body=[])


@pytest.fixture
def world(db, home, organisation, communicator):
    pages = {
        "edited": add_page(home, page("Redigerad", "redigerad")),
        "unpublished": add_page(home, page("Avpublicerad", "avpublicerad")),
        "moved": add_page(home, page("Flyttad", "flyttad")),
        "deleted": add_page(home, page("Borttagen", "borttagen")),
        "target": add_page(home, page("Ny plats", "ny-plats")),
        "untouched": add_page(home, page("Orörd", "orord")),
    }
    pages["moved_child"] = add_page(pages["moved"], page("Barn", "barn"))
    cases = {}
    for n, name in enumerate(["edited", "unpublished", "made_intern", "deleted", "untouched"]):
        cases[name] = make_case(
            organisation,
            case_id=f"IS-2019-{n + 1:03d}",
            title=f"Case {name}",
            publication_level="anonymiserad",
            publish_as=communicator,
        )
    return pages, cases


def key(obj):
    if isinstance(obj, CaseRecord):
        return ("case", obj.case_id)
    return ("page", str(obj.pk))


def test_edit_unpublish_move_and_delete_are_visible(client, world):
    pages, cases = world
    before = manifest(client)
    since = timezone.now()

    edited = pages["edited"]
    edited.title = "Redigerad igen"
    edited.save_revision().publish()
    pages["unpublished"].unpublish()
    pages["moved"].move(pages["target"], pos="last-child")
    pages["deleted"].delete()

    case = cases["edited"]
    case.title = "Case edited again"
    case.save_revision().publish()
    cases["unpublished"].unpublish()
    intern = cases["made_intern"]
    intern.publication_level = "intern"
    intern.save_revision().publish()
    cases["deleted"].delete()

    after = manifest(client)

    # Gone: deleted, unpublished or no longer public.
    assert set(before) - set(after) == {
        key(pages["unpublished"]),
        key(pages["deleted"]),
        key(cases["unpublished"]),
        key(cases["made_intern"]),
        key(cases["deleted"]),
    }
    assert set(after) - set(before) == set()

    # Moved: a new path and a newer last change, for the page and its subtree.
    for name, old, new in [
        ("moved", "/flyttad/", "/ny-plats/flyttad/"),
        ("moved_child", "/flyttad/barn/", "/ny-plats/flyttad/barn/"),
    ]:
        entry = key(pages[name])
        assert (before[entry]["path"], after[entry]["path"]) == (old, new)
        assert after[entry]["last_changed"] > before[entry]["last_changed"]

    # Exactly the edited and moved items changed, and the filters return exactly them.
    newer = {k for k, item in after.items() if item["last_changed"] != before[k]["last_changed"]}
    assert newer == {
        key(edited),
        key(pages["moved"]),
        key(pages["moved_child"]),
        key(cases["edited"]),
    }
    assert changed_pages(client, since) == {"Redigerad igen", "Flyttad", "Barn"}
    assert changed_cases(client, since) == {"IS-2019-001"}


def test_changed_since_and_published_since_match_the_manifest(client, world):
    pages, _ = world
    entries = manifest(client)
    pivot = entries[key(pages["target"])]["last_changed"]
    expected = {
        item["id"]
        for item in entries.values()
        if item["kind"] == "page" and item["last_changed"] >= pivot
    }
    query = urlencode({"published_since": pivot, "limit": 500})
    listed = {str(item["id"]) for item in get_json(client, f"/api/v2/pages/?{query}")["items"]}
    assert listed == expected and len(expected) < len([k for k in entries if k[0] == "page"])


def test_renaming_a_parent_changes_the_children(client, world):
    pages, _ = world
    before = manifest(client)
    since = timezone.now()
    parent = pages["moved"]
    parent.slug = "omdopt"
    parent.save_revision().publish()
    after = manifest(client)
    child = key(pages["moved_child"])
    assert after[child]["path"] == "/omdopt/barn/"
    assert after[child]["last_changed"] > before[child]["last_changed"]
    assert changed_pages(client, since) == {"Flyttad", "Barn"}


def test_lifting_a_view_restriction_brings_pages_back_as_changed(client, world):
    pages, _ = world
    restriction = PageViewRestriction.objects.create(
        page=pages["moved"], restriction_type=PageViewRestriction.LOGIN
    )
    hidden = manifest(client)
    assert key(pages["moved_child"]) not in hidden
    since = timezone.now()
    restriction.delete()
    back = manifest(client)
    assert back[key(pages["moved_child"])]["path"] == "/flyttad/barn/"
    assert changed_pages(client, since) == {"Flyttad", "Barn"}


def test_unencoded_plus_in_a_time_is_read_as_meant(client, world):
    since = timezone.now().isoformat()  # "…+00:00"; a plus sign in a URL reads as a space
    assert "+" in since
    get_json(client, f"/api/v2/pages/?published_since={since}")
    get_json(client, f"/api/v2/cases/?changed_since={since}")
