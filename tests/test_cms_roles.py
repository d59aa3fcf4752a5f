"""Editorial roles, proven through the real Wagtail admin over HTTP.

Kommunikatörer may do everything; Idécoacher publish good examples and inspiration and may
only look at the case register.
"""

import datetime as dt

import pytest
from casedata import case_form_data, make_case
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import Page
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from cms.articles.models import InspirationArticlePage, InspirationIndexPage
from cms.cases.models import CaseRecord, CaseStoryIndexPage, CaseStoryPage
from cms.newsletter.models import NewsletterIndexPage, NewsletterIssuePage
from cms.programme.models import ProgrammeIndexPage, ProgrammePage


def denied_url(url):
    return url.rstrip("/").endswith("/admin")


def denied(response):
    """Wagtail answers a refused admin request with 403, or a redirect to the dashboard."""
    return response.status_code == 403 or (
        response.status_code == 302 and response.url.rstrip("/").endswith("/admin")
    )


def story_data(case, title="Så hittade vi demens tidigare"):
    return nested_form_data(
        {
            "title": title,
            "slug": "",
            "case": str(case.pk),
            "byline": "Idécoach",
            "body": streamfield([("rich_text", rich_text("<p>Berättelsen.</p>"))]),
            "action-publish": "publish",
        }
    )


def issue_data(number=1):
    return nested_form_data(
        {
            "title": f"Aktuellt i Idéslussen – nummer {number}",
            "slug": "",
            "issue_date": "2020-10-20",
            "issue_number": str(number),
            "intro": "",
            "body": streamfield(
                [
                    (
                        "section",
                        {
                            "heading": "Nytt case",
                            "text": rich_text("<p>Text</p>"),
                            "image": {"image": "", "alt_text": "", "caption": ""},
                            "cases": {"count": "0"},
                            "pages": {"count": "0"},
                        },
                    )
                ]
            ),
            "action-publish": "publish",
        }
    )


def programme_data():
    return nested_form_data(
        {
            "title": "Innovationsprogrammet 2021",
            "slug": "",
            "year": "2021",
            "cohort_name": "",
            "participant_count": "30",
            "days": "10",
            "partner": "",
            "body": streamfield([]),
            "sessions": inline_formset(
                [{"date": "2021-02-01", "title": "Start", "topic": "", "description": ""}]
            ),
            "action-publish": "publish",
        }
    )


@pytest.mark.django_db
def test_only_the_two_roles_exist():
    assert set(Group.objects.values_list("name", flat=True)) == {"Kommunikatörer", "Idécoacher"}


# Coach -------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_coach_can_only_view_case_records(client, coach, communicator, organisation):
    case = make_case(organisation, publish_as=communicator)
    policy = ModelPermissionPolicy(CaseRecord)
    for action in ("add", "change", "delete", "publish", "lock"):
        assert not policy.user_has_permission(coach, action), action
    assert policy.user_has_permission(coach, "view")

    client.force_login(coach)
    assert client.get(reverse("wagtailsnippets_cases_caserecord:list")).status_code == 200
    edit_url = reverse("wagtailsnippets_cases_caserecord:edit", args=[case.pk])
    assert denied(client.get(edit_url))
    response = client.post(
        edit_url,
        case_form_data(
            organisation,
            case_id=case.case_id,
            title="Ändrad av coach",
            **{"action-publish": "publish"},
        ),
    )
    assert denied(response)
    assert denied(client.post(reverse("wagtailsnippets_cases_caserecord:delete", args=[case.pk])))
    assert denied(
        client.post(reverse("wagtailsnippets_cases_caserecord:add"), case_form_data(organisation))
    )
    case.refresh_from_db()
    assert case.title == "Tidigare upptäckt av demens"
    assert CaseRecord.objects.count() == 1
    assert case.revisions.count() == 1


@pytest.mark.django_db
def test_coach_can_write_and_publish_a_story(client, coach, communicator, organisation):
    case = make_case(organisation, publish_as=communicator)
    index = CaseStoryIndexPage.objects.get()
    client.force_login(coach)
    url = reverse("wagtailadmin_pages:add", args=("cases", "casestorypage", index.pk))
    response = client.post(url, story_data(case))
    assert response.status_code == 302
    story = CaseStoryPage.objects.get()
    assert story.live and story.case == case and story.owner == coach
    assert story.slug == "sa-hittade-vi-demens-tidigare"


@pytest.mark.django_db
def test_coach_can_publish_inspiration(client, coach):
    index = InspirationIndexPage.objects.get()
    client.force_login(coach)
    url = reverse("wagtailadmin_pages:add", args=("articles", "inspirationarticlepage", index.pk))
    response = client.post(
        url,
        nested_form_data(
            {
                "title": "Fem myter om innovation",
                "slug": "",
                "published_date": "2020-05-01",
                "byline": "",
                "body": streamfield([("rich_text", rich_text("<p>Myter.</p>"))]),
                "action-publish": "publish",
            }
        ),
    )
    assert response.status_code == 302
    assert InspirationArticlePage.objects.get().live


@pytest.mark.django_db
def test_coach_cannot_publish_newsletter_programme_or_fixed_pages(client, coach, home):
    client.force_login(coach)
    newsletter = NewsletterIndexPage.objects.get()
    programme = ProgrammeIndexPage.objects.get()
    attempts = [
        (("newsletter", "newsletterissuepage", newsletter.pk), issue_data()),
        (("programme", "programmepage", programme.pk), programme_data()),
        (
            ("core", "standardpage", home.pk),
            nested_form_data(
                {
                    "title": "Om oss",
                    "slug": "",
                    "body": streamfield([]),
                    "action-publish": "publish",
                }
            ),
        ),
    ]
    for args, data in attempts:
        url = reverse("wagtailadmin_pages:add", args=args)
        assert denied(client.get(url)), args
        assert denied(client.post(url, data)), args
    assert not NewsletterIssuePage.objects.exists()
    assert not ProgrammePage.objects.exists()
    assert Page.objects.filter(depth=3).count() == 4
    assert not home.permissions_for_user(coach).can_edit()
    assert not newsletter.permissions_for_user(coach).can_publish()


@pytest.mark.django_db
def test_coach_cannot_change_site_settings(client, coach):
    client.force_login(coach)
    response = client.get(
        reverse("wagtailsettings:edit", args=["core", "hubsettings"]), follow=True
    )
    assert "Funktionsadress" not in response.content.decode()
    assert response.redirect_chain and denied_url(response.redirect_chain[-1][0])


# Communicator ------------------------------------------------------------------------------


@pytest.mark.django_db
def test_communicator_curates_case_records(client, communicator, organisation):
    client.force_login(communicator)
    response = client.post(
        reverse("wagtailsnippets_cases_caserecord:add"),
        case_form_data(organisation, **{"action-publish": "publish"}),
    )
    assert response.status_code == 302, response.context["form"].errors
    case = CaseRecord.objects.get()
    assert case.live and case.slug == "digitala-nycklar-i-hemtjansten"
    assert [h.phase for h in case.phase_history.all()] == ["inkommen", "testas"]

    edit_url = reverse("wagtailsnippets_cases_caserecord:edit", args=[case.pk])
    response = client.post(
        edit_url,
        case_form_data(
            organisation,
            phase="avslutad",
            outcome="larande",
            phase_history=inline_formset(
                [
                    {"id": str(h.pk), "phase": h.phase, "date": h.date.isoformat(), "note": ""}
                    for h in case.phase_history.all()
                ]
                + [{"phase": "avslutad", "date": "2020-09-01", "note": "Klart"}],
                initial=2,
            ),
            **{"action-publish": "publish"},
        ),
    )
    assert response.status_code == 302, response.context["form"].errors
    case.refresh_from_db()
    assert case.phase == "avslutad" and case.outcome == "larande"
    assert case.phase_on(dt.date(2020, 9, 2)) == "avslutad"
    assert case.revisions.count() == 2

    response = client.post(reverse("wagtailsnippets_cases_caserecord:delete", args=[case.pk]))
    assert response.status_code == 302
    assert not CaseRecord.objects.exists()


@pytest.mark.django_db
def test_communicator_publishes_every_page_type(client, communicator, organisation, home):
    case = make_case(organisation, publish_as=communicator)
    client.force_login(communicator)
    attempts = [
        (("newsletter", "newsletterissuepage", NewsletterIndexPage.objects.get().pk), issue_data()),
        (("programme", "programmepage", ProgrammeIndexPage.objects.get().pk), programme_data()),
        (("cases", "casestorypage", CaseStoryIndexPage.objects.get().pk), story_data(case)),
        (
            ("core", "standardpage", home.pk),
            nested_form_data(
                {
                    "title": "Tillgänglighetsredogörelse",
                    "slug": "",
                    "body": streamfield([("rich_text", rich_text("<p>Text</p>"))]),
                    "action-publish": "publish",
                }
            ),
        ),
    ]
    for args, data in attempts:
        response = client.post(reverse("wagtailadmin_pages:add", args=args), data)
        assert response.status_code == 302, (args, response.context["form"].errors)
    assert NewsletterIssuePage.objects.get().live
    assert ProgrammePage.objects.get().sessions.count() == 1
    assert CaseStoryPage.objects.get().live
    assert home.get_children().get(slug="tillganglighetsredogorelse").live
    response = client.get(
        reverse("wagtailsettings:edit", args=["core", "hubsettings"]), follow=True
    )
    assert response.status_code == 200
    assert response.redirect_chain[-1][0].startswith("/admin/settings/core/hubsettings/")
    assert "Funktionsadress" in response.content.decode()
