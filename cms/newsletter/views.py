"""The e-mail edition in the admin: a communicator previews it and sends a test to their own
address (``cms.newsletter.email`` makes it). Both need the right to publish the issue."""

from urllib.parse import urlsplit

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.views.decorators.http import require_POST
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from .email import message, render_edition
from .models import NewsletterIssuePage
from .sending import progress, start_send
from .subscribers import Subscriber


def _issue_draft(request, page_id: int) -> NewsletterIssuePage:
    """The issue as last saved (a draft too), if the user may publish it."""
    page = get_object_or_404(NewsletterIssuePage, pk=page_id)
    if not page.permissions_for_user(request.user).can_publish():
        raise PermissionDenied
    return page.get_latest_revision_as_object()


class EmailEditionView(WagtailAdminTemplateMixin, TemplateView):
    """The edition's plain text, a link to its HTML, and the test send."""

    template_name = "newsletter/admin/email_edition.html"
    header_icon = "mail"

    def dispatch(self, request, page_id):
        self.issue = _issue_draft(request, page_id)
        return super().dispatch(request, page_id)

    def get_page_title(self):
        return f"E-postutgåva: {self.issue.display_title}"

    def get_breadcrumbs_items(self):
        return [
            {"url": reverse("wagtailadmin_pages:edit", args=[self.issue.pk]),
             "label": self.issue.title},
            {"url": "", "label": f"E-postutgåva: {self.issue.display_title}"},
        ]  # fmt: skip

    def get_context_data(self, **kwargs):
        edition = render_edition(self.issue)
        live = NewsletterIssuePage.objects.live().filter(pk=self.issue.pk).exists()
        return super().get_context_data(
            issue=self.issue,
            edition=edition,
            to=self.request.user.email,
            live=live,
            subscribers=Subscriber.objects.confirmed().count(),
            progress=progress(self.issue),
            **kwargs,
        )


def email_html(request, page_id: int) -> HttpResponse:
    """The edition's HTML as a mail program shows it. Its styles are inline, which the
    admin's policy forbids, so it gets a policy of its own: no script at all, images only
    from the site."""
    edition = render_edition(_issue_draft(request, page_id))
    response = HttpResponse(edition.html)
    site = urlsplit(settings.HUB_SITE_URL)
    response["Content-Security-Policy"] = (
        "default-src 'none'; style-src 'unsafe-inline'; "
        f"img-src {site.scheme}://{site.netloc}; base-uri 'none'; form-action 'none'; "
        "frame-ancestors 'self'"
    )
    return response


@require_POST
def send_test(request, page_id: int):
    """Send the edition to the signed-in user's own address, and nowhere else."""
    issue = _issue_draft(request, page_id)
    back = reverse("newsletter_email_edition", args=[issue.pk])
    if not request.user.email:
        messages.error(request, "Ditt konto saknar e-postadress. Lägg till den under Konto.")
        return redirect(back)
    edition = render_edition(issue)
    message(edition, request.user.email).send()
    messages.success(request, f"Ett provutskick skickades till {request.user.email}.")
    return redirect(back)


@require_POST
def send_to_subscribers(request, page_id: int):
    """Queue the published issue for every confirmed subscriber who has not had it."""
    issue = _issue_draft(request, page_id)
    back = reverse("newsletter_email_edition", args=[issue.pk])
    published = NewsletterIssuePage.objects.live().filter(pk=issue.pk).first()
    if published is None:
        messages.error(request, "Publicera numret innan det skickas till prenumeranterna.")
        return redirect(back)
    added = start_send(published)
    if added:
        messages.success(request, f"{added} utskick köades. Sidan visar hur långt det har kommit.")
    else:
        messages.info(request, "Alla bekräftade prenumeranter har redan fått eller får numret.")
    return redirect(back)
