"""What the pull asks the API: the manifest, checked, and the items that changed.

The manifest lists every published item with its path, type and last change; an answer
without a list of items, or one that would remove most of the site, is refused. Changed
items are fetched by type: a few pages one detail request each, many pages or any case
records through a listing of their type (all of it, or what changed since the oldest).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterator

from ..contract import CASE_RECORD, is_case_item
from .client import ApiClient, ApiError
from .mapping import Entry, case_entry, case_key, page_entry, page_key
from .media import MediaStore

#: Above this many changed pages of one type, one listing request beats one per page.
DETAIL_LIMIT = 20


def manifest(client: ApiClient) -> dict[str, dict]:
    """The manifest's items by state key; an answer without a list of items is refused
    (it would otherwise read as "everything was deleted")."""
    url = client.url("manifest/")
    answer = client.get("manifest/")
    items = answer.get("items") if isinstance(answer, dict) else None
    if not isinstance(items, list):
        raise ApiError(f"{url}: manifestet saknar listan 'items' och kan inte användas")
    current: dict[str, dict] = {}
    for n, item in enumerate(items, start=1):
        try:
            key = page_key(item["id"]) if item["kind"] == "page" else case_key(item["id"])
            item["path"], item["type"]  # noqa: B018 - every item needs both
        except (KeyError, TypeError):
            raise ApiError(
                f"{url}: post {n} i manifestet saknar kind, id, type eller path"
            ) from None
        current[key] = item
    return current


def check_plausible(client: ApiClient, current: dict, old: dict, removed: list[str]) -> None:
    """Refuse a manifest that would empty the site or remove more than half of it, unless
    the operator said so (``--allow-mass-delete``, checked by the caller): far more likely a
    CMS that answers wrongly than a communicator who retracted half the hub at once."""
    url = client.url("manifest/")
    if not current:
        raise ApiError(
            f"{url}: manifestet listar inga sidor alls, så allt på webbplatsen skulle "
            "tas bort. Inget har ändrats. Om det är meningen: kör med --allow-mass-delete."
        )
    if old and 2 * len(removed) > len(old):
        raise ApiError(
            f"{url}: manifestet skulle ta bort {len(removed)} av {len(old)} sidor och case "
            "(mer än hälften). Inget har ändrats. Om det är meningen: kör med "
            "--allow-mass-delete."
        )


class Fetcher:
    """Fetches changed items and turns each into an ``Entry`` (``mapping``), downloading
    the media a page uses; ``media_of`` then says which media files each page uses."""

    def __init__(self, client: ApiClient, media: MediaStore, progress: Callable[[str], None]):
        self.client = client
        self.media = media
        self.progress = progress
        self.media_of: dict[str, list[str]] = {}  # key → files of media/ it uses

    def fetch(self, changed: set[str], current: dict) -> dict[str, Entry]:
        by_type: dict[str, list[str]] = defaultdict(list)
        for key in changed:
            by_type[current[key]["type"]].append(key)
        entries: dict[str, Entry] = {}
        for kind, keys in sorted(by_type.items()):
            listing = _listing(kind, keys, current)
            if listing is None:
                items = [self.client.get(f"pages/{current[k]['id']}/") for k in keys]
            else:
                items = self._fetch_list(listing[0], listing[1], set(keys))
            for item in items:
                if kind == CASE_RECORD:
                    entry = case_entry(item)
                else:
                    entry = page_entry(item, self.media.image)
                    self.media.documents_in(entry.body)
                    self.media_of[entry.key] = self.media.take_used()
                entries[entry.key] = entry
                self.progress(entry.path)
        missing = changed - set(entries)
        if missing:
            raise ApiError(
                f"{self.client.url('manifest/')}: {len(missing)} objekt i manifestet "
                f"kunde inte hämtas, t.ex. {sorted(missing)[:3]}"
            )
        return entries

    def _fetch_list(self, path: str, params: dict, wanted: set[str]) -> Iterator[dict]:
        for item in self.client.paginate(path, params):
            key = case_key(item["case_id"]) if is_case_item(item) else page_key(item["id"])
            if key in wanted:
                yield item


def _listing(kind: str, keys: list[str], current: dict) -> tuple[str, dict] | None:
    """The listing request for ``keys`` of type ``kind``: ``(path, params)``, for the
    whole type or for what changed since the oldest of ``keys``. None for a few pages:
    one detail request each."""
    if kind == CASE_RECORD:
        path, params, since_param = "cases/", {}, "changed_since"
    elif len(keys) > DETAIL_LIMIT:
        path, params = "pages/", {"type": kind, "fields": "*"}
        since_param = "published_since"
    else:
        return None
    if len(keys) == sum(1 for item in current.values() if item["type"] == kind):
        return path, params
    since = min(current[k]["last_changed"] for k in keys)
    return path, {**params, since_param: since}
