"""Test settings: fast hashing, in-memory e-mail, media in a throwaway folder."""

import os
import tempfile
from pathlib import Path

from .base import *  # noqa: F403

DEBUG = False
HUB_SERVE_MEDIA = True  # the in-process build step reads /media/ over HTTP
SECRET_KEY = "test-only-insecure-key"
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
MEDIA_ROOT = Path(os.environ.get("HUB_TEST_MEDIA", tempfile.mkdtemp(prefix="hub-test-media-")))
# Tasks are queued in the database, as in the demo and production, and nothing runs them
# unless a test does (or starts `hub worker`); a test that needs them run at once says so
# with override_settings(TASKS=IMMEDIATE_TASKS).
IMMEDIATE_TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
HUB_DEMO_ALLOWED = True  # the demo content is loaded by several test modules
# Nothing collects static files for the tests: WhiteNoise has no folder to serve (and says
# nothing about a missing one); the live-server tests serve them from the apps' folders.
STATIC_ROOT = None
