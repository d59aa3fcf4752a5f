"""Creating many case records at once (an import), ending as the admin's create view leaves
each one, but in a few statements per thousand records instead of some sixty per record:

- the record (``live`` false: a draft), its inline rows and its many-to-many links;
- its first revision, which is its latest (``has_unpublished_changes``);
- a ``wagtail.create`` log entry with that revision;
- the search index and the reference index, which the admin updates through one task per
  save, updated by one task for the whole batch (``index_records``), run by the worker.

``publish_created`` then publishes them as Wagtail's ``revision.publish()`` publishes a
new record's only revision (live, its live revision, published now, a ``wagtail.publish``
log entry, the ``published`` signal), and asks for a build once.

The records must be validated first (``register_import.plan`` does it).
"""

from __future__ import annotations

from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.utils import timezone
from django_tasks import task
from wagtail.models import ModelLogEntry, Revision
from wagtail.signals import published

from cms.publishing.builds import request_build

from .records import CaseRecord

#: A record's inline rows and many-to-many relations, by name.
ROWS = ("phase_history", "idea_carriers", "partners", "solutions", "research_projects")
LINKS = ("participating_organisations", "topics", "sdgs")
BATCH = 500


def create_records(records: list[CaseRecord], user=None) -> list[Revision]:
    """Save new, validated records as drafts with a first revision each; their revisions."""
    if not records:
        return []
    if not connection.features.can_return_rows_from_bulk_insert:
        # Without ids from a bulk insert (old SQLite, MySQL), one record at a time.
        return [_create_one(record, user) for record in records]
    now = timezone.now()
    for record in records:
        record.live = False
        record.has_unpublished_changes = True
    CaseRecord.objects.bulk_create(records, batch_size=BATCH)
    for name in ROWS:
        rows = []
        for record in records:
            for row in getattr(record, name).all():
                row.case = record
                rows.append(row)
        getattr(CaseRecord, name).rel.related_model.objects.bulk_create(rows, batch_size=BATCH)
    for name in LINKS:
        through = getattr(CaseRecord, name).through
        target = CaseRecord._meta.get_field(name).m2m_reverse_field_name()
        links = [
            through(caserecord_id=record.pk, **{target: obj})
            for record in records
            for obj in getattr(record, name).all()
        ]
        through.objects.bulk_create(links, batch_size=BATCH)

    content_type = ContentType.objects.get_for_model(CaseRecord)
    revisions = Revision.objects.bulk_create(
        [
            Revision(
                content_type=content_type,
                base_content_type=content_type,
                object_id=str(record.pk),
                user=user,
                created_at=now,
                content=record.serializable_data(),
                object_str=str(record),
            )
            for record in records
        ],
        batch_size=BATCH,
    )
    for record, revision in zip(records, revisions, strict=True):
        record.latest_revision = revision
    CaseRecord.objects.bulk_update(records, ["latest_revision"], batch_size=BATCH)
    _log(records, revisions, "wagtail.create", now, user)
    pks = [record.pk for record in records]
    transaction.on_commit(lambda: index_records.enqueue(pks), robust=True)
    return revisions


def publish_created(records: list[CaseRecord], revisions: list[Revision], user=None) -> None:
    """Publish records ``create_records`` has just made, each with its one revision (the
    live row already holds what the revision holds)."""
    if not records:
        return
    now = timezone.now()
    for record, revision in zip(records, revisions, strict=True):
        record.live = True
        record.has_unpublished_changes = False
        record.expired = False
        record.first_published_at = record.last_published_at = now
        record.live_revision = revision
    fields = [
        "live",
        "has_unpublished_changes",
        "expired",
        "first_published_at",
        "last_published_at",
        "live_revision",
    ]
    CaseRecord.objects.bulk_update(records, fields, batch_size=BATCH)
    _log(records, revisions, "wagtail.publish", now, user)
    for record, revision in zip(records, revisions, strict=True):
        published.send(sender=CaseRecord, instance=record, revision=revision)
    # One request for all (the log entries above were written without signals).
    request_build(f"{len(records)} case publicerades", user)


def _create_one(record: CaseRecord, user) -> Revision:
    from wagtail.log_actions import log

    record.live = False
    record.save()
    revision = record.save_revision(user=user, clean=False)
    log(instance=record, action="wagtail.create", user=user, revision=revision)
    return revision


@task()
def index_records(pks: list[int]) -> int:
    """Update the search index and the reference index for these case records (the task
    ``create_records`` queues); how many there were."""
    from wagtail.models import ReferenceIndex
    from wagtail.search import index

    count = 0
    for record in CaseRecord.objects.filter(pk__in=pks).iterator(chunk_size=500):
        index.insert_or_update_object(record)
        ReferenceIndex.create_or_update_for_object(record)
        count += 1
    return count


def _log(records: list[CaseRecord], revisions: list[Revision], action: str, now, user) -> None:
    """Wagtail's log entry of ``action`` for each record, written in bulk (no signals)."""
    content_type = ContentType.objects.get_for_model(CaseRecord)
    ModelLogEntry.objects.bulk_create(
        [
            ModelLogEntry(
                content_type=content_type,
                object_id=str(record.pk),
                label=str(record),
                action=action,
                timestamp=now,
                user=user,
                revision=revision,
                content_changed=True,
            )
            for record, revision in zip(records, revisions, strict=True)
        ],
        batch_size=BATCH,
    )
