"""Local development: DEBUG on, a key that is only ever used on a developer's machine."""

import os

from .base import *  # noqa: F403

DEBUG = True
HUB_SERVE_MEDIA = True  # the in-process build step reads /media/ over HTTP
# Dev only: never used by production settings, which refuse to start without a real key.
SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "dev-only-insecure-key-not-for-production")
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "testserver", "[::1]"]
if not os.environ.get("EMAIL_HOST"):  # mail is printed, unless a server is named
    EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
# The demo logins (passwords in the README) are for a developer's machine only.
HUB_DEMO_ALLOWED = True
