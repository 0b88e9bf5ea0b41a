"""All of Stent's settings, read from the environment (12-factor); see the README's table."""
import os
from pathlib import Path

import dj_database_url
import dj_email_url
from corsheaders.defaults import default_headers as cors_default_headers
from csp.constants import NONE, SELF, UNSAFE_INLINE
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from core.config.env import env_bool, env_list
from core.config.logs import logging_settings
from core.config.storages import storages_settings
from core.config.tasks import tasks_apps, tasks_settings
from core.plugins import available_plugins, select_plugins

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(os.environ.get("STENT_VAR_DIR", BASE_DIR / "var"))


DEBUG = env_bool("DEBUG", True)

SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("SECRET_KEY must be set when DEBUG is off.")
    SECRET_KEY = "django-insecure-stent-development-only-key-never-use-in-production"

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1],testserver" if DEBUG else "")

# --- Plugins: chosen before Django loads apps -------------------------------------------------
STENT_AVAILABLE_PLUGINS = available_plugins()
STENT_ENABLED_PLUGINS = select_plugins(os.environ.get("STENT_PLUGINS"), STENT_AVAILABLE_PLUGINS)

# --- Background tasks: immediate in development, a worker's queue in production ---------------
REDIS_URL = os.environ.get("REDIS_URL", "")
_TASK_SETTINGS = tasks_settings(os.environ.get("TASKS_BACKEND", ""), debug=DEBUG,
                                redis_url=REDIS_URL)
vars().update(_TASK_SETTINGS)  # TASKS, and RQ_QUEUES for the RQ backend

INSTALLED_APPS = [
    "core",
    "core.api",
    "core.identity",
    "core.privacy",
    "core.communities",
    "core.moderation",
    "core.notifications",
    "cms",
    *[spec.app_config_path for spec in STENT_ENABLED_PLUGINS],
    # Wagtail
    "wagtail.api.v2",
    "wagtail.locales",
    "wagtail.contrib.simple_translation",
    "wagtail.contrib.forms",
    "wagtail.contrib.settings",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",  # is modelsearch's app (a second "modelsearch" entry breaks search)
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    # accounts
    "allauth",
    "allauth.account",
    "allauth.headless",
    "allauth.mfa",
    "allauth.usersessions",  # an index of each member's sessions (erasure, "my devices")
    # API
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "corsheaders",
    *tasks_apps(_TASK_SETTINGS["TASKS"]["default"]["BACKEND"]),
    "csp",
    # Django
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
]

# The security, CSP and CORS middleware sit outside the JSON errors, so that every response,
# a rewritten 404 or 500 included, carries their headers.
MIDDLEWARE = [
    "core.observability.request_id.RequestIdMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "core.api.headers.PrivacyHeadersMiddleware",
    "core.api.headers.PathPolicyCSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "corsheaders.middleware.CorsMiddleware",
    "core.api.middleware.JsonErrorsForApiMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "core.api.middleware.ApiRequestLimitsMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "core.identity.middleware.LoginRateLimitMiddleware",
]

ROOT_URLCONF = "core.urls"
WSGI_APPLICATION = "core.wsgi.application"
ASGI_APPLICATION = "core.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "core" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

# --- Data -------------------------------------------------------------------------------------
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{VAR_DIR / 'stent.sqlite3'}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Writers wait for the lock instead of failing at once; WAL lets readers run beside them.
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {"timeout": 20, "transaction_mode": "IMMEDIATE",
         "init_command": "PRAGMA journal_mode=WAL;"}
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "identity.User"

if REDIS_URL:
    # The cache holds DRF's throttles and allauth's rate limits: shared by every web process.
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache",
                          "LOCATION": REDIS_URL, "KEY_PREFIX": "stent"}}
    # Sessions are written to the database and read through the cache: a Redis restart logs
    # nobody out.
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

ELASTICSEARCH_URL = os.environ.get("ELASTICSEARCH_URL", "")
if ELASTICSEARCH_URL:
    WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": "modelsearch.backends.elasticsearch8",
            "URLS": [ELASTICSEARCH_URL],
            "INDEX": os.environ.get("ELASTICSEARCH_INDEX", "stent"),
            "TIMEOUT": 5,
            # Elasticsearch's language analyzer (stemming, stop words) for the main language.
            "INDEX_SETTINGS": {"settings": {"analysis": {"analyzer": {"default": {
                "type": {"fr": "french"}.get(os.environ.get("LANGUAGE_CODE", "en")[:2],
                                             "english")}}}}},
        }
    }
else:
    # PostgreSQL full text on PostgreSQL, SQLite FTS5 otherwise. SEARCH_CONFIG (PostgreSQL only)
    # stems words in the site's main language; the other language is matched word for word.
    WAGTAILSEARCH_BACKENDS = {"default": {
        "BACKEND": "cms.search_backend",  # modelsearch's, fixed for UUID keys on SQLite
        "SEARCH_CONFIG": os.environ.get("STENT_SEARCH_CONFIG") or {
            "fr": "french", "en": "english"}.get(os.environ.get("LANGUAGE_CODE", "en")[:2],
                                                 "simple"),
    }}

# --- E-mail -----------------------------------------------------------------------------------
EMAIL_URL = os.environ.get("EMAIL_URL", "")
if EMAIL_URL:
    vars().update(dj_email_url.parse(EMAIL_URL))
else:
    EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Stent <no-reply@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# --- Passwords and accounts -------------------------------------------------------------------
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
     "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
LOGIN_URL = "wagtailadmin_login"

# django-allauth, headless only: sign-up, login, e-mail verification, password reset, TOTP.
ACCOUNT_ADAPTER = "core.identity.adapters.AccountAdapter"
ACCOUNT_USER_DISPLAY = "core.identity.adapters.user_display"
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_SIGNUP_FORM_CLASS = "core.identity.forms.SignupForm"
ACCOUNT_EMAIL_SUBJECT_PREFIX = f"[{os.environ.get('STENT_SITE_NAME', 'Stent')}] "
ACCOUNT_RATE_LIMITS = {
    # Failed logins: per IP, and per account so a botnet cannot guess one member's password.
    "login_failed": os.environ.get("STENT_LOGIN_FAILED_RATE", "10/m/ip,5/5m/key"),
    "login": "30/m/ip",
    "signup": os.environ.get("STENT_SIGNUP_RATE", "20/m/ip"),
}
HEADLESS_ONLY = True
HEADLESS_ADAPTER = "core.identity.adapters.HeadlessAdapter"
# One read of the session per signed-in token request (allauth's default reads it twice).
HEADLESS_TOKEN_STRATEGY = "core.identity.tokens.SingleLookupSessionTokenStrategy"
HEADLESS_CLIENTS = ("browser", "app")
# The allauth spec is merged into our OpenAPI schema; its HTML page (CDN assets) stays off.
HEADLESS_SERVE_SPECIFICATION = True
HEADLESS_SPECIFICATION_TEMPLATE_NAME = None
STENT_FRONTEND_URL = os.environ.get(
    "STENT_FRONTEND_URL",
    os.environ.get("STENT_BASE_URL", "http://127.0.0.1:8000") + "/api/v1",
).rstrip("/")
# Each e-mailed account link's path on the front-end, overridable one by one
# (STENT_FRONTEND_PATH_VERIFY_EMAIL, ..._RESET_PASSWORD, ..._RESET_PASSWORD_FROM_KEY, ..._SIGNUP).
HEADLESS_FRONTEND_URLS = {
    name: STENT_FRONTEND_URL + os.environ.get(f"STENT_FRONTEND_PATH_{variable}", default)
    for name, variable, default in [
        ("account_confirm_email", "VERIFY_EMAIL", "/account/verify-email/{key}"),
        ("account_reset_password", "RESET_PASSWORD", "/account/password/reset"),
        ("account_reset_password_from_key", "RESET_PASSWORD_FROM_KEY",
         "/account/password/reset/key/{key}"),
        ("account_signup", "SIGNUP", "/account/signup"),
    ]
}
# Every e-mailed notification ends with a link from a template (core/notifications/links.py):
# STENT_NOTIFICATION_LINK for every kind, STENT_INVITATION_LINK for those its recipient answers
# (accept or decline), STENT_NOTIFICATION_LINK_<KIND> (the kind's key in capitals, "." as "_")
# for one kind. Fields: {frontend}, {base}, {notification} (its id), {kind}, {path} (the API
# path it names), {token} (invitations: signed, single-purpose, STENT_INVITATION_LINK_DAYS).
STENT_NOTIFICATION_LINK = os.environ.get("STENT_NOTIFICATION_LINK",
                                         "{frontend}/notifications/{notification}/")
STENT_INVITATION_LINK = os.environ.get("STENT_INVITATION_LINK",
                                       "{frontend}/notifications/answer/?token={token}")
STENT_INVITATION_LINK_DAYS = int(os.environ.get("STENT_INVITATION_LINK_DAYS", "14"))
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = os.environ.get("STENT_SITE_NAME", "Stent")

# --- Internationalisation ---------------------------------------------------------------------
LANGUAGE_CODE = os.environ.get("LANGUAGE_CODE", "en")
LANGUAGES = [("en", _("English")), ("fr", _("French"))]
LOCALE_PATHS = [BASE_DIR / "core" / "locale"]
TIME_ZONE = os.environ.get("TIME_ZONE", "Europe/Paris")
USE_I18N = True
USE_TZ = True
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES

# --- Static and media -------------------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", VAR_DIR / "static"))
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", VAR_DIR / "media"))
# Verification documents: never under MEDIA_ROOT, never served by a URL.
STENT_PRIVATE_ROOT = Path(os.environ.get("STENT_PRIVATE_ROOT", VAR_DIR / "private"))
# Local disk by default; an S3-compatible store with AWS_STORAGE_BUCKET_NAME (see the README).
vars().update(storages_settings(os.environ, debug=DEBUG))

# --- Wagtail ----------------------------------------------------------------------------------
WAGTAIL_SITE_NAME = os.environ.get("STENT_SITE_NAME", "Stent")
WAGTAILADMIN_BASE_URL = os.environ.get("STENT_BASE_URL", "http://127.0.0.1:8000")
WAGTAILAPI_BASE_URL = WAGTAILADMIN_BASE_URL
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "key", "odt", "pdf", "pptx", "rtf", "txt", "xlsx", "zip"]
WAGTAILAPI_LIMIT_MAX = 100
WAGTAIL_WORKFLOW_REQUIRE_REAPPROVAL_ON_EDIT = True
# Approval publishes even though medical reviewers have no publish permission (no bypass).
WAGTAIL_FINISH_WORKFLOW_ACTION = "cms.workflow.publish_approved_revision"
# How long a headless front-end may read a draft with the token an editor got (seconds).
STENT_PREVIEW_TOKEN_MAX_AGE = int(os.environ.get("STENT_PREVIEW_TOKEN_MAX_AGE", "600"))

# --- API --------------------------------------------------------------------------------------
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "core.api.authentication.SessionTokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
    "DEFAULT_RENDERER_CLASSES": ["core.api.renderers.StentJSONRenderer"],
    "DEFAULT_PARSER_CLASSES": [
        "core.api.parsers.LimitedJSONParser",
        "rest_framework.parsers.FormParser",
        "rest_framework.parsers.MultiPartParser",
    ],
    "DEFAULT_CONTENT_NEGOTIATION_CLASS": "core.api.negotiation.StentContentNegotiation",
    "DEFAULT_METADATA_CLASS": "core.api.negotiation.StentMetadata",
    "DEFAULT_PAGINATION_CLASS": "core.api.pagination.StentCursorPagination",
    "PAGE_SIZE": 20,
    "DEFAULT_SCHEMA_CLASS": "core.api.component_names.AutoSchema",
    "EXCEPTION_HANDLER": "core.api.errors.exception_handler",
    "DEFAULT_THROTTLE_CLASSES": [
        "rest_framework.throttling.AnonRateThrottle",
        "rest_framework.throttling.UserRateThrottle",
    ],
    "DEFAULT_THROTTLE_RATES": {
        "anon": os.environ.get("STENT_THROTTLE_ANON", "120/min"),
        "user": os.environ.get("STENT_THROTTLE_USER", "600/min"),
    },
    "TEST_REQUEST_DEFAULT_FORMAT": "json",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Stent API",
    "DESCRIPTION": "The JSON API of Stent: members, privacy, communities, pages and plugins.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SCHEMA_PATH_PREFIX": r"/api/v1",
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "COMPONENT_SPLIT_REQUEST": True,
    "PREPROCESSING_HOOKS": ["core.api.schema.only_public_api"],
    # Core choice sets sharing a field name get explicit names; plugins name theirs in their
    # own serializers' fields, so that a disabled plugin is never imported here.
    "ENUM_NAME_OVERRIDES": {
        "ConsentPurposeEnum": "core.privacy.purposes.purpose_choices",
        "CircleStatusEnum": "core.identity.models.CircleMembership.Status",
        "VerificationStateEnum": "core.identity.models.VerificationRequest.State",
        "ReportStateEnum": "core.moderation.models.Report.State",
        "MembershipStatusEnum": "core.communities.models.Membership.Status",
        "AudienceEnum": "core.privacy.audiences.Audience.choices",
        "MemberKindEnum": "core.identity.models.MemberKind",
        "LanguageEnum": "core.settings.LANGUAGES",
    },
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "core.identity.schema.merge_allauth_spec",
        "core.api.schema.document_errors",
    ],
    "APPEND_COMPONENTS": {"securitySchemes": {
        "sessionToken": {"type": "apiKey", "in": "header", "name": "X-Session-Token"},
    }},
}
STENT_API_PAGE_SIZE_MAX = 100

CORS_ALLOWED_ORIGINS = env_list("CORS_ALLOWED_ORIGINS")
CORS_ALLOW_CREDENTIALS = True
CORS_URLS_REGEX = r"^/api/.*$"
# A front-end on a listed origin uses allauth's app client (X-Session-Token) and retried writes.
CORS_ALLOW_HEADERS = (*cors_default_headers, "x-session-token", "idempotency-key")
CORS_EXPOSE_HEADERS = ["Retry-After"]

# --- Request limits (core/api/limits.py) ------------------------------------------------------
STENT_API_MAX_BODY_BYTES = int(os.environ.get("STENT_API_MAX_BODY_BYTES", str(1024 * 1024)))
STENT_API_MAX_UPLOAD_BYTES = int(
    os.environ.get("STENT_API_MAX_UPLOAD_BYTES", str(12 * 1024 * 1024)))
STENT_API_MAX_JSON_DEPTH = int(os.environ.get("STENT_API_MAX_JSON_DEPTH", "32"))
STENT_API_MAX_PARAMETER_LENGTH = int(os.environ.get("STENT_API_MAX_PARAMETER_LENGTH", "2000"))
DATA_UPLOAD_MAX_MEMORY_SIZE = STENT_API_MAX_BODY_BYTES

# --- Content-Security-Policy (django-csp) and Permissions-Policy ------------------------------
# The API serves JSON only: nothing may load. The docs page and the admins load their own
# (self-hosted) assets; Swagger UI and Wagtail set inline styles.
CONTENT_SECURITY_POLICY = {"DIRECTIVES": {
    "default-src": [NONE], "frame-ancestors": [NONE], "base-uri": [NONE], "form-action": [NONE],
}}
_PAGE_POLICY = {
    "default-src": [SELF], "script-src": [SELF], "style-src": [SELF, UNSAFE_INLINE],
    "img-src": [SELF, "data:", "blob:"], "font-src": [SELF], "connect-src": [SELF],
    "object-src": [NONE], "base-uri": [SELF], "form-action": [SELF],
    "frame-ancestors": [SELF], "frame-src": [SELF],
}
STENT_CSP_PATH_POLICIES = {
    "/api/v1/docs/": {**_PAGE_POLICY, "form-action": [NONE], "frame-ancestors": [NONE]},
    "/admin/": _PAGE_POLICY,
    "/django-admin/": _PAGE_POLICY,
}
STENT_PERMISSIONS_POLICY = ", ".join(f"{feature}=()" for feature in (
    "accelerometer", "camera", "geolocation", "gyroscope", "magnetometer", "microphone",
    "payment", "usb", "browsing-topics"))
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", ",".join(CORS_ALLOWED_ORIGINS))

# --- Security in production -------------------------------------------------------------------
if not DEBUG:
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", str(60 * 60 * 24 * 365)))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
    SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    if env_bool("STENT_BEHIND_PROXY", False):
        SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True

# --- Stent ------------------------------------------------------------------------------------
STENT_MIN_GROUP_SIZE = int(os.environ.get("STENT_MIN_GROUP_SIZE", "10"))
# An erased member's handle is kept as a keyed hash and refused for this many days (unset or 0:
# forever); the key defaults to SECRET_KEY (set it apart to rotate SECRET_KEY without losing them).
STENT_ERASED_HANDLE_DAYS = int(os.environ.get("STENT_ERASED_HANDLE_DAYS", "0")) or None
STENT_ERASED_HANDLE_KEY = os.environ.get("STENT_ERASED_HANDLE_KEY", "")
STENT_IDEMPOTENCY_HOURS = int(os.environ.get("STENT_IDEMPOTENCY_HOURS", "24"))
STENT_MAX_IMAGE_BYTES = int(os.environ.get("STENT_MAX_IMAGE_BYTES", str(8 * 1024 * 1024)))
STENT_MAX_IMAGE_PIXELS = int(os.environ.get("STENT_MAX_IMAGE_PIXELS", "40000000"))
STENT_DEMO_ADMIN_EMAIL = "admin@stent.example"
STENT_DEMO_PASSWORD = "stent-demo-2026"
STENT_AVATAR_MAX_BYTES = int(os.environ.get("STENT_AVATAR_MAX_BYTES", str(2 * 1024 * 1024)))
STENT_VERIFICATION_DOCUMENT_MAX_BYTES = int(
    os.environ.get("STENT_VERIFICATION_DOCUMENT_MAX_BYTES", str(10 * 1024 * 1024)))

LOGGING = logging_settings(
    json_lines=env_bool("STENT_LOG_JSON", not DEBUG),
    level=os.environ.get("LOG_LEVEL", "INFO"),
    libraries_level=os.environ.get("LOG_LEVEL_LIBRARIES", "WARNING"),
)

VAR_DIR.mkdir(parents=True, exist_ok=True)

# drf-spectacular warns when two plugins name different choice sets alike ("status", "state"):
# it then gives each a distinct, stable name, and the schema stays correct. The core cannot name
# plugin modules in ENUM_NAME_OVERRIDES, so the naming warning is not a deployment failure.
SILENCED_SYSTEM_CHECKS = [*globals().get("SILENCED_SYSTEM_CHECKS", []), "drf_spectacular.W001"]
