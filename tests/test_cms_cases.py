"""The case register rejects what a curator would reject, in Swedish, naming the field."""

import datetime as dt

import pytest
from casedata import case_form_data, make_case
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from cms.cases.models import CaseRecord, IdeaCarrier, RetiredCaseId
from cms.core.models import SustainableDevelopmentGoal

#: In the future however long the run, and across midnight (made once, at collection).
FUTURE = timezone.localdate() + dt.timedelta(days=365)


def errors_of(exc: ValidationError) -> dict:
    return exc.message_dict


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("overrides", "field", "words"),
    [
        ({"phase": "avslutad", "outcome": ""}, "outcome", "Ange utfall"),
        ({"phase": "testas", "outcome": "infort"}, "outcome", "bara när fasen är Avslutad"),
        ({"received_date": FUTURE}, "received_date", "framtiden"),
        ({"case_id": "2019-31"}, "case_id", "IS-ÅÅÅÅ-NNN"),
        ({"case_id": "IS-19-031"}, "case_id", "IS-ÅÅÅÅ-NNN"),
        ({"phase": "avslutad", "outcome": "overlamnat"}, "taken_over_by", "tog över"),
        ({"title": ""}, "title", "får inte vara tomt"),
        ({"publication_level": "hemlig"}, "publication_level", "inget giltigt alternativ"),
        ({"slug": "sida"}, "slug", "caseportal"),
        ({"slug": "statistik"}, "slug", "caseportal"),
    ],
    ids=[
        "closed-without-outcome",
        "outcome-while-open",
        "future-date",
        "bad-id",
        "short-year",
        "handover-without-taker",
        "no-title",
        "bad-level",
        "reserved-slug",
        "statistics-slug",
    ],
)
def test_case_record_rejects_bad_input(organisation, overrides, field, words):
    case = make_case(organisation, save=False, **overrides)
    with pytest.raises(ValidationError) as exc:
        case.full_clean()
    messages = errors_of(exc.value)
    assert field in messages, messages
    assert words.lower() in " ".join(messages[field]).lower()


@pytest.mark.django_db
def test_valid_closed_case_is_accepted(organisation):
    case = make_case(organisation, phase="avslutad", outcome="larande")
    assert case.phase_history.last().phase == "avslutad"


@pytest.mark.django_db
def test_case_ids_are_unique(organisation):
    make_case(organisation, case_id="IS-2019-010")
    duplicate = make_case(organisation, save=False, case_id="IS-2019-010", title="Annat case")
    with pytest.raises(ValidationError) as exc:
        duplicate.full_clean()
    assert "finns redan" in " ".join(errors_of(exc.value)["case_id"])


@pytest.mark.django_db
def test_deleted_case_id_is_never_reused(organisation):
    case = make_case(organisation, case_id="IS-2019-011")
    case.delete()
    assert RetiredCaseId.objects.filter(case_id="IS-2019-011").exists()
    again = make_case(organisation, save=False, case_id="IS-2019-011")
    with pytest.raises(ValidationError) as exc:
        again.full_clean()
    assert "kan inte återanvändas" in " ".join(errors_of(exc.value)["case_id"])
    assert CaseRecord.next_case_id(2019) == "IS-2019-012"


@pytest.mark.django_db
def test_case_id_cannot_be_changed(organisation):
    case = make_case(organisation, case_id="IS-2019-012")
    case.case_id = "IS-2019-099"
    with pytest.raises(ValidationError) as exc:
        case.full_clean()
    assert "kan inte ändras" in " ".join(errors_of(exc.value)["case_id"])


@pytest.mark.django_db
@pytest.mark.parametrize("number", [0, 18])
def test_sdg_numbers_are_1_to_17(number):
    goal = SustainableDevelopmentGoal(number=number, name="Påhittat mål")
    with pytest.raises(ValidationError) as exc:
        goal.full_clean()
    assert "mellan 1 och 17" in " ".join(errors_of(exc.value)["number"])


@pytest.mark.django_db
def test_all_17_goals_are_seeded_in_swedish():
    names = dict(SustainableDevelopmentGoal.objects.values_list("number", "name"))
    assert sorted(names) == list(range(1, 18))
    assert names[5] == "Jämställdhet"
    assert names[11] == "Hållbara städer och samhällen"


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("carrier", "field", "words"),
    [
        (
            {"consent_to_publish_name": True, "name": "", "consent_date": dt.date(2020, 1, 1)},
            "name",
            "Ange namnet",
        ),
        (
            {"consent_to_publish_name": True, "name": "Anna Berg", "consent_date": None},
            "consent_date",
            "när samtycket",
        ),
        (
            {"consent_to_publish_name": True, "name": "Anna Berg", "consent_date": FUTURE},
            "consent_date",
            "framtiden",
        ),
    ],
)
def test_idea_carrier_consent_is_recorded_properly(organisation, carrier, field, words):
    case = make_case(organisation)
    person = IdeaCarrier(case=case, role="Sjuksköterska", unit="Hemsjukvården", **carrier)
    with pytest.raises(ValidationError) as exc:
        person.full_clean()
    assert words in " ".join(errors_of(exc.value)[field])


@pytest.mark.django_db
def test_name_without_consent_is_not_public(organisation):
    case = make_case(organisation)
    person = IdeaCarrier(case=case, role="Sjuksköterska", name="Anna Berg")
    assert person.public_name == ""


@pytest.mark.django_db
def test_phase_change_is_recorded_in_history(organisation):
    case = make_case(organisation, phase="utforskas")
    case.phase = "testas"
    case.save()
    history = list(case.phase_history.order_by("date", "sort_order"))
    assert [h.phase for h in history] == ["inkommen", "utforskas", "testas"]
    assert history[-1].date == timezone.localdate()
    assert case.phase_on(dt.date(2019, 3, 10)) == "inkommen"
    assert case.phase_on(dt.date(2019, 4, 10)) == "utforskas"
    assert case.phase_on(dt.date(2018, 1, 1)) is None


@pytest.mark.django_db
def test_admin_form_shows_swedish_error_for_closed_case_without_outcome(
    client, communicator, organisation
):
    client.force_login(communicator)
    url = reverse("wagtailsnippets_cases_caserecord:add")
    response = client.post(url, case_form_data(organisation, phase="avslutad", outcome=""))
    assert response.status_code == 200
    assert not CaseRecord.objects.exists()
    form = response.context["form"]
    assert "Ange utfall när fasen är Avslutad." in form.errors["outcome"]


@pytest.mark.django_db
def test_admin_form_rejects_future_phase_date(client, communicator, organisation):
    from wagtail.test.utils.form_data import inline_formset

    client.force_login(communicator)
    url = reverse("wagtailsnippets_cases_caserecord:add")
    data = case_form_data(
        organisation,
        phase_history=inline_formset([{"phase": "inkommen", "date": FUTURE.isoformat()}]),
        phase="inkommen",
    )
    response = client.post(url, data)
    assert response.status_code == 200
    assert not CaseRecord.objects.exists()
    assert "framtiden" in response.content.decode()
