"""Settings shared by every environment. Safe by default: no debug, no key, no hosts.

The environment is read here and only here (django-environ); dev.py and test.py add dummy
values, production.py tightens what must be tight.
"""

from datetime import timedelta
from pathlib import Path

import environ
from django.utils.csp import CSP

BASE_DIR = Path(__file__).resolve().parent.parent.parent
PROJECT_DIR = BASE_DIR / "cms"

env = environ.Env()

DEBUG = env.bool("DJANGO_DEBUG", default=False)
SECRET_KEY = env.str("DJANGO_SECRET_KEY", default="")
ALLOWED_HOSTS = env.list("DJANGO_ALLOWED_HOSTS", default=[])
CSRF_TRUSTED_ORIGINS = env.list("DJANGO_CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    "accounts",
    "home",
    "streets",
    "matching",
    "pot",
    "surveys",
    "network",
    "effects",
    "welcome",
    "insights",
    "programme",
    "search",
    "national",
    "ops",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.routable_page",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django_q",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    # Inside the CSP middleware, so its policy for /admin/ is in place before headers are built.
    "accounts.middleware.AdminContentSecurityPolicyMiddleware",
    # Version tokens of the kept parts read once per GET (ops/versions.py): before the session
    # and user, which are read from the per-person cache too.
    "ops.versions.VersionMemoMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "home.middleware.ChosenLanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "accounts.middleware.CachedOTPMiddleware",
    "accounts.middleware.TwoFactorMiddleware",
    # After home.middleware.ChosenLanguageMiddleware (the footer's cookie): the account's language.
    "accounts.middleware.AccountLanguageMiddleware",
    "accounts.middleware.PrivateCacheMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Inside everything that sets the page's headers and cookies, before Wagtail's routing.
    "streets.middleware.StreetPageCacheMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, as django-axes asks: it turns a locked-out login into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "cms.urls"
WSGI_APPLICATION = "cms.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.csp",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

# Embedded default: SQLite in WAL mode. Writers take the lock when their transaction starts
# (IMMEDIATE) and wait up to 20 s for it, so concurrent posters queue instead of failing with
# "database is locked" (measured with 32 concurrent clients: 0 errors in 8,686 requests, where
# Django's defaults failed 61% of them).
SQLITE_OPTIONS = {
    "transaction_mode": "IMMEDIATE",
    "timeout": 20,
    "init_command": (
        "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA busy_timeout=20000;"
        " PRAGMA foreign_keys=ON;"
    ),
}
DATABASES = {
    "default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["OPTIONS"] = SQLITE_OPTIONS
DATABASES["default"]["ATOMIC_REQUESTS"] = False
DATABASE_IS_POSTGRES = DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql"
if DATABASE_IS_POSTGRES:
    INSTALLED_APPS.append("django.contrib.postgres")

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
LOGIN_URL = "accounts:login"
# Wagtail's own login form labels its password field in English only.
WAGTAILADMIN_USER_LOGIN_FORM = "accounts.forms.AdminLoginForm"
LOGIN_REDIRECT_URL = "streets:my_streets"
LOGOUT_REDIRECT_URL = "/"

# django-axes first: it refuses a login for an address + IP that is locked out, then the
# ordinary backend checks the password.
AUTHENTICATION_BACKENDS = [
    "accounts.backends.LoginThrottleBackend",
    # Django's ModelBackend, with the logged-in person's row read from the per-person cache.
    "accounts.backends.AccountBackend",
]

# Password rules without forced rotation (NIST SP 800-63B): length, not common, not numeric,
# not like one's name.
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Dutch first; English, Turkish and Arabic (right to left) through the footer's language
# switch or a person's account. Each name is written in its own language (the picker shows it
# with that language's `lang`), so it is not translated. Django's and Wagtail's own catalogues
# for tr and ar are used as they ship; the project's texts are in locale/<code>/.
LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", "Nederlands"), ("en", "English"), ("tr", "Türkçe"), ("ar", "العربية")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

# The Wagtail admin stays Dutch or English (Wagtail's own translations), whatever the site offers.
WAGTAILADMIN_PERMITTED_LANGUAGES = [("nl", "Nederlands"), ("en", "English")]

STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = env.path("DJANGO_STATIC_ROOT", default=BASE_DIR / "static_collected")
STATIC_URL = "/static/"
MEDIA_ROOT = env.path("DJANGO_MEDIA_ROOT", default=BASE_DIR / "media")
MEDIA_URL = "/media/"
# Uploaded files: on disk by default; several machines need a shared volume for MEDIA_ROOT or
# an object-store backend (e.g. django-storages' S3Storage with its options as JSON).
STORAGES = {
    "default": {
        "BACKEND": env.str(
            "DJANGO_MEDIA_STORAGE", default="django.core.files.storage.FileSystemStorage"
        ),
        "OPTIONS": env.json("DJANGO_MEDIA_STORAGE_OPTIONS", default={}),
    },
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

DEFAULT_FROM_EMAIL = env.str(
    "DJANGO_DEFAULT_FROM_EMAIL", default="Lief & Leed <noreply@liefenleed.invalid>"
)
SMTP_MAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
# django-environ reads EMAIL_URL into the EMAIL_* settings that Django 6.1 deprecates; these
# are the options the same values are under in a MAILERS entry, per backend.
_MAILER_OPTIONS = {
    SMTP_MAIL_BACKEND: {
        "EMAIL_HOST": "host",
        "EMAIL_PORT": "port",
        "EMAIL_HOST_USER": "username",
        "EMAIL_HOST_PASSWORD": "password",
        "EMAIL_USE_TLS": "use_tls",
        "EMAIL_USE_SSL": "use_ssl",
    },
    "django.core.mail.backends.filebased.EmailBackend": {"EMAIL_FILE_PATH": "file_path"},
}


def _mailer(url: str) -> dict:
    """The MAILERS entry for an EMAIL_URL (smtp+tls://user:password@host:587, consolemail://)."""
    config = environ.Env.email_url_config(url)
    backend = config["EMAIL_BACKEND"]
    options = {
        option: config[key]
        for key, option in _MAILER_OPTIONS.get(backend, {}).items()
        if config.get(key) not in (None, "")
    }
    return {"BACKEND": backend, "OPTIONS": options}


# Mail (Django's MAILERS): EMAIL_URL chooses the server; without it mail is printed on the
# console (production.py sends it to the local SMTP relay instead).
EMAIL_URL = env.str("EMAIL_URL", default="")
MAILERS = {
    "default": _mailer(EMAIL_URL)
    if EMAIL_URL
    else {
        "BACKEND": env.str(
            "DJANGO_EMAIL_BACKEND", default="django.core.mail.backends.console.EmailBackend"
        )
    }
}

REDIS_URL = env.str("REDIS_URL", default="")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": REDIS_URL,
            # Several sites may share one Redis; a stuck Redis must not hang a request.
            "KEY_PREFIX": env.str("DJANGO_CACHE_KEY_PREFIX", default="liefleed"),
            "OPTIONS": {"SOCKET_CONNECT_TIMEOUT": 2, "SOCKET_TIMEOUT": 5},
        },
    }
    # A session read from the shared cache, written through to the database: no query per
    # request. Only with Redis: a per-process cache would keep a logged-out session elsewhere.
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
else:
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    }
    # Django's database sessions, read with prepared SQL instead of an ORM query per request.
    SESSION_ENGINE = "accounts.sessions"

# django-q2. retry >= timeout * (1 + queue_limit / workers) plus margin, so a pre-fetched task
# is never handed out twice; a bounded number of attempts; a missed nightly job runs once.
Q_CLUSTER = {
    # The Redis queue key is derived from the name: two sites on one Redis need two names.
    "name": env.str("Q_CLUSTER_NAME", default="liefleed"),
    "workers": env.int("Q_WORKERS", default=2),
    "timeout": 60,
    "retry": 300,
    "queue_limit": 2,
    "max_attempts": 3,
    "catch_up": False,
    "save_limit": 1000,
    "label": "Taken",
    # How often an idle worker asks the ORM broker for a task: a new help request gets its
    # proposals within about a second of being posted (django-q2's default, stated on purpose).
    "poll": 0.2,
}
if REDIS_URL:
    Q_CLUSTER["redis"] = REDIS_URL
    # django-q2's own Redis broker loses a task whose worker is killed; this one hands it out
    # again after "retry", as the ORM broker does.
    Q_CLUSTER["broker_class"] = "ops.brokers.ReliableRedis"
else:
    Q_CLUSTER["orm"] = "default"

WAGTAIL_SITE_NAME = "Lief & Leed"
WAGTAILADMIN_BASE_URL = env.str("WAGTAILADMIN_BASE_URL", default="http://127.0.0.1:8000")
# No calls to outside servers from the admin, for the neighbours' privacy.
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAILDOCS_EXTENSIONS = ["pdf", "odt", "docx"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024

# Site search: the database backend. On PostgreSQL it uses the "dutch" text search
# configuration (stemming: "boodschappen" finds "boodschap"); on SQLite plain FTS matching.
WAGTAILSEARCH_BACKENDS = {
    "default": {
        "BACKEND": "wagtail.search.backends.database",
        **({"SEARCH_CONFIG": "dutch"} if DATABASE_IS_POSTGRES else {}),
    }
}

# Where `manage.py backup_db` writes when no --output is given.
BACKUP_DIR = env.path("DJANGO_BACKUP_DIR", default=BASE_DIR / "var" / "backups")

SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
# The language chosen in the footer: no script reads it; Secure in production.py.
LANGUAGE_COOKIE_HTTPONLY = True
LANGUAGE_COOKIE_SAMESITE = "Lax"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

# Content-Security-Policy: strict for the public site and the members' pages. No inline script
# or style; a script that must be inline carries the request's nonce ({{ csp_nonce }}).
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.NONE],
    "frame-ancestors": [CSP.NONE],
    "form-action": [CSP.SELF],
}
# The Wagtail admin uses inline scripts and styles, blob: previews and its own preview frame,
# so it alone gets a looser policy (accounts.middleware.AdminContentSecurityPolicyMiddleware).
# No nonce here: a nonce would make browsers ignore 'unsafe-inline'.
SECURE_CSP_ADMIN = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.UNSAFE_INLINE],
    "style-src": [CSP.SELF, CSP.UNSAFE_INLINE],
    "img-src": [CSP.SELF, "data:", "blob:"],
    "font-src": [CSP.SELF, "data:"],
    "frame-src": [CSP.SELF],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "frame-ancestors": [CSP.SELF],
    "form-action": [CSP.SELF],
}
SECURE_CSP_ADMIN_PATH = "/admin/"

# Client address for login throttling and rate limits: REMOTE_ADDR, or with N trusted proxies
# in front (nginx: 1) the N-th address from the right of X-Forwarded-For, which the client
# cannot forge.
TRUSTED_PROXY_COUNT = env.int("DJANGO_TRUSTED_PROXY_COUNT", default=0)

# django-axes: lock an e-mail address + IP pair, never the address alone (an attacker could
# then lock the real owner out), for a cool-off period instead of for ever; a successful login
# clears the count.
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = timedelta(minutes=15)
AXES_RESET_ON_SUCCESS = True
AXES_CLIENT_IP_CALLABLE = "accounts.ratelimit.client_ip"
AXES_LOCKOUT_CALLABLE = "accounts.views.locked_out"
AXES_USERNAME_FORM_FIELD = "username"
# The access log would keep every login's address and browser; failures are enough.
AXES_DISABLE_ACCESS_LOG = True

# Rate limits (accounts.ratelimit): how many posts per window, per user or per address.
RATE_LIMITS = {
    "board_post": (10, 3600),
    "join_request": (5, 3600),
    "street_application": (5, 3600),
    "newsletter_subscribe": (5, 3600),
}

# Two-factor authentication: required for welzijn staff, coordinators and superusers before
# they reach anything but their account pages; optional for everybody else. Test settings
# switch enforcement off so other apps' tests can log staff in with force_login.
TWO_FACTOR_ENFORCED = True
OTP_TOTP_ISSUER = "Lief & Leed"

# The neighbour's data rights: how long a download link works, and how long closed help
# requests and offers are kept before the retention job removes them.
PERSONAL_DATA_LINK_MINUTES = 60
RETENTION_CLOSED_POSTS_DAYS = env.int("DJANGO_RETENTION_CLOSED_POSTS_DAYS", default=365)
# Survey answers go this many days after their survey closed (remove_expired_survey_answers).
SURVEY_ANSWER_RETENTION_DAYS = env.int("DJANGO_SURVEY_ANSWER_RETENTION_DAYS", default=90)
# Interest forms of municipalities ("Lief & Leed invoeren?") go after two years.
RETENTION_INTEREST_DAYS = env.int("DJANGO_RETENTION_INTEREST_DAYS", default=730)
# Who a newsletter issue went to (an address per row) is forgotten this many days after the
# send finished; the issue keeps how many were sent and failed.
RETENTION_NEWSLETTER_DELIVERIES_DAYS = env.int(
    "DJANGO_RETENTION_NEWSLETTER_DELIVERIES_DAYS", default=90
)

# The pot's receipts: kept outside MEDIA_ROOT (they have no public URL; pot/storage.py), at
# most this large; keep it below nginx's client_max_body_size (deploy/nginx/liefleed.conf).
POT_RECEIPT_ROOT = env.path("DJANGO_POT_RECEIPT_ROOT", default=BASE_DIR / "var" / "receipts")
POT_RECEIPT_MAX_BYTES = env.int("DJANGO_POT_RECEIPT_MAX_BYTES", default=5 * 1024 * 1024)

# Geocoding the homes of a street (matching/geocoding.py): "pdok" (the Dutch government's BAG
# address search), "nominatim" (OpenStreetMap) or "none", the default: no address leaves the
# server until a deployment chooses a service. Both services ask for an identifying user agent
# and at most one request a second; with several workers, raise the delay. Retries stay at 0:
# the caller is a background job that tries again later, and geopy logs what it retries.
GEOCODER = {
    "backend": env.str("DJANGO_GEOCODER", default="none"),
    "timeout": env.float("DJANGO_GEOCODER_TIMEOUT", default=5.0),
    "user_agent": env.str(
        "DJANGO_GEOCODER_USER_AGENT", default="liefleed/0.1 (Lief & Leed buurthulp)"
    ),
    "min_delay_seconds": env.float("DJANGO_GEOCODER_MIN_DELAY_SECONDS", default=1.0),
    "max_retries": env.int("DJANGO_GEOCODER_MAX_RETRIES", default=0),
    "error_wait_seconds": env.float("DJANGO_GEOCODER_ERROR_WAIT_SECONDS", default=5.0),
    # Another host for the same API, e.g. a local mirror.
    "domain": env.str("DJANGO_GEOCODER_DOMAIN", default="") or None,
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {
        # A safety net: whatever a library logs, e-mail addresses come out masked.
        "mask_personal_data": {"()": "accounts.logfilters.MaskEmailFilter"},
        # geopy logs the address it looks up (in the URL, in retries): keep its values out.
        "without_arguments": {"()": "accounts.logfilters.WithoutArgumentsFilter"},
    },
    "formatters": {
        "plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"},
        # One JSON object per line, for log collectors (production's default).
        "json": {"()": "ops.jsonlog.JsonFormatter"},
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": env.str("DJANGO_LOG_FORMAT", default="plain"),
            "filters": ["mask_personal_data"],
        }
    },
    "root": {"handlers": ["console"], "level": env.str("DJANGO_LOG_LEVEL", default="INFO")},
    "loggers": {
        "django.db.backends": {"level": "WARNING"},
        # One line per search-index update is noise, and task arguments can hold personal data.
        "django_tasks": {"level": "WARNING"},
        "geopy": {"filters": ["without_arguments"]},
    },
}
