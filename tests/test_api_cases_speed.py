"""The case listing is built fast without changing what it says.

``/api/v2/cases/`` reads records as rows (``case_rows``), a page's relations in one query
per relation (``load_relations``), and represents a row with a function compiled from the
serializer's fields. Checked here over the demo register plus generated records with
every kind of relation, organisation reference and consent:

- the rows hold what the ORM gives through the models' own relations, in the same order
  (``instance_row``, which the preview uses for a draft);
- the compiled representation is exactly REST framework's ``to_representation``;
- the listing, page by page, and the details agree, names follow the consent rules and
  anonymised records show no units;
- no model instance of a record is built while listing.

The data is made once for the module in a transaction that is rolled back at the end.
"""

import json

import pytest
from api_factories import get_json
from django.core.management import call_command
from django.db import transaction
from django.db.models.signals import post_init
from rest_framework import serializers
from rest_framework.renderers import JSONRenderer
from rest_framework.test import APIRequestFactory

from cms.api.case_rows import compile_representation, instance_row, load_relations
from cms.api.case_serializers import CaseRecordSerializer, case_rows, record_columns
from cms.cases.choices import (
    PublicationLevel,
)
from cms.cases.models import (
    CASE_ID_RE,
    CaseRecord,
    CaseResearchProject,
    IdeaCarrier,
)
from cms.demo.generate import generate_cases

GENERATED = 300
ORDER = ("-received_date", "case_id")


@pytest.fixture(scope="module", autouse=True)
def register(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("load_demo", quiet=True)
        # Live or not, at every publication level, with a random share of every relation.
        generate_cases(GENERATED, seed=31, first_year=2010, unpublished=0.1)
        yield
        transaction.set_rollback(True)


pytestmark = pytest.mark.django_db


def pages_of_rows(size=100):
    """The public records as the listing reads them, page by page, relations loaded."""
    queryset = case_rows(CaseRecord.objects.public().order_by(*ORDER))
    total = queryset.count()
    for offset in range(0, total, size):
        rows = list(queryset[offset : offset + size])
        load_relations(rows)
        yield rows


def test_the_register_has_every_case_to_check():
    public = CaseRecord.objects.public()
    assert public.filter(case_id__startswith="IS-201").count() > GENERATED // 2
    assert public.count() > 150
    for level in (PublicationLevel.PUBLIK, PublicationLevel.ANONYMISERAD):
        carriers = IdeaCarrier.objects.filter(case__in=public, case__publication_level=level)
        assert carriers.filter(consent_to_publish_name=True, consent_date__isnull=False).exists()
        assert carriers.filter(consent_to_publish_name=False).exclude(name="").exists()
    assert CaseResearchProject.objects.filter(organisation=None).exists()
    assert public.filter(taken_over_by=None).exists() and public.exclude(taken_over_by=None)


def test_rows_hold_what_the_models_give():
    records = CaseRecord.objects.in_bulk(field_name="id")
    seen = 0
    for rows in pages_of_rows():
        for row in rows:
            assert row == instance_row(records[row["id"]], record_columns()), row["case_id"]
            seen += 1
    assert seen == CaseRecord.objects.public().count()


def test_the_compiled_representation_is_rest_frameworks():
    request = APIRequestFactory().get("/api/v2/cases/")
    serializer = CaseRecordSerializer(context={"request": request})
    render = JSONRenderer().render
    for rows in pages_of_rows():
        for row in rows:
            fast = CaseRecordSerializer(row).data
            drf = serializers.ModelSerializer.to_representation(serializer, row)
            assert list(fast) == CaseRecordSerializer.Meta.fields
            assert render(fast) == render(drf), row["case_id"]


def test_compiling_refuses_fields_it_would_represent_differently():
    class Dotted(serializers.Serializer):
        name = serializers.CharField(source="organisation.name")

    class Related(serializers.Serializer):
        organisation = serializers.PrimaryKeyRelatedField(read_only=True)

    with pytest.raises(ValueError, match="dotted"):
        compile_representation(Dotted())
    with pytest.raises(TypeError, match="related"):
        compile_representation(Related())


def test_listing_pages_and_details_agree_and_names_need_consent(client):
    listed = []
    for offset in range(0, CaseRecord.objects.public().count(), 70):
        listed += get_json(client, f"/api/v2/cases/?limit=70&offset={offset}")["items"]
    whole = get_json(client, "/api/v2/cases/?limit=1000")["items"]
    assert json.dumps(listed) == json.dumps(whole)
    assert [item["case_id"] for item in whole] == list(
        CaseRecord.objects.public().order_by(*ORDER).values_list("case_id", flat=True)
    )

    details = [item for item in whole if CASE_ID_RE.match(item["case_id"])]
    assert len(details) > 100
    for item in details:
        assert get_json(client, f"/api/v2/cases/{item['case_id']}/") == item

    records = {r.case_id: r for r in CaseRecord.objects.prefetch_related("idea_carriers")}
    named = with_unit = 0
    for item in whole:
        record = records[item["case_id"]]
        expected = [
            c.public_name or None if record.publication_level == "publik" else None
            for c in record.idea_carriers.all()
        ]
        assert [c["name"] for c in item["idea_carriers"]] == expected
        named += sum(1 for name in expected if name)
        # An anonymised record shows people by role only.
        units = [
            c.unit if record.publication_level == "publik" else None
            for c in record.idea_carriers.all()
        ]
        assert [c["unit"] for c in item["idea_carriers"]] == units
        with_unit += sum(1 for unit in units if unit)
    assert named > 0 and with_unit > 0


def test_listing_builds_no_record_instances(client):
    built = []

    def count(sender, instance, **kwargs):
        built.append(instance)

    post_init.connect(count, sender=CaseRecord)
    try:
        items = get_json(client, "/api/v2/cases/?limit=1000")["items"]
        get_json(client, f"/api/v2/cases/{items[0]['case_id']}/")
    finally:
        post_init.disconnect(count, sender=CaseRecord)
    assert len(items) > 150
    assert built == []
