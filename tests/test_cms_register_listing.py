"""The register's listing in the admin, through its real views: the communicator filters
by year received and by topic (alone or together with the other filters), and text is in
Swedish order (a–z, then å, ä, ö), the titles and the filters' choices alike."""

import datetime as dt
import re

import pytest
from casedata import make_case
from django.urls import reverse

from cms.cases.models import CaseRecord
from cms.core.collation import Swedish
from cms.core.models import Organisation, Topic
from swedish import swedish_sort_key

LIST = "wagtailsnippets_cases_caserecord:list"
RESULTS = "wagtailsnippets_cases_caserecord:list_results"  # what the filters fetch

#: Titles in the order a Swedish reader expects them. SQLite's binary order would put
#: "Ärende" before "Åtgärd", and the lower-case "ängel" and "öppna data" after every capital.
TITLES_IN_ORDER = ["Avfall", "Zon", "Åtgärd", "ängel", "Ärende", "Ödla", "öppna data"]
ORGANISATIONS_IN_ORDER = ["Barn- och utbildning", "Zeta bolag", "Ånge kommun", "Östersund"]
TOPICS_IN_ORDER = ["Digitalisering", "Ungdomar", "Åldrande", "Äldreomsorg", "Övrigt"]


def listed(response) -> list[str]:
    """The case ids of the listing's rows, top to bottom."""
    assert response.status_code == 200
    pks = re.findall(r'href="/admin/snippets/cases/caserecord/edit/(\d+)/"', response.text)
    ids = dict(CaseRecord.objects.values_list("pk", "case_id"))
    return list(dict.fromkeys(ids[int(pk)] for pk in pks))


def options(response, name: str) -> list[str]:
    """The labels of a filter's choices, as the listing offers them (not the empty one)."""
    select = re.search(rf'<select name="{name}".*?</select>', response.text, re.S)
    assert select, f"no filter {name!r} in the listing"
    return [
        label.strip()
        for value, label in re.findall(r'<option value="([^"]*)"[^>]*>([^<]*)<', select.group())
        if value
    ]


@pytest.fixture
def register(db, client, communicator):
    """Cases received 2019–2021 with topics and home organisations; the communicator signed
    in. Returns the topics by name."""
    organisations = {
        name: Organisation.objects.create(name=name, type=Organisation.Type.ANNAN)
        for name in reversed(ORGANISATIONS_IN_ORDER)
    }
    topics = {name: Topic.objects.create(name=name) for name in reversed(TOPICS_IN_ORDER)}
    rows = [
        # case id, received, topics, home organisation
        ("IS-2019-001", dt.date(2019, 3, 4), ["Äldreomsorg"], "Östersund"),
        ("IS-2019-002", dt.date(2019, 11, 30), ["Digitalisering", "Övrigt"], "Zeta bolag"),
        ("IS-2020-001", dt.date(2020, 1, 1), ["Äldreomsorg", "Digitalisering"], "Östersund"),
        ("IS-2020-002", dt.date(2020, 12, 31), ["Ungdomar"], "Ånge kommun"),
        ("IS-2021-001", dt.date(2021, 6, 1), ["Äldreomsorg"], "Zeta bolag"),
        ("IS-2021-002", dt.date(2021, 6, 2), [], "Barn- och utbildning"),
        ("IS-2021-003", dt.date(2021, 6, 3), ["Åldrande"], "Östersund"),
    ]
    for (case_id, received, names, home), title in zip(
        rows, reversed(TITLES_IN_ORDER), strict=True
    ):
        case = make_case(organisations[home], case_id=case_id, title=title, received_date=received)
        case.topics = [topics[name] for name in names]
        case.save()
    client.force_login(communicator)
    return topics


@pytest.mark.parametrize("view", [LIST, RESULTS])
@pytest.mark.parametrize(
    "query, expected",
    [
        ({"received_year": "2020"}, {"IS-2020-001", "IS-2020-002"}),
        ({"received_year": "2019"}, {"IS-2019-001", "IS-2019-002"}),
        ({"topic": "Äldreomsorg"}, {"IS-2019-001", "IS-2020-001", "IS-2021-001"}),
        ({"topic": "Digitalisering"}, {"IS-2019-002", "IS-2020-001"}),
        ({"received_year": "2020", "topic": "Äldreomsorg"}, {"IS-2020-001"}),
        ({"received_year": "2021", "topic": "Digitalisering"}, set()),
        ({"received_year": "2021", "topic": "Äldreomsorg", "phase": "utforskas"}, {"IS-2021-001"}),
        ({"received_year": "2021", "topic": "Äldreomsorg", "phase": "testas"}, set()),
        ({"topic": "Äldreomsorg", "q": "IS-2019"}, {"IS-2019-001"}),
    ],
    ids=[
        "year 2020",
        "year 2019",
        "topic",
        "another topic",
        "year and topic",
        "year and topic, none",
        "year, topic and phase",
        "year, topic and another phase",
        "topic and search",
    ],
)
def test_the_register_filters_by_year_received_and_topic(client, register, view, query, expected):
    if "topic" in query:
        query = {**query, "topic": register[query["topic"]].pk}

    assert set(listed(client.get(reverse(view), query))) == expected


def test_a_year_without_cases_lists_none(client, register):
    """A link kept from when the year had cases lists none (not the whole register)."""
    assert listed(client.get(reverse(LIST), {"received_year": "1999"})) == []


def test_the_year_filter_offers_the_years_in_the_register_newest_first(client, register):
    response = client.get(reverse(LIST))

    assert "Inkommet år" in response.text and "Ämne" in response.text
    assert options(response, "received_year") == ["2021", "2020", "2019"]
    chosen = client.get(reverse(LIST), {"received_year": "2020"}).text
    assert re.search(r'<option value="2020"[^>]*selected', chosen)


def test_the_filters_offer_organisations_and_topics_in_swedish_order(client, register):
    response = client.get(reverse(LIST))

    assert options(response, "home_organisation") == ORGANISATIONS_IN_ORDER
    assert options(response, "topic") == TOPICS_IN_ORDER


@pytest.mark.parametrize("view", [LIST, RESULTS])
def test_the_register_sorts_titles_in_swedish_order(client, register, view):
    by_title = dict(CaseRecord.objects.values_list("title", "case_id"))
    in_order = [by_title[title] for title in TITLES_IN_ORDER]

    assert listed(client.get(reverse(view), {"ordering": "title"})) == in_order
    assert listed(client.get(reverse(view), {"ordering": "-title"})) == in_order[::-1]
    # Filtered, the order holds (the three cases on Äldreomsorg).
    filtered = {"ordering": "title", "topic": register["Äldreomsorg"].pk}
    assert listed(client.get(reverse(view), filtered)) == [
        by_title["Åtgärd"],
        by_title["Ärende"],
        by_title["öppna data"],
    ]


def test_the_register_lists_newest_first_by_default(client, register):
    ids = listed(client.get(reverse(LIST)))
    assert ids == sorted(ids, key=lambda i: CaseRecord.objects.get(case_id=i).received_date)[::-1]


@pytest.mark.django_db
def test_the_database_sorts_text_as_the_swedish_module_does():
    """The collation the listing sorts with (SQLite's own, PostgreSQL's ICU) gives the
    order of ``swedish_sort_key``: ü as y, é as e, å ä ö last."""
    names = ["Zon", "Över", "Åtgärd", "ärende", "Über", "Yxa", "Ängel", "Ed", "Éa", "Apa", "öl"]
    for name in names:
        Topic.objects.create(name=name)

    in_database = list(Topic.objects.order_by(Swedish("name")).values_list("name", flat=True))

    assert in_database == sorted(names, key=swedish_sort_key)
    assert in_database == [
        "Apa",
        "Éa",
        "Ed",
        "Über",
        "Yxa",
        "Zon",
        "Åtgärd",
        "Ängel",
        "ärende",
        "öl",
        "Över",
    ]
