"""Production: every secret, host and public URL comes from the environment, or the CMS
refuses to start."""

import os
from urllib.parse import urlsplit

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403

REQUIRED = (
    "DJANGO_SECRET_KEY",
    "DATABASE_URL",
    "ALLOWED_HOSTS",
    "WAGTAILADMIN_BASE_URL",  # the CMS's (and its API's) public URL, e.g. https://cms.example.org
    "HUB_SITE_URL",  # the static site's public URL, e.g. https://hub.example.org/
)
URLS = ("WAGTAILADMIN_BASE_URL", "HUB_SITE_URL")


def _is_absolute_http_url(value: str) -> bool:
    parts = urlsplit(value)
    return parts.scheme in ("http", "https") and bool(parts.netloc) and " " not in value


_missing = [name for name in REQUIRED if not os.environ.get(name, "").strip()]
if _missing:
    raise ImproperlyConfigured(
        "Produktionsinställningarna kräver de här miljövariablerna, som saknas: "
        + ", ".join(_missing)
    )
_not_urls = [name for name in URLS if not _is_absolute_http_url(os.environ[name].strip())]
if _not_urls:
    raise ImproperlyConfigured(
        "De här miljövariablerna måste vara absoluta http- eller https-adresser "
        "(t.ex. https://cms.example.org): "
        + ", ".join(f"{name}={os.environ[name]!r}" for name in _not_urls)
    )

DEBUG = False
SECRET_KEY = os.environ["DJANGO_SECRET_KEY"]
ALLOWED_HOSTS = [h.strip() for h in os.environ["ALLOWED_HOSTS"].split(",") if h.strip()]
CSRF_TRUSTED_ORIGINS = [f"https://{h}" for h in ALLOWED_HOSTS]

# Absolute links: the admin's and the API's (detail_url, the manifest) from the CMS's public
# URL, the site's from the static site's. Never the development defaults in base.py.
WAGTAILADMIN_BASE_URL = os.environ["WAGTAILADMIN_BASE_URL"].strip().rstrip("/")
WAGTAILAPI_BASE_URL = WAGTAILADMIN_BASE_URL
HUB_SITE_URL = os.environ["HUB_SITE_URL"].strip().rstrip("/") + "/"
CORS_ALLOWED_ORIGINS = ["{0.scheme}://{0.netloc}".format(urlsplit(HUB_SITE_URL))]

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = os.environ.get("SECURE_SSL_REDIRECT", "true").lower() != "false"
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "31536000"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
# Wagtail's live preview shows the page in a same-origin iframe, so DENY would break it.
X_FRAME_OPTIONS = "SAMEORIGIN"
SILENCED_SYSTEM_CHECKS = ["security.W019"]

# How many reverse proxies in front of the CMS append to X-Forwarded-For. The login lock-out
# (django-axes) counts failures per client address: with 0 (the default) that is
# REMOTE_ADDR, which cannot be forged; behind N proxies it is the address the outermost
# proxy saw. Never set it higher than the number of proxies really there, or a client could
# pick its own address with a forged X-Forwarded-For and guess passwords without limit.
try:
    HUB_TRUSTED_PROXIES = int(os.environ.get("HUB_TRUSTED_PROXIES", "0"))
except ValueError:
    HUB_TRUSTED_PROXIES = -1
if HUB_TRUSTED_PROXIES < 0:
    raise ImproperlyConfigured(
        "HUB_TRUSTED_PROXIES ska vara antalet omvända proxyer framför CMS:et (0, 1, 2 …), "
        f"inte {os.environ.get('HUB_TRUSTED_PROXIES')!r}"
    )

# Static files: collectstatic (a deploy step) writes hashed, compressed copies to
# STATIC_ROOT, and WhiteNoise (base.MIDDLEWARE) serves them with long cache lifetimes.
STORAGES["staticfiles"]["BACKEND"] = (  # noqa: F405
    "whitenoise.storage.CompressedManifestStaticFilesStorage"
)
