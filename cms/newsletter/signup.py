"""Signing up for the newsletter from the static site, confirming, and unsubscribing.

The site's form posts here across origins, without cookies, so these views take no CSRF
token: what protects them is double opt-in (nothing is sent to a confirmed address and no
one is subscribed without clicking the link sent to the address), a honeypot field, rate
limits per client and per address, and CORS limited to the site's origin
(``django-cors-headers``, ``CORS_URLS_REGEX``). Every answer is the same whether the address
was new, pending or already subscribed, so the form tells no one who subscribes. A plain
POST gets a Swedish page that links back to where the person came from; the site's script
asks for JSON and shows the same sentence in the form. No view sets a cookie.

The confirmation and unsubscribe links open a page with a button (a POST does the change),
so a mail filter that opens links does neither; a mail program's one-click unsubscribe
(RFC 8058) POSTs to the unsubscribe address directly.
"""

from __future__ import annotations

import datetime as dt
import logging

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.core.validators import validate_email
from django.db import transaction
from django.http import JsonResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST

from .email import site_url
from .subscribers import FORM_VERSION, Subscriber, normalised, token_hash, too_many

logger = logging.getLogger(__name__)

#: The answer to every accepted sign-up, whoever the address belongs to.
THANKS = (
    "Tack! Om adressen inte redan prenumererar får den strax ett e-brev med en länk. "
    "Klicka på länken för att bekräfta prenumerationen."
)
HONEYPOT = "webbplats"


def _back(request) -> str:
    """The site page the form was on (a path on the site only), else the archive."""
    source = request.POST.get("kalla", "")
    return source if source.startswith("/") and not source.startswith("//") else "/nyhetsbrev/"


def _answer(request, status: int, message: str, heading: str):
    if "application/json" in request.headers.get("Accept", ""):
        return JsonResponse({"message": message}, status=status)
    context = {"heading": heading, "message": message, "back": site_url(_back(request))}
    return render(request, "newsletter/public/answer.html", context, status=status)


def purge_expired() -> int:
    """Delete unconfirmed sign-ups whose token has expired; how many."""
    return Subscriber.objects.expired().delete()[0]


@csrf_exempt
@require_POST
def sign_up(request):
    if request.POST.get(HONEYPOT):
        return _answer(request, 200, THANKS, "Tack för din anmälan")
    raw = request.POST.get("epost", "").strip()
    try:
        validate_email(raw)
    except ValidationError:
        message = "E-postadressen saknas eller är inte giltig. Skriv den som namn@exempel.se."
        return _answer(request, 400, message, "Kontrollera e-postadressen")
    address = normalised(raw)
    client = request.META.get("REMOTE_ADDR", "")
    hour, day = dt.timedelta(hours=1), dt.timedelta(days=1)
    if too_many("client", client, settings.HUB_SIGNUP_PER_CLIENT_HOUR, hour) or too_many(
        "address", address.lower(), settings.HUB_SIGNUP_PER_ADDRESS_DAY, day
    ):
        message = "För många anmälningar på kort tid. Försök igen om en stund."
        return _answer(request, 429, message, "Försök igen senare")

    purge_expired()
    with transaction.atomic():
        subscriber = Subscriber.objects.select_for_update().filter(email__iexact=address).first()
        if subscriber is not None and subscriber.is_confirmed:
            return _answer(request, 200, THANKS, "Tack för din anmälan")
        subscriber = subscriber or Subscriber(email=address)
        token = subscriber.new_token()
        subscriber.signup_source = _back(request)[:300]
        subscriber.signup_version = request.POST.get("version", FORM_VERSION)[:20]
        subscriber.save()
    try:
        _send_confirmation(subscriber, token)  # once the sign-up is stored
    except OSError:  # SMTP refused or unreachable (smtplib's errors are OSErrors)
        logger.exception("Bekräftelsen till en ny prenumerant kunde inte skickas")
        message = "Vi kunde inte skicka e-brevet just nu. Försök igen om en stund."
        return _answer(request, 503, message, "Försök igen senare")
    return _answer(request, 200, THANKS, "Tack för din anmälan")


def _send_confirmation(subscriber: Subscriber, token: str) -> None:
    link = request_url(reverse("newsletter_confirm", args=[token]))
    context = {"link": link, "hours": settings.HUB_SIGNUP_TOKEN_HOURS, "site": site_url("/")}
    send_mail(
        "Bekräfta din prenumeration på Aktuellt i Idéslussen",
        render_to_string("newsletter/public/confirm_email.txt", context),
        None,
        [subscriber.email],
    )


def request_url(path: str) -> str:
    """An absolute URL on the CMS (its public address, ``WAGTAILADMIN_BASE_URL``)."""
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


@csrf_exempt
@require_http_methods(["GET", "POST"])
def confirm(request, token: str):
    now = timezone.now()
    subscriber = Subscriber.objects.filter(token_hash=token_hash(token)).first()
    if subscriber is None or subscriber.token_expires is None or subscriber.token_expires < now:
        context = {"signup": site_url("/nyhetsbrev/")}
        return render(request, "newsletter/public/link_expired.html", context, status=410)
    if request.method == "GET":
        return render(request, "newsletter/public/confirm.html", {"email": subscriber.email})
    subscriber.confirm()
    context = {"heading": "Prenumerationen är bekräftad", "back": site_url("/nyhetsbrev/")}
    context["message"] = (
        f"{subscriber.email} får nu Aktuellt i Idéslussen en gång i månaden. Varje nummer har "
        "en länk för att avsluta prenumerationen."
    )
    return render(request, "newsletter/public/answer.html", context)


@csrf_exempt
@require_http_methods(["GET", "POST"])
def unsubscribe(request, key: str):
    subscriber = Subscriber.objects.filter(unsubscribe_key=key).first()
    back = site_url("/nyhetsbrev/")
    if request.method == "GET" and subscriber is not None:
        return render(request, "newsletter/public/unsubscribe.html", {"email": subscriber.email})
    if subscriber is not None:
        subscriber.delete()
    # Done, or done before: the same answer either way.
    context = {"heading": "Prenumerationen är avslutad", "back": back}
    context["message"] = (
        "Du får inte fler nummer av Aktuellt i Idéslussen, och din adress är borttagen. "
        "Alla nummer finns kvar i arkivet på webbplatsen."
    )
    return render(request, "newsletter/public/answer.html", context)
