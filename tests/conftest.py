"""Shared fixtures: the real database (SQLite, or PostgreSQL when DATABASE_URL is set),
with the site tree and editorial groups that the migrations create; users in those groups
and signing them in through the login form."""

import os

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

# Playwright's sync API keeps an event loop running in the test's thread, and Django then
# refuses database calls from that thread (the test database fixtures included). Tests only.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

PASSWORD = "test-password-123"
LOGIN = "/admin/login/"


def make_user(username, group=None, **extra):
    User = get_user_model()
    user = User.objects.create_user(
        username=username,
        email=f"{username}@example.org",
        password=PASSWORD,
        first_name=username.capitalize(),
        **extra,
    )
    if group:
        user.groups.add(Group.objects.get(name=group))
    return user


def log_in(client, username, password, address="127.0.0.1"):
    return client.post(LOGIN, {"username": username, "password": password}, REMOTE_ADDR=address)


def fail(client, username, times, address="127.0.0.1"):
    """Sign in with a wrong password ``times`` times (django-axes counts each); the statuses."""
    return [log_in(client, username, "fel-lösenord", address).status_code for _ in range(times)]


@pytest.fixture
def communicator(db):
    return make_user("kommunikator", "Kommunikatörer")


@pytest.fixture
def coach(db):
    return make_user("idecoach", "Idécoacher")


@pytest.fixture
def superuser(db):
    return make_user("admin", is_superuser=True, is_staff=True)


@pytest.fixture
def home(db):
    from cms.core.models import HomePage

    return HomePage.objects.get()


@pytest.fixture
def organisation(db):
    from cms.core.models import Organisation

    return Organisation.objects.create(
        name="Vård- och omsorgsförvaltningen", type=Organisation.Type.FORVALTNING
    )


# The demo sites built once per session for the site checks and the search tests, and the
# browser that reads them (see tests/sitefixture.py).
from sitefixture import browser, built_site, page, search_site  # noqa: E402, F401


@pytest.fixture(scope="session")
def demo_hub(tmp_path_factory):
    """The demo running as in production, CMS included (tests/livehub.py), started once for
    every module that needs it: each module's tests leave what they add."""
    from livehub import start_hub

    yield from start_hub(tmp_path_factory.mktemp("demo-hub"), demo=True, cms=True)
