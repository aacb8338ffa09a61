"""Settings of the SCN Online Hub: one module, every deployment difference read from the
environment (see README "Configuration"). Production (`DEBUG` off, the default) refuses to
start without a secret key and allowed hosts; development gets safe local defaults.
"""

from pathlib import Path

from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP
from django.utils.translation import gettext_lazy as _

from scn_portal.env import env_bool, env_int, env_list, env_str, parse_database_url
from scn_portal.localdb import recorded_database_url

BASE_DIR = Path(__file__).resolve().parent.parent

DEBUG = env_bool("DEBUG", False)

SECRET_KEY = env_str("SECRET_KEY")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
if DEBUG:
    SECRET_KEY = SECRET_KEY or "django-insecure-local-development-only-never-in-production"
    ALLOWED_HOSTS = ALLOWED_HOSTS or ["127.0.0.1", "localhost", "[::1]"]
else:
    _missing = [name for name in ("SECRET_KEY", "ALLOWED_HOSTS") if not env_str(name).strip()]
    if _missing:
        raise ImproperlyConfigured(
            f"Production mode (DEBUG off) needs {' and '.join(_missing)} in the environment."
        )
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")
# Where the hub is reached, for links in emails sent outside a request (decisions taken
# by the task worker or by staff on someone else's behalf). Defaults to the first host.
SITE_URL = env_str(
    "SITE_URL",
    "http://127.0.0.1:8000" if DEBUG else f"https://{ALLOWED_HOSTS[0].lstrip('.')}",
).rstrip("/")

DATABASE_URL = env_str("DATABASE_URL")
if not DATABASE_URL and DEBUG:
    # Development without `make`: the project-local cluster of this checkout, or where it
    # will listen once `make run` has created it (commands that need no database work).
    DATABASE_URL = recorded_database_url() or "postgresql://scn@127.0.0.1:55432/scn"
if not DATABASE_URL:
    raise ImproperlyConfigured(
        "DATABASE_URL is not set: use `make run` / `make test` (they start a local "
        "PostgreSQL) or export DATABASE_URL=postgresql://user:password@host:port/name."
    )
DATABASES = {"default": parse_database_url(DATABASE_URL)}
DATABASES["default"]["CONN_MAX_AGE"] = env_int("DB_CONN_MAX_AGE", 60)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.postgres",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "django_filters",
    "taggit",
    "django_countries",
    "django_tasks_db",
    "membership",
    "library",
    "cityprofiles",
    "training",
    "events",
    "audit",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Content-Security-Policy (SECURE_CSP below) with a fresh nonce per response.
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # An unreachable database answers a 503 page with Retry-After, never a 500: outside
    # every middleware that may touch the database (sessions, users, the cache), inside
    # the ones that add the security headers.
    "scn_portal.outage.DatabaseOutageMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # The current request for audit.services.record() (IP, user agent); logs 429s.
    "audit.middleware.AuditRequestMiddleware",
    # Cache-Control: private, no-store on what a logged-in user sees.
    "scn_portal.security.PrivatePagesMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # Idle and absolute session limits, recent password for account settings.
    "scn_portal.sessions.SessionLimitsMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Django's LoginRequiredMiddleware with the public and applicant allowlists.
    "scn_portal.middleware.MemberOnlyMiddleware",
]

ROOT_URLCONF = "scn_portal.urls"
WSGI_APPLICATION = "scn_portal.wsgi.application"

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
                "scn_portal.context_processors.portal",
                # {{ csp_nonce }} for the <script> and <style> elements of base.html
                "django.template.context_processors.csp",
            ],
            "builtins": ["scn_portal.templatetags.portal"],
        },
    },
]

# --- Accounts: one login system (allauth), email as the login, member-only hub ---
AUTH_USER_MODEL = "membership.User"
AUTHENTICATION_BACKENDS = ["membership.backends.MemberAuthenticationBackend"]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "home"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

ACCOUNT_ADAPTER = "membership.adapter.AccountAdapter"
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
# Signup is a practitioner's access request: name, member city, position, why (issue 4).
ACCOUNT_SIGNUP_FORM_CLASS = "membership.forms.access.AccessRequestForm"
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_PREVENT_ENUMERATION = True
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = False
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[SCN Online Hub] "
ACCOUNT_DEFAULT_HTTP_PROTOCOL = "http" if DEBUG else "https"
# allauth's rate limits (login failures, signups, password resets...) count in the
# default cache: the database cache below, so every web worker sees the same counts.
ACCOUNT_RATE_LIMITS = {
    "login_failed": "10/m/ip,5/5m/key",
    "signup": "20/m/ip",
    "reset_password": "20/m/ip,5/m/key",
    "confirm_email": "1/3m/key",
    # the public "Join the network" form (membership.views.applications)
    "city_application": "10/h/ip",
}
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes", "webauthn"]
MFA_TOTP_ISSUER = "SCN Online Hub"
MFA_WEBAUTHN_ALLOW_INSECURE_ORIGIN = DEBUG
# Behind N reverse proxies of our own, the client's address is the Nth from the end of
# X-Forwarded-For; with 0 (the default) the header is ignored, so nobody escapes the
# per-address rate limits by sending a made-up one.
ALLAUTH_TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", 0)

# --- Sessions (scn_portal/sessions.py) ---
# A session ends after SESSION_IDLE_SECONDS without a request and SESSION_ABSOLUTE_SECONDS
# after the login, whatever happens. No "remember me": the cookie ends with the browser
# and nothing extends either limit (members use shared office computers).
SESSION_IDLE_SECONDS = env_int("SESSION_IDLE_SECONDS", 30 * 60)
SESSION_ABSOLUTE_SECONDS = env_int("SESSION_ABSOLUTE_SECONDS", 12 * 60 * 60)
ACCOUNT_SESSION_REMEMBER = False
# The server forgets a session row no later than the absolute limit.
SESSION_COOKIE_AGE = SESSION_ABSOLUTE_SECONDS
# Logging out takes a POST (the header's button); a GET shows a confirmation page.
ACCOUNT_LOGOUT_ON_GET = False
# A password change keeps this session (Django updates its hash) and ends all the others.
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
# Email, password and two-factor settings need a password typed in the last 5 minutes.
ACCOUNT_REAUTHENTICATION_REQUIRED = True
ACCOUNT_REAUTHENTICATION_TIMEOUT = 5 * 60

CACHES = {
    "default": {
        # Django's database cache, writing in one statement (scn_portal/cache.py).
        "BACKEND": "scn_portal.cache.PostgreSQLCache",
        "LOCATION": "scn_cache",
        # Rate limit counters live here: the default 300 entries would let someone flood
        # the cache with made-up emails until the counters of a real attack are culled.
        "OPTIONS": {"MAX_ENTRIES": 100_000},
    }
}

# --- Security ---
# Cookies: Secure in production, and there with the `__Host-` prefix, which browsers only
# accept from HTTPS, for Path=/ and without Domain, so no other host (a subdomain) can set
# or overwrite them. Development over plain http keeps the ordinary names.
_COOKIE_PREFIX = "" if DEBUG else "__Host-"
SESSION_COOKIE_NAME = f"{_COOKIE_PREFIX}sessionid"
SESSION_COOKIE_SECURE = not DEBUG
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_NAME = f"{_COOKIE_PREFIX}csrftoken"
CSRF_COOKIE_SECURE = not DEBUG
# No script reads the token: forms carry it in a hidden field and htmx only sends GETs.
CSRF_COOKIE_HTTPONLY = True
CSRF_COOKIE_SAMESITE = "Lax"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
# Content-Security-Policy: nothing unless listed. Scripts and styles come from the hub's own
# static files, or carry the response's nonce ({{ csp_nonce }}); never inline attributes
# (style="", onclick=) nor eval. img-src allows data: for Bootstrap's inline SVG icons
# (select arrows, check marks) in its CSS. connect-src is htmx's requests.
SECURE_CSP = {
    "default-src": [CSP.NONE],
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF, CSP.NONCE],
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
    "base-uri": [CSP.NONE],
    "object-src": [CSP.NONE],
}
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", not DEBUG)
# Load balancer and container probes speak plain HTTP to the app.
SECURE_REDIRECT_EXEMPT = [r"^healthz$", r"^readyz$"]
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 0 if DEBUG else 31_536_000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
if env_bool("BEHIND_TLS_PROXY", False):
    # Only behind a proxy that sets this header itself and strips it from clients.
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

# --- Languages ---
LANGUAGE_CODE = "en"
LANGUAGES = [("en", _("English")), ("fr", _("French")), ("ar", _("Arabic"))]
LOCALE_PATHS = [BASE_DIR / "scn_portal" / "locale"]
# Django's default language cookie ends with the browser session; a year means a
# practitioner who picked Arabic gets Arabic tomorrow too, logged in or not.
LANGUAGE_COOKIE_AGE = 60 * 60 * 24 * 365
LANGUAGE_COOKIE_SECURE = not DEBUG
# Path=/ and no Domain (Django's defaults), so it can carry the prefix too (see Security).
LANGUAGE_COOKIE_NAME = f"{_COOKIE_PREFIX}django_language"
LANGUAGE_COOKIE_HTTPONLY = True
LANGUAGE_COOKIE_SAMESITE = "Lax"
USE_I18N = True
USE_TZ = True
TIME_ZONE = env_str("TIME_ZONE", "UTC")

# Kosovo is not in ISO 3166-1; XK is the code the network and GeoNames use.
COUNTRIES_OVERRIDE = {"XK": {"names": [_("Kosovo")], "alpha3": "XKX"}}

# --- Files: static through whitenoise, uploads private (never served by URL) ---
STATIC_URL = "static/"
STATIC_ROOT = Path(env_str("STATIC_ROOT", str(BASE_DIR / "staticfiles")))
STATICFILES_DIRS = [BASE_DIR / "static"]
# In development whitenoise serves straight from the app and project folders.
WHITENOISE_USE_FINDERS = DEBUG
WHITENOISE_AUTOREFRESH = DEBUG
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(BASE_DIR / "media")))
STORAGES = {
    "default": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": MEDIA_ROOT, "base_url": None},
    },
    "staticfiles": {
        # Development and tests serve the files from their folders, without collectstatic.
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage",
    },
}
# The letter of approval a city attaches to its application to join (a PDF).
# Larger uploads are refused with a form error; Django streams files to a temporary file
# beyond FILE_UPLOAD_MAX_MEMORY_SIZE and never counts them in DATA_UPLOAD_MAX_MEMORY_SIZE.
CITY_APPLICATION_LETTER_MAX_BYTES = env_int("CITY_APPLICATION_LETTER_MAX_BYTES", 10 * 1024 * 1024)
# Library documents (library.files): the largest file accepted, and the most an Office
# or OpenDocument file (a zip archive) may unpack to.
LIBRARY_MAX_UPLOAD_BYTES = env_int("LIBRARY_MAX_UPLOAD_BYTES", 50 * 1024 * 1024)
LIBRARY_MAX_UNPACKED_BYTES = env_int("LIBRARY_MAX_UNPACKED_BYTES", 300 * 1024 * 1024)

# --- Email: console in development, SMTP in production, locmem in tests (Django's test setup) ---
if env_str("EMAIL_HOST"):
    MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {
                "host": env_str("EMAIL_HOST"),
                "port": env_int("EMAIL_PORT", 587),
                "username": env_str("EMAIL_HOST_USER"),
                "password": env_str("EMAIL_HOST_PASSWORD"),
                "use_tls": env_bool("EMAIL_USE_TLS", True),
                "timeout": 20,
            },
        }
    }
elif DEBUG:
    MAILERS = {"default": {"BACKEND": "django.core.mail.backends.console.EmailBackend"}}
else:
    raise ImproperlyConfigured("Production mode needs EMAIL_HOST (the SMTP server) to send mail.")
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "SCN Online Hub <hub@localhost>")
SERVER_EMAIL = env_str("SERVER_EMAIL", DEFAULT_FROM_EMAIL)

# --- Background work: Django's tasks API; the database backend needs `manage.py db_worker` ---
_TASK_BACKENDS = {
    "database": "django_tasks_db.DatabaseBackend",
    "immediate": "django.tasks.backends.immediate.ImmediateBackend",  # tests
}
_task_backend = env_str("TASKS_BACKEND", "database")
if _task_backend not in _TASK_BACKENDS:
    raise ImproperlyConfigured(f"TASKS_BACKEND must be one of {', '.join(_TASK_BACKENDS)}")
TASKS = {"default": {"BACKEND": _TASK_BACKENDS[_task_backend]}}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "{asctime} {levelname} {name}: {message}", "style": "{"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
}
