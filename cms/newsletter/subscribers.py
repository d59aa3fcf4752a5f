"""Subscribers of "Aktuellt i Idéslussen", with double opt-in.

An address signed up on the site is kept unconfirmed, with a single-use token sent to it,
until its owner confirms; an unconfirmed sign-up is deleted once its token has expired.
Only the token's hash is stored. Each confirmation is logged with its time, the version of
the form's wording the person agreed to and the page they signed up on. Unsubscribing
deletes the subscriber and its log: nothing about a former subscriber is kept. Addresses
never leave the CMS (no API exposes this model).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone

#: The wording of the sign-up form a confirmation refers to (the theme's
#: partials/subscribe.html sends it). Raise it when that wording changes.
FORM_VERSION = "2026-12"


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def normalised(address: str) -> str:
    """The address as stored: no surrounding space, the domain in lower case."""
    local, _, domain = address.strip().rpartition("@")
    return f"{local}@{domain.lower()}"


class SubscriberQuerySet(models.QuerySet):
    def confirmed(self):
        return self.filter(confirmed_at__isnull=False)

    def expired(self, now=None):
        """Unconfirmed sign-ups whose token has expired."""
        return self.filter(confirmed_at__isnull=True, token_expires__lt=now or timezone.now())


class Subscriber(models.Model):
    email = models.EmailField("E-postadress", unique=True)
    created_at = models.DateTimeField("Anmäld", auto_now_add=True)
    confirmed_at = models.DateTimeField("Bekräftad", null=True, blank=True)
    token_hash = models.CharField(max_length=64, blank=True, db_index=True)
    token_expires = models.DateTimeField(null=True, blank=True)
    #: In every e-mail's unsubscribe link and List-Unsubscribe header.
    unsubscribe_key = models.CharField(max_length=64, unique=True)
    #: Where and to which wording the person signed up, logged when they confirm.
    signup_source = models.CharField(max_length=300, blank=True)
    signup_version = models.CharField(max_length=20, blank=True)

    objects = SubscriberQuerySet.as_manager()

    class Meta:
        verbose_name = "prenumerant"
        verbose_name_plural = "prenumeranter"

    def __str__(self):
        return self.email

    @property
    def is_confirmed(self) -> bool:
        return self.confirmed_at is not None

    def new_token(self) -> str:
        """A fresh single-use confirmation token (only its hash is kept), valid for
        ``HUB_SIGNUP_TOKEN_HOURS``."""
        token = secrets.token_urlsafe(32)
        self.token_hash = token_hash(token)
        self.token_expires = timezone.now() + dt.timedelta(hours=settings.HUB_SIGNUP_TOKEN_HOURS)
        if not self.unsubscribe_key:
            self.unsubscribe_key = secrets.token_urlsafe(32)
        return token

    def confirm(self) -> None:
        """Confirmed now: the token is spent, the consent logged."""
        self.confirmed_at = timezone.now()
        self.token_hash = ""
        self.token_expires = None
        self.save(update_fields=["confirmed_at", "token_hash", "token_expires"])
        ConsentEvent.objects.create(
            subscriber=self,
            at=self.confirmed_at,
            form_version=self.signup_version,
            source=self.signup_source,
        )


class ConsentEvent(models.Model):
    """A subscriber's consent: when, to which wording of the form, from which page."""

    subscriber = models.ForeignKey(Subscriber, on_delete=models.CASCADE, related_name="consents")
    at = models.DateTimeField("Tidpunkt")
    form_version = models.CharField("Formulärets version", max_length=20)
    source = models.CharField("Anmäld från sidan", max_length=300, blank=True)

    class Meta:
        verbose_name = "samtycke"
        verbose_name_plural = "samtycken"


class SignupAttempt(models.Model):
    """One sign-up request, for the rate limits: ``key`` is a keyed hash of the client's
    address or of the e-mail address (neither is stored). Kept for a day."""

    key = models.CharField(max_length=64, db_index=True)
    at = models.DateTimeField(auto_now_add=True, db_index=True)


def attempt_key(kind: str, value: str) -> str:
    secret = settings.SECRET_KEY.encode()
    return hmac.new(secret, f"{kind}:{value}".encode(), hashlib.sha256).hexdigest()


def too_many(kind: str, value: str, limit: int, within: dt.timedelta) -> bool:
    """Record an attempt for ``kind``/``value``; whether more than ``limit`` were made
    ``within`` the last while (this one included)."""
    key = attempt_key(kind, value)
    now = timezone.now()
    SignupAttempt.objects.filter(at__lt=now - dt.timedelta(days=1)).delete()
    SignupAttempt.objects.create(key=key)
    return SignupAttempt.objects.filter(key=key, at__gte=now - within).count() > limit
