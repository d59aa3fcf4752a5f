"""Bad input gets a 400 whose JSON body names the parameter; writes get a 405; nothing is
a 500."""

import json

import pytest
from api_factories import get_json

BAD_REQUESTS = [
    # Wagtail endpoints
    ("/api/v2/pages/?colour=red", "colour"),
    ("/api/v2/pages/?limit=501", "limit"),
    ("/api/v2/pages/?limit=0", "limit"),
    ("/api/v2/pages/?limit=ten", "limit"),
    ("/api/v2/pages/?offset=-1", "offset"),
    ("/api/v2/pages/?offset=99999999999999999999", "offset"),
    ("/api/v2/pages/?published_since=yesterday", "published_since"),
    ("/api/v2/pages/?published_since=2024-02-30", "published_since"),
    ("/api/v2/pages/?published_since=0001-01-01", "published_since"),
    ("/api/v2/pages/?type=core.Nothing", "type"),
    ("/api/v2/pages/?type=core.HomePage,core.StandardPage", "type"),
    ("/api/v2/pages/?fields=nonsense", "fields"),
    ("/api/v2/pages/?fields=title(x", "fields"),
    ("/api/v2/pages/?order=body", "order"),
    ("/api/v2/pages/?order=random", "order"),
    ("/api/v2/pages/?child_of=abc", "child_of"),
    ("/api/v2/pages/?child_of=99999999999999999999999", "child_of"),
    ("/api/v2/pages/?descendant_of=424242", "descendant_of"),
    ("/api/v2/pages/?ancestor_of=root", "ancestor_of"),
    ("/api/v2/pages/?child_of=root&descendant_of=root", "descendant_of"),
    ("/api/v2/pages/?show_in_menus=perhaps", "show_in_menus"),
    ("/api/v2/pages/?last_published_at=soon", "last_published_at"),
    (
        "/api/v2/pages/?type=articles.InspirationArticlePage&published_date=2020-13-01",
        "published_date",
    ),
    ("/api/v2/pages/?type=programme.ProgrammePage&year=99999999999999999999", "year"),
    ("/api/v2/pages/?slug=%00", "slug"),
    ("/api/v2/pages/?path=000100010001", "path"),
    ("/api/v2/pages/?order=path", "order"),
    ("/api/v2/pages/?search=idé", "search"),
    ("/api/v2/pages/?rich_text_format=db_html", "rich_text_format"),
    ("/api/v2/pages/?format=api", "format"),
    ("/api/v2/pages/1/?type=core.HomePage", "type"),
    ("/api/v2/pages/find/?id=abc", "id"),
    ("/api/v2/images/?limit=100000", "limit"),
    ("/api/v2/images/?width=wide", "width"),
    ("/api/v2/documents/?tags=x", "tags"),
    # REST framework endpoints
    ("/api/v2/cases/?colour=red", "colour"),
    ("/api/v2/cases/?limit=1001", "limit"),
    ("/api/v2/cases/?limit=-5", "limit"),
    ("/api/v2/cases/?offset=x", "offset"),
    ("/api/v2/cases/?phase=paused", "phase"),
    ("/api/v2/cases/?outcome=lyckat", "outcome"),
    ("/api/v2/cases/?organisation=finns-inte", "organisation"),
    ("/api/v2/cases/?topic=finns-inte", "topic"),
    ("/api/v2/cases/?sdg=18", "sdg"),
    ("/api/v2/cases/?sdg=tre", "sdg"),
    ("/api/v2/cases/?year=19", "year"),
    ("/api/v2/cases/?year=twenty", "year"),
    ("/api/v2/cases/?changed_since=igår", "changed_since"),
    ("/api/v2/cases/?changed_since=2024-01-01T25:00", "changed_since"),
    ("/api/v2/cases/IS-2019-001/?phase=testas", "phase"),
    ("/api/v2/stats/?as_of=2019-02-30", "as_of"),
    ("/api/v2/stats/?as_of=31/12/2019", "as_of"),
    ("/api/v2/stats/?since=2019-01-01", "since"),
    ("/api/v2/stats/years/?as_of=2019-13-01", "as_of"),
    ("/api/v2/stats/years/?year=2019", "year"),
    ("/api/v2/taxonomies/?lang=en", "lang"),
    ("/api/v2/manifest/?since=2020-01-01", "since"),
]


@pytest.mark.parametrize(("url", "parameter"), BAD_REQUESTS)
def test_bad_parameters_are_400_naming_the_parameter(client, db, url, parameter):
    data = get_json(client, url, status=400)
    assert parameter in data["errors"], data
    assert parameter in data["message"]


WRITE_METHODS = ["post", "put", "patch", "delete"]
ENDPOINTS = [
    "/api/v2/pages/",
    "/api/v2/pages/3/",
    "/api/v2/images/",
    "/api/v2/documents/",
    "/api/v2/cases/",
    "/api/v2/cases/IS-2019-001/",
    "/api/v2/taxonomies/",
    "/api/v2/stats/",
    "/api/v2/stats/years/",
    "/api/v2/site/",
    "/api/v2/manifest/",
]


@pytest.mark.parametrize("url", ENDPOINTS)
@pytest.mark.parametrize("method", WRITE_METHODS)
def test_writes_are_not_allowed(client, superuser, url, method):
    """Even for a logged-in superuser: the API is read-only for everybody."""
    client.force_login(superuser)
    response = getattr(client, method)(url, data="{}", content_type="application/json")
    assert response.status_code == 405, (method, url, response.content[:200])
    assert "message" in response.json()


@pytest.mark.parametrize(
    "url",
    [
        "/api/v2/pages/99999999999999999999999/",
        "/api/v2/pages/0/",
        "/api/v2/images/99999999999999999999999/",
        "/api/v2/documents/424242/",
        "/api/v2/cases/IS-1999-999/",
        "/api/v2/cases/no%00such/",
        "/api/v2/cases/x/",
        "/api/v2/nothing/",
        "/api/v3/pages/",
    ],
)
def test_unknown_objects_are_json_404(client, db, url):
    data = get_json(client, url, status=404)
    assert data["message"]


def test_schema_describes_the_rest_endpoints(client, db):
    response = client.get("/api/schema/?format=json")
    assert response.status_code == 200
    schema = json.loads(response.content)
    assert schema["openapi"].startswith("3.")
    assert set(schema["paths"]) == {
        "/api/v2/cases/",
        "/api/v2/cases/{case_id}/",
        "/api/v2/taxonomies/",
        "/api/v2/stats/",
        "/api/v2/stats/years/",
        "/api/v2/site/",
        "/api/v2/manifest/",
    }
    params = {p["name"] for p in schema["paths"]["/api/v2/cases/"]["get"]["parameters"]}
    assert params == {
        "phase",
        "outcome",
        "organisation",
        "topic",
        "sdg",
        "year",
        "changed_since",
        "limit",
        "offset",
    }
