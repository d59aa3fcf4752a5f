"""The e-mail edition's place in the admin: its views, and a button on each issue."""

from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.widgets import Button

from .models import NewsletterIssuePage
from .views import EmailEditionView, email_html, send_test, send_to_subscribers


@hooks.register("register_admin_urls")
def email_edition_urls():
    return [
        path(
            "nyhetsbrev/<int:page_id>/e-post/",
            EmailEditionView.as_view(),
            name="newsletter_email_edition",
        ),
        path("nyhetsbrev/<int:page_id>/e-post/html/", email_html, name="newsletter_email_html"),
        path("nyhetsbrev/<int:page_id>/e-post/prov/", send_test, name="newsletter_email_test"),
        path(
            "nyhetsbrev/<int:page_id>/e-post/skicka/",
            send_to_subscribers,
            name="newsletter_email_send",
        ),
    ]


@hooks.register("register_page_header_buttons")
def email_edition_button(page, user, view_name, next_url=None):
    if (
        isinstance(page.specific_deferred, NewsletterIssuePage)
        and page.permissions_for_user(user).can_publish()
    ):
        yield Button(
            "E-postutgåva",
            reverse("newsletter_email_edition", args=[page.pk]),
            icon_name="mail",
            priority=75,
        )
