"""Property-based fuzzing: whatever a client sends, the API answers 200, 400 or 404 with
a JSON body, never a 5xx.

The REST framework endpoints are fuzzed from their own OpenAPI schema (``/api/schema/``):
every parameter it declares gets values of its declared type and enum as well as arbitrary
text, and an unknown parameter is sometimes added. The Wagtail endpoints, which are not in
the schema, are fuzzed from their documented parameters.
"""

import datetime as dt
import json
from urllib.parse import quote, urlencode

import pytest
from casedata import make_case
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cms.core.models import Topic

FUZZ = settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

junk = st.text(st.characters(exclude_categories=("Cs",)), max_size=24)
numbers = st.one_of(
    st.integers(min_value=-5, max_value=2000), st.integers(), st.just(2**63), st.just(-(2**63))
)
dates = st.dates(dt.date(1900, 1, 1), dt.date(9998, 12, 31)).map(lambda d: d.isoformat())
times = st.datetimes(dt.datetime(1900, 1, 1), dt.datetime(9998, 12, 31)).map(
    lambda d: d.isoformat()
)


def mostly(valid, weight=3):
    """``valid`` values ``weight`` times out of ``weight + 1``, arbitrary text otherwise."""
    return st.integers(0, weight).flatmap(lambda i: junk if i == 0 else valid)


def value_strategy(schema: dict):
    """Values for one parameter: mostly what the schema declares, sometimes anything."""
    kind = schema.get("type")
    if kind == "array":
        return st.lists(value_strategy(schema["items"]), max_size=3)
    if "enum" in schema:
        valid = st.sampled_from(schema["enum"])
    elif kind == "integer":
        low, high = schema.get("minimum", -5), schema.get("maximum", 2100)
        in_range = st.integers(low, high)
        valid = st.integers(0, 4).flatmap(lambda i: numbers if i == 0 else in_range).map(str)
    elif schema.get("format") == "date":
        valid = dates
    else:
        valid = st.one_of(
            times, dates, st.sampled_from(["demens", "vard-och-omsorgsforvaltningen"])
        )
    return mostly(valid)


def operations(client):
    schema = json.loads(client.get("/api/schema/?format=json").content)
    found = []
    for path, methods in schema["paths"].items():
        parameters = methods["get"].get("parameters", [])
        found.append((path, parameters))
    return found


@st.composite
def requests(draw, operations):
    path, parameters = draw(st.sampled_from(operations))
    query = []
    for parameter in parameters:
        strategy = value_strategy(parameter["schema"])
        if parameter["in"] == "path":
            value = draw(mostly(st.sampled_from(["IS-2019-001", "IS-2019-002"])))
            path = path.replace("{" + parameter["name"] + "}", quote(value or "x", safe=""))
        elif draw(st.integers(0, 2)) == 0:
            value = draw(strategy)
            values = value if isinstance(value, list) else [value]
            query.extend((parameter["name"], v) for v in values)
    if draw(st.integers(0, 9)) == 0:
        query.append((draw(st.text("abcxyz_", min_size=1, max_size=8)), draw(junk)))
    return f"{path}?{urlencode(query)}" if query else path


def assert_answered(client, url):
    response = client.get(url)
    assert response.status_code in (200, 400, 404), (url, response.status_code)
    body = json.loads(response.content)
    if response.status_code == 400:
        assert body["errors"], url


@pytest.fixture
def register(db, organisation, communicator):
    Topic.objects.create(name="Demens")
    make_case(organisation, case_id="IS-2019-001", title="Ett", publication_level="publik")
    make_case(organisation, case_id="IS-2019-002", title="Två", publication_level="intern")


@pytest.mark.slow
@pytest.mark.postgres
def test_rest_endpoints_never_fail_on_any_input(client, register):
    ops = operations(client)
    assert len(ops) == 7  # every REST endpoint in the schema, /api/v2/stats/years/ included

    @FUZZ
    @given(url=requests(ops))
    def check(url):
        assert_answered(client, url)

    check()


page_ids = st.one_of(st.integers(1, 12), numbers).map(str)
WAGTAIL_PARAMETERS = {
    "limit": mostly(st.one_of(st.integers(1, 500), numbers).map(str)),
    "offset": mostly(st.one_of(st.integers(0, 20), numbers).map(str)),
    "type": mostly(st.sampled_from(["core.StandardPage", "core.HomePage", "core.Nothing"])),
    "fields": mostly(st.sampled_from(["*", "title,body", "-title", "_,id", "body(x)"])),
    "order": mostly(st.sampled_from(["title", "-id", "slug,title", "-last_published_at"])),
    "child_of": mostly(st.one_of(page_ids, st.just("root"))),
    "descendant_of": mostly(st.one_of(page_ids, st.just("root"))),
    "ancestor_of": mostly(page_ids),
    "published_since": mostly(st.one_of(times, dates)),
    "slug": mostly(st.sampled_from(["home", "inspiration", "sida"])),
    "title": junk,
    "show_in_menus": mostly(st.sampled_from(["true", "false", "1"])),
    "first_published_at": mostly(times),
}


@pytest.mark.slow
@pytest.mark.postgres
def test_wagtail_endpoints_never_fail_on_any_input(client, home):
    @FUZZ
    @given(
        endpoint=st.sampled_from(["pages", "images", "documents"]),
        detail=st.integers(0, 4).flatmap(lambda i: numbers if i == 0 else st.none()),
        params=st.dictionaries(
            st.sampled_from(sorted(WAGTAIL_PARAMETERS)), st.just(None), max_size=4
        ).flatmap(lambda keys: st.fixed_dictionaries({k: WAGTAIL_PARAMETERS[k] for k in keys})),
    )
    def check(endpoint, detail, params):
        path = f"/api/v2/{endpoint}/" + (f"{detail}/" if detail is not None else "")
        assert_answered(client, f"{path}?{urlencode(params)}" if params else path)

    check()
