"""Settings shared by every environment. Secrets never live here: see dev/production."""

import datetime as dt
import os
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
from csp.constants import NONE, SELF, UNSAFE_HASHES, UNSAFE_INLINE

CMS_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = CMS_DIR.parent
VAR_DIR = Path(os.environ.get("HUB_VAR_DIR", BASE_DIR / "var"))

INSTALLED_APPS = [
    "cms.core",
    "cms.cases",
    "cms.articles",
    "cms.programme",
    "cms.newsletter",
    "cms.publishing",
    # load_demo and generate_bench_content; load_demo refuses unless HUB_DEMO_ALLOWED.
    "cms.demo",
    "wagtail_headless_preview",  # the preview's drafts under signed tokens (cms.core.preview)
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail.api.v2",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "rest_framework",
    "drf_spectacular",
    "django_tasks",
    "django_tasks_db",
    "axes",
    "csp",
    "corsheaders",  # the newsletter sign-up from the site's origin (cms.newsletter.signup)
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # The CMS serves its own static files (the admin's CSS and JavaScript): from STATIC_ROOT
    # after collectstatic in production, from the apps' static folders when DEBUG is on.
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "cms.publishing.csp.HubCSPMiddleware",  # django-csp, see CONTENT_SECURITY_POLICY
    # Before CommonMiddleware, as django-cors-headers requires; only CORS_URLS_REGEX.
    "corsheaders.middleware.CorsMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, as django-axes requires: turns a login refused by a lock-out into the lock-out page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "cms.urls"
WSGI_APPLICATION = "cms.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [CMS_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

# DATABASE_URL selects the database (PostgreSQL in production and in CI's second run);
# without it the embedded SQLite database in var/ is used.
if not os.environ.get("DATABASE_URL"):
    VAR_DIR.mkdir(parents=True, exist_ok=True)  # var/ is not in git; a fresh clone needs it
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{VAR_DIR / 'hub.sqlite3'}"),
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "0")),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # The worker reads for minutes (a build) while editors write: WAL lets readers and a
    # writer go on together. IMMEDIATE transactions take the write lock when they begin, so
    # two writers (a request and the worker) wait their turn instead of failing.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {"init_command": "PRAGMA journal_mode=WAL;", "transaction_mode": "IMMEDIATE", "timeout": 20}
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# django-axes first: it refuses a locked-out login before any password is checked.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Swedish admin, Swedish time.
LANGUAGE_CODE = "sv"
LANGUAGES = [("sv", "Svenska")]
WAGTAILADMIN_PERMITTED_LANGUAGES = [("sv", "Svenska")]
WAGTAIL_I18N_ENABLED = False
TIME_ZONE = "Europe/Stockholm"
USE_I18N = True
# The project's Swedish for the admin, read before Wagtail's own catalogue: the strings
# Wagtail's Swedish lacks, and neutral wording where it puts a gendered article before a
# model's name (cms/locale/sv/LC_MESSAGES/django.po, djangojs.po; the .mo files are
# committed, compiled with `msgfmt --check`).
LOCALE_PATHS = [CMS_DIR / "locale"]
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
MEDIA_URL = "/media/"
MEDIA_ROOT = VAR_DIR / "media"
# Let the CMS itself answer for MEDIA_URL. The build step downloads images and documents
# over HTTP, also when it runs in the CMS's own process, so a CMS whose media are on its
# local disk must serve them; off where a web server or object storage serves /media/.
HUB_SERVE_MEDIA = os.environ.get("HUB_SERVE_MEDIA", "").lower() in ("1", "true", "yes")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# No cache of renditions: Wagtail would keep a rendition another process saved first as
# its own unsaved copy, whose file /media/ does not serve (cms.api.resolver).
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "renditions": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"},
}

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# Wagtail
WAGTAIL_SITE_NAME = "Innovation Hub Sundsvall"
# The CMS's own address (the admin's links, the API's absolute links). `hub demo` sets it
# for the port it serves the CMS on; production requires it.
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000").rstrip("/")
# Slugs are ASCII, transliterated the Swedish way (see swedish.swedish_slugify).
WAGTAIL_ALLOW_UNICODE_SLUGS = False
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "txt", "xlsx"]
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]
WAGTAIL_PASSWORD_RESET_ENABLED = True
WAGTAILEMBEDS_RESPONSIVE_HTML = True
# No avatars from gravatar.com: the admin makes no third-party requests (and the CSP below
# would block them).
WAGTAIL_GRAVATAR_PROVIDER_URL = None
# Nor does the dashboard ask releases.wagtail.org for a newer Wagtail: upgrades are ours.
WAGTAIL_ENABLE_UPDATE_CHECK = False

# Login attempts (django-axes). A lock-out is per username *and* client address together:
# - by username alone, anyone anywhere could lock a known editor out (the staff is small
#   and the usernames are easy to guess);
# - by address alone, one mistyped password too many would lock out every colleague behind
#   the municipality's shared outgoing address.
# Together they stop guessing one account's password from one address. Five failures lock
# for 15 minutes; every failed try during a lock-out restarts the 15 minutes, and a
# successful login clears the count. A Kommunikatör lifts a lock-out in the admin
# (Inställningar → Spärrade inloggningar, cms.publishing.lockouts), or anyone with a shell
# runs `hub cms axes_reset` (all lock-outs) or `hub cms axes_reset_username <name>`.
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = dt.timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = True
AXES_RESET_ON_SUCCESS = True
# Only failures are stored (username, address, browser, time): no log of every login.
AXES_DISABLE_ACCESS_LOG = True
AXES_LOCKOUT_CALLABLE = "cms.publishing.lockouts.lockout_response"
# The client address: REMOTE_ADDR, or the address the outermost of HUB_TRUSTED_PROXIES
# reverse proxies saw (see cms.publishing.lockouts.client_address and production.py).
AXES_CLIENT_IP_CALLABLE = "cms.publishing.lockouts.client_address"
HUB_TRUSTED_PROXIES = 0

# Content-Security-Policy on every CMS response (django-csp): the CMS's own origin only,
# nothing from third parties, no inline script or style, no eval. What the Wagtail 8 admin
# needs beyond that was measured in Chromium (tests/test_browser_admin_csp.py):
# - img-src data: blob: the preview of an image being uploaded is a blob: URL; the admin
#   CSS draws jQuery UI menus (tag autocompletion) with a data: image.
# - HUB_ADMIN_CSP_UPDATE, added on admin pages for signed-in users only
#   (cms.publishing.csp): Wagtail's chooser, date and inline-panel widgets write inline
#   <script> elements, and Draftail inserts <style> elements whose text depends on the
#   content (no fixed hash), so script-src-elem and style-src-elem allow inline elements.
#   Inline event handlers (script-src-attr), style attributes and eval stay forbidden,
#   except the one handler the focal-point cropper (Jcrop) sets to probe for touch
#   support, "return;", allowed by its hash.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:", "blob:"],
        "object-src": [NONE],
        "base-uri": [SELF],
        # Wagtail's live preview shows the draft in a same-origin iframe.
        "frame-ancestors": [SELF],
        "form-action": [SELF],
    },
}
HUB_ADMIN_CSP_UPDATE = {
    "script-src-elem": [SELF, UNSAFE_INLINE],
    "style-src-elem": [SELF, UNSAFE_INLINE],
    "script-src-attr": [UNSAFE_HASHES, "'sha256-i+qr4lq34KgNHiW62lWi9aInEBwiEOrfCzaNPCvkqD8='"],
}

# Preview (cms.core.preview, cms.publishing.preview): wagtail-headless-preview stores the
# draft under a signed token and redirects to the CMS's own preview view, which renders it
# with the site's theme and the listings of the last pull (in HUB_CONTENT_DIR, below). A
# token is good for HUB_PREVIEW_MAX_AGE seconds (then: open the preview again).
WAGTAIL_HEADLESS_PREVIEW = {"REDIRECT_ON_PREVIEW": True}
HUB_PREVIEW_MAX_AGE = 60 * 60

# `load_demo` creates logins whose passwords are in the README: never outside dev and test.
HUB_DEMO_ALLOWED = False

# Public URL of the static site: the API hands it to the build step (/api/v2/site/), which
# writes every absolute link with it. `hub demo` sets it for the port it serves the site on.
HUB_SITE_URL = os.environ.get("HUB_SITE_URL", "http://127.0.0.1:8001/").rstrip("/") + "/"

# E-mail (the newsletter and its confirmations) through the SMTP server named in the
# environment: EMAIL_HOST, EMAIL_PORT (587), EMAIL_HOST_USER, EMAIL_HOST_PASSWORD,
# EMAIL_USE_TLS ("true"), and the sender DEFAULT_FROM_EMAIL.
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "587" if os.environ.get("EMAIL_HOST") else "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = os.environ.get("EMAIL_USE_TLS", "true" if EMAIL_HOST_USER else "false") == "true"
EMAIL_TIMEOUT = 30
DEFAULT_FROM_EMAIL = os.environ.get(
    "DEFAULT_FROM_EMAIL", "Aktuellt i Idéslussen <nyhetsbrev@localhost>"
)

# The newsletter sign-up (cms.newsletter.signup): the site's form posts to /prenumeration/
# from the site's origin, which alone CORS lets its script read the answer; no cookies.
CORS_URLS_REGEX = r"^/prenumeration/$"
CORS_ALLOWED_ORIGINS = ["{0.scheme}://{0.netloc}".format(urlsplit(HUB_SITE_URL))]
CORS_ALLOW_METHODS = ["POST"]
CORS_ALLOW_CREDENTIALS = False
# A confirmation link is good for this many hours; then the unconfirmed sign-up is deleted.
HUB_SIGNUP_TOKEN_HOURS = 48
# Sign-ups accepted per client address an hour, and per e-mail address a day.
HUB_SIGNUP_PER_CLIENT_HOUR = 10
HUB_SIGNUP_PER_ADDRESS_DAY = 3

REST_FRAMEWORK = {
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "UNAUTHENTICATED_USER": None,
    # Every API error body names what was wrong (cms.api.params).
    "EXCEPTION_HANDLER": "cms.api.params.api_exception_handler",
}
# Wagtail API v2 (cms.api.pages, cms.api.media): the build step pages through 500 at a time; rich
# text is HTML (our serializers also resolve links to public paths); no search endpoint,
# the site has its own static search.
WAGTAILAPI_LIMIT_MAX = 500
# Absolute API links (detail_url, the manifest) use the CMS's own address, not the Site
# record's hostname.
WAGTAILAPI_BASE_URL = WAGTAILADMIN_BASE_URL
WAGTAILAPI_RICH_TEXT_FORMAT = "html"
WAGTAILAPI_SEARCH_ENABLED = False
SPECTACULAR_SETTINGS = {
    "TITLE": "Innovation Hub Sundsvall API",
    "DESCRIPTION": "Read-only API for the static site: case records, taxonomies and statistics.",
    "VERSION": "2",
    # The schema is generated and validated by the API tests; the deploy check would also
    # walk Wagtail's admin API, which is not ours to document.
    "ENABLE_DJANGO_DEPLOY_CHECK": False,
}

TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

# Publish → rebuild (cms.publishing.builds): what is published reaches the site through a
# build that `hub worker` runs.
HUB_BUILD_ON_PUBLISH = True
# A lone change after this many quiet seconds is built at once; changes during or right
# after a build wait until none has come in for this long (or MAX_WAIT after the first of
# them at most): a burst of publishes makes one build.
HUB_BUILD_DEBOUNCE = float(os.environ.get("HUB_BUILD_DEBOUNCE", "0.5"))
HUB_BUILD_MAX_WAIT = float(os.environ.get("HUB_BUILD_MAX_WAIT", "10"))
# How long a build waits for one that another process runs (e.g. `hub build` by hand).
HUB_BUILD_LOCK_WAIT = float(os.environ.get("HUB_BUILD_LOCK_WAIT", "900"))
# `hub worker` publishes and unpublishes scheduled pages this often (seconds).
HUB_SCHEDULE_INTERVAL = float(os.environ.get("HUB_SCHEDULE_INTERVAL", "60"))
# Where the build writes (empty: the repository's content/ and site/build); previews read
# the last pull's listings from HUB_CONTENT_DIR too.
HUB_CONTENT_DIR = os.environ.get("HUB_CONTENT_DIR", "")
HUB_BUILD_DIR = os.environ.get("HUB_BUILD_DIR", "")
# A command run after each published build, e.g. "rsync -a --delete site/build/ web:/srv/hub/"
# (split like a shell would, not run by one); its failure is recorded in the build history.
HUB_PUBLISH_COMMAND = os.environ.get("HUB_PUBLISH_COMMAND", "")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
}
