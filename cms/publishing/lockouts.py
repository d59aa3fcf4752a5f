"""Login lock-outs (django-axes): the page a locked-out person sees, the client address
axes counts failures by, and the admin view where a Kommunikatör lifts a lock-out.

The settings (base.py) lock a username from one address after AXES_FAILURE_LIMIT failures
for AXES_COOLOFF_TIME. The failures are axes' ``AccessAttempt`` rows, one per username,
address and browser; a lock-out is their sum for one username and address.
"""

from __future__ import annotations

import ipaddress
import logging
from dataclasses import dataclass

from axes.helpers import get_client_username, get_cool_off, get_failure_limit
from axes.models import AccessAttempt
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import BadRequest, PermissionDenied
from django.db.models import Max, Sum
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from swedish import swedish_date

log = logging.getLogger(__name__)

#: The group whose members may lift lock-outs (besides superusers); see migration 0002.
COMMUNICATORS = "Kommunikatörer"


def client_address(request) -> str | None:
    """The address a login attempt came from (AXES_CLIENT_IP_CALLABLE).

    REMOTE_ADDR, unless settings.HUB_TRUSTED_PROXIES reverse proxies stand in front of the
    CMS: each appends the address it was reached from to X-Forwarded-For, so the client is
    the entry that many places from the end. Entries before it were sent by the client and
    are never trusted. A header shorter than that (a request that bypassed the proxies) or
    an entry that is not an address falls back to REMOTE_ADDR.
    """
    remote = request.META.get("REMOTE_ADDR") or None
    proxies = settings.HUB_TRUSTED_PROXIES
    if proxies <= 0:
        return remote
    forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    forwarded = [part for part in forwarded if part]
    if len(forwarded) < proxies:
        return remote
    try:
        return str(ipaddress.ip_address(forwarded[-proxies]))
    except ValueError:
        return remote


def _swedish_time(moment) -> str:
    """``"kl. 14.32"``, with the date in front when it is not today."""
    local = timezone.localtime(moment)
    text = f"kl. {local:%H.%M}"
    if local.date() != timezone.localdate():
        text = f"{swedish_date(local.date())} {text}"
    return text


def lockout_response(request, original_response=None, credentials=None):
    """The Swedish page for a login refused by a lock-out (AXES_LOCKOUT_CALLABLE)."""
    cool_off = get_cool_off(request)
    # Every failure, also during the lock-out, restarts the cool-off from its own time.
    attempted = getattr(request, "axes_attempt_time", None) or timezone.now()
    minutes = int(cool_off.total_seconds() // 60)
    context = {
        "username": get_client_username(request, credentials) or "",
        "failure_limit": get_failure_limit(request, credentials),
        "minutes": minutes,
        "until": attempted + cool_off,
        "until_text": _swedish_time(attempted + cool_off),
        "login_url": reverse("wagtailadmin_login"),
    }
    return render(
        request, "publishing/lockout.html", context, status=settings.AXES_HTTP_RESPONSE_CODE
    )


def may_manage_lockouts(user) -> bool:
    """Superusers and Kommunikatörer lift lock-outs; nobody else sees them."""
    if not (user.is_authenticated and user.is_active):
        return False
    return user.is_superuser or user.groups.filter(name=COMMUNICATORS).exists()


@dataclass(frozen=True)
class Lockout:
    username: str | None
    ip_address: str | None
    failures: int
    last_attempt: object  # datetime
    until: object  # datetime

    @property
    def last_attempt_text(self) -> str:
        return _swedish_time(self.last_attempt)

    @property
    def until_text(self) -> str:
        return _swedish_time(self.until)


def current_lockouts() -> list[Lockout]:
    """Every username and address locked out now, most recent first."""
    cool_off = get_cool_off()
    rows = (
        AccessAttempt.objects.filter(attempt_time__gte=timezone.now() - cool_off)
        .values("username", "ip_address")
        .annotate(failures=Sum("failures_since_start"), last_attempt=Max("attempt_time"))
        .filter(failures__gte=settings.AXES_FAILURE_LIMIT)
        .order_by("-last_attempt")
    )
    return [
        Lockout(
            username=row["username"],
            ip_address=row["ip_address"],
            failures=row["failures"],
            last_attempt=row["last_attempt"],
            until=row["last_attempt"] + cool_off,
        )
        for row in rows
    ]


def _address_or_none(value: str) -> str | None:
    """An address from the unlock form; an empty one stands for a missing address."""
    if not value:
        return None
    try:
        return str(ipaddress.ip_address(value))
    except ValueError as error:
        raise BadRequest(f"Ogiltig adress i formuläret: {value!r}") from error


class LockoutsView(WagtailAdminTemplateMixin, TemplateView):
    """Inställningar → Spärrade inloggningar: the lock-outs now, and "Lås upp" for each."""

    template_name = "publishing/lockouts.html"
    page_title = "Spärrade inloggningar"
    header_icon = "lock"

    def dispatch(self, request, *args, **kwargs):
        if not may_manage_lockouts(request.user):
            raise PermissionDenied("Bara kommunikatörer kan se och häva spärrade inloggningar.")
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [{"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["lockouts"] = current_lockouts()
        context["failure_limit"] = settings.AXES_FAILURE_LIMIT
        context["minutes"] = int(get_cool_off().total_seconds() // 60)
        return context

    def post(self, request, *args, **kwargs):
        username = request.POST.get("username") or None
        ip_address = _address_or_none(request.POST.get("ip_address", ""))
        # Exactly this username from exactly this address; None matches a missing value.
        attempts = AccessAttempt.objects.filter(
            **({"username": username} if username is not None else {"username__isnull": True}),
            **(
                {"ip_address": ip_address}
                if ip_address is not None
                else {"ip_address__isnull": True}
            ),
        )
        count, _ = attempts.delete()
        who = username or "(inget användarnamn)"
        where = ip_address or "okänd adress"
        if count:
            log.warning(
                "Lock-out lifted by %s: username %r from %s", request.user, username, ip_address
            )
            messages.success(request, f"Spärren för {who} från {where} är hävd.")
        else:
            messages.warning(
                request,
                f"Det fanns ingen spärr för {who} från {where} (redan hävd eller utgången).",
            )
        return redirect("publishing_lockouts")
