"""Case records as rows for ``cms.api.case_serializers``: their relations loaded for a
whole page of records at once, and a serializer compiled into a plain function of a row.

Why not model instances with ``prefetch_related``, as everywhere else: the same
serializers reading instances (organisations by ``select_related``, every to-many relation
by one ``Prefetch``, the same number of queries) took 12.7 s to list the 6 768 public
records of ``scripts/bench_api.py`` (demo + 10 000 generated), against 2.1 s for these
rows. The time goes to building some 17 model instances per record (with their
``post_init`` signals), to modelcluster's prefetch of its many-to-many relations, and to
REST framework's per-field bookkeeping; rows avoid all three. The price: a relation the
serializer shows must also be read in ``load_relations`` (the tests compare both with
what the models give).
"""

import operator
from collections.abc import Callable, Iterable

from django.db.models import F
from rest_framework import serializers

from cms.cases.models import (
    CasePartner,
    CasePhaseChange,
    CaseResearchProject,
    CaseSolution,
    IdeaCarrier,
)
from cms.core.models import Organisation, SustainableDevelopmentGoal, Topic

#: What ``load_relations`` reads of an organisation (``OrganisationRefSerializer``'s fields).
ORGANISATION_COLUMNS = ("name", "short_name", "slug", "type")
#: A key that ``load_relations`` adds to a row.
RELATIONS_LOADED = "phase_history"


def load_relations(records: list[dict]) -> None:
    """Add what ``CaseRecordSerializer`` shows of their relations to rows of ``case_rows``,
    in one query per relation for all the rows: each to-many relation as a list of dicts
    under its own name, in the order the CMS keeps it, and each organisation referred to
    as a dict of ``ORGANISATION_COLUMNS``."""
    by_id = {record["id"]: record for record in records}
    ids = list(by_id)

    def attach(name: str, rows: Iterable[dict]) -> None:
        """Each row to the list ``name`` of the record whose id it has as ``case_id``."""
        for record in records:
            record[name] = []
        for row in rows:
            by_id[row.pop("case_id")][name].append(row)

    # Many-to-many relations, in the related model's order (the join gives the record).
    attach(
        "participating_organisations",
        Organisation.objects.filter(participating_cases__in=ids).values(
            "id", case_id=F("participating_cases")
        ),
    )
    attach(
        "topics",
        Topic.objects.filter(cases__in=ids).values("id", "name", "slug", case_id=F("cases")),
    )
    attach(
        "sdgs",
        SustainableDevelopmentGoal.objects.filter(cases__in=ids).values(
            "number", "name", case_id=F("cases")
        ),
    )
    # Child rows, in the order of their inline panels (the phase history by date).
    attach(
        "phase_history",
        CasePhaseChange.objects.filter(case_id__in=ids)
        .order_by("date", "sort_order")
        .values("case_id", "phase", "date"),
    )
    attach(
        "partners",
        CasePartner.objects.filter(case_id__in=ids).values(
            "case_id", "organisation", "partner_type", "contribution"
        ),
    )
    attach(
        "solutions",
        CaseSolution.objects.filter(case_id__in=ids).values("case_id", "title", "description"),
    )
    attach(
        "research_projects",
        CaseResearchProject.objects.filter(case_id__in=ids).values(
            "case_id", "title", "organisation", "url"
        ),
    )
    # The name rule needs the model's ``public_name`` and the record's publication level.
    attach(
        "idea_carriers",
        (
            {
                "case_id": carrier.case_id,
                "case_publication_level": by_id[carrier.case_id]["publication_level"],
                "role": carrier.role,
                "unit": carrier.unit,
                "public_name": carrier.public_name,
            }
            for carrier in IdeaCarrier.objects.filter(case_id__in=ids).only(
                "case_id", "role", "unit", "name", "consent_to_publish_name", "consent_date"
            )
        ),
    )

    # The organisations referred to, by id so far: each is read once.
    wanted = set()
    for record in records:
        wanted.update((record["home_organisation"], record["taken_over_by"]))
        wanted.update(row["id"] for row in record["participating_organisations"])
        wanted.update(row["organisation"] for row in record["partners"])
        wanted.update(row["organisation"] for row in record["research_projects"])
    organisations = {
        row.pop("id"): row
        for row in Organisation.objects.filter(pk__in=wanted - {None}).values(
            "id", *ORGANISATION_COLUMNS
        )
    }
    ref = organisations.get  # None for no organisation
    for record in records:
        record["home_organisation"] = ref(record["home_organisation"])
        record["taken_over_by"] = ref(record["taken_over_by"])
        record["participating_organisations"] = [
            ref(row["id"]) for row in record["participating_organisations"]
        ]
        for row in record["partners"] + record["research_projects"]:
            row["organisation"] = ref(row["organisation"])


def instance_row(record, columns) -> dict:
    """The row ``case_rows`` and ``load_relations`` give, read from one record instance
    through its own relations instead: for a draft (the preview), whose edited children
    and relations are in memory only. ``columns``: the record's own columns to read
    (``case_serializers.record_columns``)."""
    row = {"id": record.pk}
    for name in columns:
        field = record._meta.get_field(name)
        value = getattr(record, name)
        row[name] = _organisation(value) if field.is_relation else value
    level = record.publication_level
    return row | {
        "participating_organisations": [
            _organisation(o) for o in record.participating_organisations.all()
        ],
        "topics": [{"id": t.id, "name": t.name, "slug": t.slug} for t in record.topics.all()],
        "sdgs": [{"number": g.number, "name": g.name} for g in record.sdgs.all()],
        "phase_history": [
            {"phase": c.phase, "date": c.date}
            for c in sorted(record.phase_history.all(), key=lambda c: (c.date, c.sort_order or 0))
        ],
        "partners": [
            {
                "organisation": _organisation(p.organisation),
                "partner_type": p.partner_type,
                "contribution": p.contribution,
            }
            for p in record.partners.all()
        ],
        "solutions": [
            {"title": s.title, "description": s.description} for s in record.solutions.all()
        ],
        "research_projects": [
            {"title": p.title, "organisation": _organisation(p.organisation), "url": p.url}
            for p in record.research_projects.all()
        ],
        "idea_carriers": [
            {
                "case_publication_level": level,
                "role": c.role,
                "unit": c.unit,
                "public_name": c.public_name,
            }
            for c in record.idea_carriers.all()
        ],
    }


def _organisation(organisation) -> dict | None:
    if organisation is None:
        return None
    return {column: getattr(organisation, column) for column in ORGANISATION_COLUMNS}


# Representing a row ----------------------------------------------------------------------


def compile_representation(serializer: serializers.Serializer) -> Callable[[dict], dict]:
    """``serializer.to_representation`` as a plain function of one row (a dict), built
    once from the serializer's bound fields.

    It does what REST framework's ``Serializer.to_representation`` does with a dict, field
    by field: read the key named by the field's ``source`` (``"*"``: the row itself), give
    None for None and the field's own ``to_representation`` of anything else; nested
    serializers, single or ``many=True``, are compiled the same way. Left out is the work
    that is the same for every row (finding the readable fields, handling ``SkipField``
    and ``PKOnlyObject``), so a key missing from the row is an error here, where REST
    framework would leave the field out. Dotted sources and related fields are refused.
    """
    steps = []
    for name, field in serializer.fields.items():
        if field.write_only:
            continue
        if isinstance(field, serializers.RelatedField | serializers.ManyRelatedField):
            raise TypeError(f"{name}: related fields are not supported")
        if "." in field.source:
            raise ValueError(f"{name}: dotted sources are not supported ({field.source})")
        read = _itself if field.source == "*" else operator.itemgetter(field.source)
        if isinstance(field, serializers.ListSerializer):
            write = _compile_list(field)
        elif isinstance(field, serializers.BaseSerializer):
            write = compile_representation(field)
        else:
            write = field.to_representation
        steps.append((name, read, write))

    def represent(row: dict) -> dict:
        data = {}
        for name, read, write in steps:
            value = read(row)
            data[name] = None if value is None else write(value)
        return data

    return represent


def _itself(row):
    return row


def _compile_list(field: serializers.ListSerializer) -> Callable[[list], list]:
    represent_item = compile_representation(field.child)

    def represent(rows: list) -> list:
        return [represent_item(row) for row in rows]

    return represent
