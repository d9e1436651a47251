"""Settings for familiennetz, read from environment variables only.

Local defaults are safe for a laptop (SQLite, DEBUG off unless asked for, console e-mail).
With DEBUG off the process refuses to start without a real SECRET_KEY and ALLOWED_HOSTS.
See docs/dev/configuration.md for every variable.
"""

from importlib.util import find_spec
from pathlib import Path

from csp.constants import NONCE, NONE, SELF
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _
from environs import Env

BASE_DIR = Path(__file__).resolve().parent.parent

env = Env()
env.read_env(BASE_DIR / ".env", recurse=False)

DEBUG = env.bool("DEBUG", False)
INSECURE_KEY_PREFIX = "insecure-"
SECRET_KEY = env.str("SECRET_KEY", INSECURE_KEY_PREFIX + "local-development-only")
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]"] if DEBUG else [])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", [])

if not DEBUG:
    if SECRET_KEY.startswith(INSECURE_KEY_PREFIX) or len(SECRET_KEY) < 40:
        raise ImproperlyConfigured(
            "SECRET_KEY must be set to a random value of at least 40 characters when DEBUG is off."
        )
    if not ALLOWED_HOSTS:
        raise ImproperlyConfigured("ALLOWED_HOSTS must be set when DEBUG is off.")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.postgres",
    "rules.apps.AutodiscoverRulesConfig",
    "csp",
    "familiennetz.core",
    "familiennetz.accounts",
    "familiennetz.alliances",
    "familiennetz.workspace",
    "familiennetz.socialspace",
    "familiennetz.directory",
    "familiennetz.events",
    "familiennetz.search",
    "familiennetz.interop",
    "familiennetz.demo",
    "ninja",  # templates and static files of the API docs page (served locally)
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Pages and feeds compressed for weak phone connections (static files come precompressed
    # from WhiteNoise above). Django's GZipMiddleware pads against BREACH.
    "django.middleware.gzip.GZipMiddleware",
    "familiennetz.interop.api.http.ApiHttpMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "familiennetz.alliances.middleware.AllianceMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"
ASGI_APPLICATION = "config.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "csp.context_processors.nonce",
                "familiennetz.core.context_processors.site",
            ],
        },
    }
]

# Database: SQLite by default, PostgreSQL via DATABASE_URL=postgres://user@host:5432/name.
DATABASES = {
    "default": env.dj_db_url("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}")
}
DATABASES["default"]["ATOMIC_REQUESTS"] = False
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"].setdefault("OPTIONS", {})
    DATABASES["default"]["OPTIONS"].update(
        {
            "transaction_mode": "IMMEDIATE",
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        }
    )
else:
    DATABASES["default"]["CONN_MAX_AGE"] = env.int("DATABASE_CONN_MAX_AGE", 60)
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "accounts.User"

# Cache: local memory per process by default; CACHE_URL=redis://127.0.0.1:6379/1 shares one
# cache between all workers (recommended with PostgreSQL). See docs/performance.md.
CACHES = {"default": env.dj_cache_url("CACHE_URL", default="locmem://")}
if CACHES["default"]["BACKEND"].endswith("LocMemCache"):
    # Bounded in bytes too: pages and feeds differ in size by a factor of 100 (core/cache.py).
    CACHES["default"]["BACKEND"] = "familiennetz.core.cache.BoundedLocMemCache"
    CACHES["default"].setdefault("OPTIONS", {}).setdefault("MAX_ENTRIES", 500)
    CACHES["default"]["OPTIONS"].setdefault(
        "MAX_BYTES", env.int("CACHE_MAX_BYTES", 48 * 1024 * 1024)
    )
# Whole-page cache of public pages and feeds per alliance (familiennetz/alliances/pagecache.py),
# invalidated by every edit of the alliance's data; the seconds bound "upcoming" lists. 0: off.
PAGE_CACHE_SECONDS = env.int("PAGE_CACHE_SECONDS", 300)

AUTHENTICATION_BACKENDS = [
    "rules.permissions.ObjectPermissionBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Internationalisation: German first, English complete. See docs/adr/0005-du-sie.md.
LANGUAGE_CODE = "de"
LANGUAGES = [
    ("de", _("German")),
    ("en", _("English")),
    ("ar", _("Arabic")),
    ("uk", _("Ukrainian")),
    ("tr", _("Turkish")),
    ("ru", _("Russian")),
]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Berlin"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
# Leaflet comes from the django-leaflet distribution on PyPI; we only use its static files
# (its Django app needs GDAL, which we do not). See docs/adr/0004-front-end.md.
_leaflet_spec = find_spec("leaflet")
STATICFILES_DIRS = [
    BASE_DIR / "static",
    *(
        [Path(next(iter(_leaflet_spec.submodule_search_locations))) / "static"]
        if _leaflet_spec and _leaflet_spec.submodule_search_locations
        else []
    ),
]
MEDIA_URL = "/media/"
MEDIA_ROOT = env.path("MEDIA_ROOT", BASE_DIR / "media")
# Files only a permission-checked view may serve (agreements, attachments, walk photos):
# outside MEDIA_ROOT, never under a public URL (familiennetz/core/files.py).
PRIVATE_MEDIA_ROOT = env.path("PRIVATE_MEDIA_ROOT", BASE_DIR / "var" / "private")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "private": {
        "BACKEND": "familiennetz.core.files.PrivateFileSystemStorage",
        "OPTIONS": {"location": PRIVATE_MEDIA_ROOT, "base_url": None},
    },
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if not DEBUG
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
WHITENOISE_MAX_AGE = 3600

# Map tiles: off unless the operator configures a tile server (no third-party requests by default).
MAP_TILE_URL = env.str("MAP_TILE_URL", "")
MAP_TILE_ATTRIBUTION = env.str("MAP_TILE_ATTRIBUTION", "")

# E-mail: console locally, SMTP via EMAIL_URL=smtp://user:pass@host:587/?tls=True.
_email = env.dj_email_url("EMAIL_URL", default="smtp://localhost:25")
EMAIL_BACKEND = (
    _email["EMAIL_BACKEND"]
    if env.str("EMAIL_URL", "")
    else "django.core.mail.backends.console.EmailBackend"
)
EMAIL_HOST = _email.get("EMAIL_HOST") or "localhost"
EMAIL_PORT = _email.get("EMAIL_PORT") or 25
EMAIL_HOST_USER = _email.get("EMAIL_HOST_USER") or ""
EMAIL_HOST_PASSWORD = _email.get("EMAIL_HOST_PASSWORD") or ""
EMAIL_USE_TLS = _email.get("EMAIL_USE_TLS", False)
EMAIL_USE_SSL = _email.get("EMAIL_USE_SSL", False)
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", "familiennetz <noreply@localhost>")

# Security headers. Anonymous visitors get no cookies unless a form needs one.
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_AGE = env.int("SESSION_COOKIE_AGE", 60 * 60 * 2)  # idle timeout (sliding)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", False)
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = env.bool("SECURE_COOKIES", not DEBUG)
# SECURE_HSTS_SECONDS: see "production safety" below.
SECURE_PROXY_SSL_HEADER = (
    ("HTTP_X_FORWARDED_PROTO", "https") if env.bool("BEHIND_TLS_PROXY", False) else None
)

_tile_origin = ""
if MAP_TILE_URL:
    from urllib.parse import urlsplit

    _parts = urlsplit(MAP_TILE_URL.replace("{s}", "a"))
    _tile_origin = f"{_parts.scheme}://{_parts.netloc.replace('a.', '*.', 1)}"

CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF],
        "img-src": [SELF, "data:", *([_tile_origin] if _tile_origin else [])],
        "font-src": [SELF],
        "connect-src": [SELF],
        "frame-ancestors": [NONE],
        "form-action": [SELF],
        "base-uri": [SELF],
        "object-src": [NONE],
    }
}

# Logging: one JSON object per line, no personal data (query strings are dropped).
LOG_LEVEL = env.str("LOG_LEVEL", "INFO")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"strip_query": {"()": "familiennetz.core.logging.StripQueryStringFilter"}},
    "formatters": {
        "json": {
            "()": "pythonjsonlogger.json.JsonFormatter",
            "fmt": "%(asctime)s %(levelname)s %(name)s %(message)s",
            "rename_fields": {"asctime": "time", "levelname": "level", "name": "logger"},
        },
        "plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"},
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": env.str("LOG_FORMAT", "json"),
            "filters": ["strip_query"],
        }
    },
    "root": {"handlers": ["console"], "level": LOG_LEVEL},
    "loggers": {
        "django.db.backends": {"level": "WARNING"},
        "django.server": {"handlers": ["console"], "level": "INFO", "propagate": False},
    },
}

# Search: "auto" picks FTS5 on SQLite and tsvector + pg_trgm on PostgreSQL.
SEARCH_RESULTS_PER_PAGE = 20

FAMILIENNETZ = {
    "INSTANCE_NAME": env.str("INSTANCE_NAME", "familiennetz"),
    "SHOW_DEMO_BANNER": env.bool("SHOW_DEMO_BANNER", True),
}

# --- registration & tasks ---
# Background jobs through the django-tasks backport (docs/adr/0005-background-jobs.md): the
# immediate backend runs a task at once in the calling process (development, tests);
# TASKS_BACKEND=database queues it in the database for `manage.py db_worker` (production).
INSTALLED_APPS += ["django_tasks", "django_tasks_db"]
TASKS = {
    "default": {
        "BACKEND": "django_tasks_db.DatabaseBackend"
        if env.str("TASKS_BACKEND", "immediate") == "database"
        else "django_tasks.backends.immediate.ImmediateBackend"
    }
}
# Event registration (docs/dev/registration.md).
REGISTRATION_RETENTION_DAYS = env.int("REGISTRATION_RETENTION_DAYS", 30)
REGISTRATION_CONFIRM_HOURS = env.int("REGISTRATION_CONFIRM_HOURS", 48)
REGISTRATION_RATE_LIMIT = env.int("REGISTRATION_RATE_LIMIT", 10)  # POSTs per client and event …
REGISTRATION_RATE_WINDOW = env.int("REGISTRATION_RATE_WINDOW", 600)  # … per this many seconds
# Absolute links in e-mails sent outside a request (reminders): scheme and host, no slash.
SITE_URL = env.str("SITE_URL", "http://localhost:8000").rstrip("/")
# Rate limits key on REMOTE_ADDR; behind N reverse proxies that append X-Forwarded-For, set N.
RATELIMIT_PROXY_COUNT = env.int("RATELIMIT_PROXY_COUNT", 0)

# --- accounts, roles, moderation, freshness, history (docs/adr/0100–0104) ---
INSTALLED_APPS += [
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "axes",
    "simple_history",
    "familiennetz.moderation",
    "familiennetz.freshness",
    "familiennetz.network",
    "familiennetz.governance",
    "familiennetz.participation",
    "familiennetz.outreach",
    "familiennetz.reports",
    "familiennetz.history",  # last: holds the historical models of directory and events
]
_auth = MIDDLEWARE.index("django.contrib.auth.middleware.AuthenticationMiddleware")
MIDDLEWARE[_auth + 1 : _auth + 1] = [
    "django_otp.middleware.OTPMiddleware",
    "familiennetz.accounts.middleware.SessionLifetimeMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
]
MIDDLEWARE += ["axes.middleware.AxesMiddleware"]
AUTHENTICATION_BACKENDS = ["axes.backends.AxesStandaloneBackend", *AUTHENTICATION_BACKENDS]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "workspace:manage-home"
LOGOUT_REDIRECT_URL = "accounts:login"
# Sessions: idle timeout (SESSION_COOKIE_AGE, sliding) plus an absolute maximum after login.
SESSION_SAVE_EVERY_REQUEST = True  # empty (anonymous) sessions are still never saved
SESSION_MAX_AGE = env.int("SESSION_MAX_AGE", 60 * 60 * 12)
PASSWORD_RESET_TIMEOUT = env.int("PASSWORD_RESET_TIMEOUT", 60 * 60 * 24)
INVITATION_VALID_DAYS = env.int("INVITATION_VALID_DAYS", 14)
# Login lockout (django-axes): N failures per address and e-mail lock that pair for a while.
AXES_FAILURE_LIMIT = env.int("LOGIN_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = env.float("LOGIN_LOCKOUT_HOURS", 0.5)
AXES_LOCKOUT_PARAMETERS = [["ip_address", "username"]]
AXES_USERNAME_FORM_FIELD = "username"
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"
AXES_DISABLE_ACCESS_LOG = True  # no log of every successful login (personal data)
AXES_ENABLE_ACCESS_FAILURE_LOG = False
AXES_IPWARE_META_PRECEDENCE_ORDER = ["REMOTE_ADDR"]
AXES_VERBOSE = False
# Two-factor authentication (django-otp, TOTP): issuer name shown in authenticator apps.
OTP_TOTP_ISSUER = FAMILIENNETZ["INSTANCE_NAME"]
# History (django-simple-history): the user comes from HistoryRequestMiddleware.
SIMPLE_HISTORY_HISTORY_ID_USE_UUID = False
SIMPLE_HISTORY_REVERT_DISABLED = True  # restore goes through the workspace, not the admin
# Retention of personal data in suggestions and error reports (days after the decision).
SUGGESTION_CONTACT_RETENTION_DAYS = env.int("SUGGESTION_CONTACT_RETENTION_DAYS", 90)
SUGGESTION_RATE_LIMIT = env.int("SUGGESTION_RATE_LIMIT", 5)  # public suggestions per client …
SUGGESTION_RATE_WINDOW = env.int("SUGGESTION_RATE_WINDOW", 3600)  # … per this many seconds
REVIEW_LINK_VALID_DAYS = env.int("REVIEW_LINK_VALID_DAYS", 90)
# --- open data: API, HSDS, imports (docs/dev/api.md, docs/dev/hsds.md, docs/dev/imports.md) ---
API_RATE_LIMIT = env.int("API_RATE_LIMIT", 300)  # requests per client …
API_RATE_WINDOW = env.int("API_RATE_WINDOW", 60)  # … per this many seconds
# Namespace of generated HSDS ids; keep it stable (default: derived from SITE_URL).
HSDS_ID_NAMESPACE = env.str("HSDS_ID_NAMESPACE", "")
# Built HSDS ZIP downloads, one per alliance, format and content version (written by the app).
HSDS_EXPORT_DIR = env.path("HSDS_EXPORT_DIR", BASE_DIR / "var" / "hsds-exports")
# Schema files of HSDS profiles (e.g. uk/ of the Open Referral UK profile), applied as JSON
# merge patches when a file declares the profile; not shipped (ADR 1541). Empty: none.
HSDS_PROFILE_DIR = env.str("HSDS_PROFILE_DIR", "")
# Geocoding for spreadsheet imports: a Nominatim-compatible service run or chosen by the
# operator (nothing is sent anywhere while GEOCODER_URL is empty).
GEOCODER_BACKEND = env.str("GEOCODER_BACKEND", "familiennetz.interop.geocoding.NominatimGeocoder")
GEOCODER_URL = env.str("GEOCODER_URL", "")
GEOCODER_USER_AGENT = env.str("GEOCODER_USER_AGENT", "")
GEOCODER_TIMEOUT = env.float("GEOCODER_TIMEOUT", 5.0)
GEOCODER_MIN_INTERVAL = env.float("GEOCODER_MIN_INTERVAL", 1.0)  # seconds between requests

# --- participation: surveys, topic boards, children's complaints (docs/dev/participation.md) ---
# Public answer forms: submissions per client (hashed address, cache only) and survey …
SURVEY_RATE_LIMIT = env.int("SURVEY_RATE_LIMIT", 20)
SURVEY_RATE_WINDOW = env.int("SURVEY_RATE_WINDOW", 3600)  # … per this many seconds
# Topic boards: proposals and supports per client and board per window.
TOPIC_RATE_LIMIT = env.int("TOPIC_RATE_LIMIT", 10)
TOPIC_RATE_WINDOW = env.int("TOPIC_RATE_WINDOW", 3600)
# Kiosk for children: complaints per kiosk per hour (a child pressing again and again).
KIOSK_RATE_LIMIT = env.int("KIOSK_RATE_LIMIT", 30)
# E-mail addresses left on a topic board are deleted after this many days at the latest.
TOPIC_CONTACT_RETENTION_DAYS = env.int("TOPIC_CONTACT_RETENTION_DAYS", 180)
# --- production safety (issue 18; docs/dev/configuration.md "Refused in production") ---
# With DEBUG off the app refuses to start (system checks fn.E001/E002, also run by wsgi.py and
# asgi.py before the first request) with the console e-mail backend, which prints recipients'
# addresses, names and signed links to stdout, unless this says so explicitly …
EMAIL_CONSOLE_PRINTS_PERSONAL_DATA = env.bool("EMAIL_CONSOLE_PRINTS_PERSONAL_DATA", False)
# … and with a per-process (local-memory) cache for rate limits and the page cache, which
# multiplies every limit by the number of worker processes, unless it runs as one process.
SINGLE_PROCESS = env.bool("SINGLE_PROCESS", False)
# HSTS behind TLS: on by default with DEBUG off (one year); SECURE_HSTS_SECONDS=0 turns it off.
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", 0 if DEBUG else 31_536_000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env.bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", False)
# Where collectstatic writes (a container's image or a shared volume).
STATIC_ROOT = env.path("STATIC_ROOT", STATIC_ROOT)
# --- operations: backup/restore, moving an alliance, health, metrics (docs/howto/production.md) ---
INSTALLED_APPS += ["familiennetz.ops"]
# Prometheus metrics at /metrics (familiennetz/ops/metrics.py): off by default; when on, only
# for a bearer token or the listed client addresses (the proxy should not forward /metrics).
METRICS_ENABLED = env.bool("METRICS_ENABLED", False)
METRICS_TOKEN = env.str("METRICS_TOKEN", "")
METRICS_ALLOWED_IPS = env.list("METRICS_ALLOWED_IPS", ["127.0.0.1", "::1"])
MIDDLEWARE.insert(0, "familiennetz.ops.metrics.MetricsMiddleware")
# Media on an S3-compatible store (django-storages, needs boto3; docs/howto/production.md):
# MEDIA_STORAGE=s3 and the AWS_* variables of django-storages. Default: the MEDIA_ROOT folder.
if env.str("MEDIA_STORAGE", "filesystem") == "s3":
    STORAGES["default"] = {"BACKEND": "storages.backends.s3.S3Storage"}
# Sessions: in the database by default; with Redis as cache, "cached_db" reads them from Redis
# and still survives a Redis restart (docs/howto/production.md).
SESSION_ENGINE = env.str("SESSION_ENGINE", "django.contrib.sessions.backends.db")
# Probes over plain HTTP (load balancer, orchestrator) reach /healthz and /readyz even with
# SECURE_SSL_REDIRECT on: a redirect to https would fail a probe that does not follow it.
SECURE_REDIRECT_EXEMPT = [r"^healthz$", r"^readyz$"]
# --- outreach: the network's pages and print products (docs/dev/outreach.md) ---
RALLY_RATE_LIMIT = env.int("RALLY_RATE_LIMIT", 20)  # "done" POSTs per client and station …
RALLY_RATE_WINDOW = env.int("RALLY_RATE_WINDOW", 3600)  # … per this many seconds
# --- content translations and Leichte Sprache (docs/dev/content-translations.md) ---
INSTALLED_APPS += ["familiennetz.translations"]
# A self-hosted, LibreTranslate-compatible service for draft translations; off when empty
# (then nothing is ever sent anywhere). MACHINE_TRANSLATION_API_KEY if the service wants one.
MACHINE_TRANSLATION_URL = env.str("MACHINE_TRANSLATION_URL", "")
MACHINE_TRANSLATION_API_KEY = env.str("MACHINE_TRANSLATION_API_KEY", "")
MACHINE_TRANSLATION_TIMEOUT = env.float("MACHINE_TRANSLATION_TIMEOUT", 10.0)
# --- imports read in a child process with a budget (ADR 1520; docs/howto/production.md) ---
# The uploaded CSV/XLSX/HSDS file is read in a child process of the task worker (or of the
# app server for the later preview and the commit): address space, computing time and time on
# the clock are limited; over a limit the upload is refused and deleted, naming the limit.
IMPORT_PARSE_ISOLATED = env.bool("IMPORT_PARSE_ISOLATED", True)
IMPORT_PARSE_MEMORY_MB = env.int("IMPORT_PARSE_MEMORY_MB", 1024)
IMPORT_PARSE_CPU_SECONDS = env.int("IMPORT_PARSE_CPU_SECONDS", 60)
IMPORT_PARSE_WALL_SECONDS = env.int("IMPORT_PARSE_WALL_SECONDS", 120)
# Task workers with a lease (manage.py task_worker, ADR 1521): each renews a heartbeat every
# TASK_WORKER_HEARTBEAT seconds; the tasks of a worker silent for TASK_WORKER_LEASE_TIMEOUT
# seconds (SIGKILL, lost machine) are put back into the queue by the other workers.
TASK_WORKER_HEARTBEAT = env.float("TASK_WORKER_HEARTBEAT", 5.0)
TASK_WORKER_LEASE_TIMEOUT = env.float("TASK_WORKER_LEASE_TIMEOUT", 30.0)
