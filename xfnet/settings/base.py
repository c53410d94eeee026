"""Settings shared by every environment."""

from datetime import timedelta

import dj_database_url
from celery.schedules import crontab
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from xfnet import embedded

from . import env

BASE_DIR = env.BASE_DIR
DATA_DIR = env.DATA_DIR

# --- Apps -----------------------------------------------------------------------------
# The public schema: what the whole network shares (accounts, the node tree, domains).
SHARED_APPS = [
    "django_tenants",
    "network",
    "syndication",
    "shared_blocks",
    "search",
    "django.contrib.contenttypes",
    "django.contrib.auth",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    # Wagtail's users app, with role groups left out of its lists (network.users).
    "network.wagtail_users.UsersConfig",
    "pagecache",
    "readership",
    "provisioning",
    "quickpost",
    # What the centre watches: timeliness, broken links (public schema).
    "operations",
    # 语音播报: the province's switch and each article's server-made audio.
    "readaloud",
    # The working-day calendar the centre edits (holidays, 调休).
    "workdays",
    # 错敏词: the network's one list of sensitive words, kept by the province.
    "sensitivewords",
    # 网络直通车: the public's messages to every node, the reply clock, escalation.
    "messageboard",
    # 站内消息, e-mail and text messages to accounts, through one outbox.
    "notifications",
    # 调查投票: questionnaires and votes, run on a site or across a subtree.
    "surveys",
    # 论坛议事: boards per node, topics, replies, reports, moderation.
    "forums",
    # 网上考试 (网上党校): question banks, exams, members' attempts.
    "exams",
    # Self-hosted videos: uploads transcoded to MP4 and HLS by a worker.
    "videos",
    # 网上课堂 (网上党校): courses, lessons with plans and videos, members' progress.
    "classroom",
    # 学习积分: members' points and rankings, the province's rules (the ledger is syndication's).
    "learning",
    # 心灵港湾: members' birthday and 入党纪念日 greetings, cards, officers' to-do notes.
    "greetings",
    # Party affairs across nodes: transfers, member accounts, audit, leaders' figures.
    "partyaffairs.ledger",
    # Failed logins and page-password guesses, network-wide (themes.throttling).
    "axes",
]

# Each backbone schema (and the template it is cloned from): Wagtail and its content.
TENANT_APPS = [
    # First, so the theme's templates (base.html, 404.html, admin branding) win.
    "themes",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.routable_page",
    "django.contrib.sitemaps",
    "wagtail.contrib.table_block",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "taggit",
    "modelcluster",
    "sites",
    # Each node's register of party organisations and members (in its site's schema).
    "partyaffairs",
]

INSTALLED_APPS = list(SHARED_APPS) + [app for app in TENANT_APPS if app not in SHARED_APPS]

TENANT_MODEL = "network.Tenant"
TENANT_DOMAIN_MODEL = "network.Domain"
# New backbone schemas are cloned from this template instead of being migrated.
TENANT_BASE_SCHEMA = "xf_template"
TENANT_CREATION_FAKES_MIGRATIONS = True
# Levels whose nodes own a PostgreSQL schema; the others live in their nearest
# schema-owning ancestor's schema as Wagtail Sites (see DESIGN.md).
XFNET_SCHEMA_LEVELS = ("province", "city", "county")

DATABASE_ROUTERS = ("django_tenants.routers.TenantSyncRouter",)
# Set the search_path when the schema changes, not before every query (half the
# round trips). Code that changes search_path itself must restore it (network.cloning).
TENANT_LIMIT_SET_CALLS = True

MIDDLEWARE = [
    # Before the host is looked at: monitors may use any name.
    "xfnet.health.HealthCheckMiddleware",
    "network.middleware.NodeRoutingMiddleware",
    # Outside the cache, so a reader served from the cache is counted too.
    "readership.middleware.ReadCountMiddleware",
    "pagecache.middleware.PageCacheMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "themes.csp.ContentSecurityPolicyMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "network.middleware.AdminScopeMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, as axes asks: turns a locked-out login into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "xfnet.urls"
WSGI_APPLICATION = "xfnet.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
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

# --- Database -------------------------------------------------------------------------
_database_url = env.DATABASE_URL or embedded.embedded_database_url(DATA_DIR)

DATABASES = {
    "default": dj_database_url.parse(
        _database_url, conn_max_age=env.DB_CONN_MAX_AGE or 0, conn_health_checks=True
    )
}
DATABASES["default"]["ENGINE"] = "django_tenants.postgresql_backend"
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"


# --- Redis: Celery's broker, the caches and the page cache ----------------------------
# REDIS_URL, or the embedded Redis under DATA_DIR (xfnet.embedded) when it is unset, so
# a newcomer's machine runs the same broker and caches as production.
def redis_locations(*, broker_db: int, cache_db: int) -> dict[str, str]:
    """Where Celery's broker and Django's caches live. The embedded server keeps them
    in separate databases (tests flush their caches; the broker must not go too)."""
    if env.REDIS_URL:
        return {"broker": env.REDIS_URL, "cache": env.REDIS_URL}
    socket = embedded.embedded_redis_socket(DATA_DIR)
    return {
        "broker": f"redis+socket://{socket}?virtual_host={broker_db}",
        "cache": f"unix://{socket}?db={cache_db}",
    }


def redis_settings(locations: dict[str, str]) -> tuple[dict, str]:
    """(CACHES, Celery broker URL) for those locations."""
    caches = {
        # Keys carry the schema name: Wagtail caches each schema's site root paths
        # under one key.
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": locations["cache"],
            "KEY_FUNCTION": "django_tenants.cache.make_key",
            "REVERSE_KEY_FUNCTION": "django_tenants.cache.reverse_key",
        },
        # Whole public pages and the tokens that invalidate them (pagecache): shared
        # by every web and worker process, keyed without the schema.
        "pages": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": locations["cache"],
            "KEY_PREFIX": "pages",
        },
    }
    return caches, locations["broker"]


CACHES, CELERY_BROKER_URL = redis_settings(redis_locations(broker_db=0, cache_db=1))
CELERY_RESULT_BACKEND = CELERY_BROKER_URL
# Pages per sitemap file (the sitemap protocol's limit); a bigger site gets an index.
XFNET_SITEMAP_URLS = 50_000

# Seconds a cached page lives at most: the bound on staleness for what no event
# announces (a pushed headline reaching its 截止时间).
XFNET_PAGE_CACHE_SECONDS = env.PAGE_CACHE_SECONDS
# nginx answers a cacheable page from its own micro-cache for less than this many
# seconds without asking Django (pagecache.middleware.allow_edge_cache: until the end
# of the current second): a publish shows through nginx within 1 s plus one render.
# Django's page cache behind it is forgotten exactly.
XFNET_EDGE_CACHE_SECONDS = 1
# Reads nginx answered are counted from its log (readership.read_log) when set.
XFNET_READ_LOG = env.READ_LOG


# --- Celery ---------------------------------------------------------------------------
CELERY_TASK_ACKS_LATE = True  # a task whose worker dies mid-way is delivered again
# ... by the broker, this many seconds after it was handed out (Redis transport): a
# killed worker's task runs again within half a minute, not the hour kombu defaults
# to. Every retry pause stays shorter (syndication.tasks.LONGEST_PAUSE, the search
# tasks' backoff), or a waiting retry would be handed out twice.
# Workers look for such tasks every 5 s (kombu's default looks every 10 s but scans
# only one time in ten: a task waited 100 s more, measured).
CELERY_BROKER_TRANSPORT_OPTIONS = {
    "visibility_timeout": 30,
    "unacked_restore_interval": 5,
    "unacked_restore_throttle": 1,
}
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_SERIALIZER = "json"
# Results are read by tests and commands right away; nobody needs yesterday's.
CELERY_RESULT_EXPIRES = 3600
CELERY_TIMEZONE = "Asia/Shanghai"
CELERY_BEAT_SCHEDULE = {
    "refresh-node-activity": {
        "task": "sites.tasks.refresh_all_node_activity",
        "schedule": 15 * 60,
    },
    # 更新监测: the changed schemas scanned, every rule evaluated, reminders sent
    "timeliness-watch": {"task": "operations.tasks.scan_and_evaluate", "schedule": 15 * 60},
    "check-site-links": {"task": "operations.tasks.check_all_links", "schedule": 24 * 3600},
    "fold-read-counts": {"task": "readership.tasks.fold_hits", "schedule": 60},
    # Does nothing unless XFNET_READ_LOG is set.
    "fold-nginx-reads": {"task": "readership.tasks.fold_read_log", "schedule": 60},
    "resume-pending-deliveries": {
        "task": "syndication.tasks.resume_pending_deliveries",
        "schedule": 5 * 60,
    },
    # 心灵港湾 greetings and 待办提醒, each once a day (a rerun sends nothing twice)
    "daily-greetings-and-reminders": {
        "task": "greetings.tasks.daily_greetings_and_reminders",
        "schedule": crontab(hour=8, minute=0),
    },
    # 网上考试: attempts past their time graded as they stood
    "close-expired-attempts": {"task": "exams.tasks.close_expired_attempts", "schedule": 60},
    # videos whose transcode task was lost or whose worker died
    "resume-stalled-transcodes": {
        "task": "videos.tasks.resume_stalled_transcodes",
        "schedule": 5 * 60,
    },
    # e-mails and text messages whose sending task was lost
    "resume-pending-dispatches": {
        "task": "notifications.tasks.resume_pending_dispatches",
        "schedule": 5 * 60,
    },
    # 网络直通车: messages past their reply deadline reported to the parent node
    "escalate-overdue-messages": {
        "task": "messageboard.tasks.escalate_overdue_messages",
        "schedule": 3600,
    },
    # What a lost indexing task left out (or left in) of the search index.
    "catch-up-search-index": {"task": "search.tasks.catch_up_index", "schedule": 10 * 60},
}
# Seconds before a failed delivery's first retry; doubled on each further attempt.
XFNET_DELIVERY_RETRY_DELAY = 10

# --- Syndication ----------------------------------------------------------------------
# 积分 an accepted submission earns its author and origin node, by the level that
# accepted it; a story accepted at county, city and province earns all three.
XFNET_POINTS_PER_LEVEL = {"township": 1, "county": 1, "city": 3, "province": 5}
# 学习积分 a member earns, until the province sets its own rules (积分规则 screen):
# a lesson learnt to the end, an exam passed (once per exam), an article published.
XFNET_LEARNING_POINTS = {"lesson": 2, "exam": 5, "article": 10}
DEFAULT_FROM_EMAIL = env.FROM_EMAIL

# --- Notifications (notifications) ----------------------------------------------------
XFNET_SMS_BACKEND = {
    "console": "notifications.sms.ConsoleBackend",
    "aliyun": "notifications.sms.AliyunBackend",
}[env.SMS_BACKEND]
XFNET_SMS_ACCESS_KEY_ID = env.SMS_ACCESS_KEY_ID
XFNET_SMS_ACCESS_KEY_SECRET = env.SMS_ACCESS_KEY_SECRET
XFNET_SMS_SIGN_NAME = env.SMS_SIGN_NAME
XFNET_SMS_TEMPLATE_CODE = env.SMS_TEMPLATE_CODE
XFNET_SMS_TEMPLATE_PARAM = env.SMS_TEMPLATE_PARAM
XFNET_SMS_ENDPOINT = env.SMS_ENDPOINT
# Seconds before a failed e-mail or text message is tried again; doubled each time.
XFNET_NOTIFY_RETRY_DELAY = 10

# --- 网络直通车 (messageboard) -----------------------------------------------------------
# Working days to answer a message when the province has set no 留言答复时限.
XFNET_REPLY_WORKING_DAYS = 5
# Messages one address may leave, network-wide, per window of seconds.
XFNET_MESSAGE_RATE = (5, 600)
# 论坛议事: posts one account may make per window of seconds; where its images are
# kept (outside MEDIA_ROOT: nginx serves that, and a hidden post's images must not be).
XFNET_FORUM_RATE = (10, 600)
XFNET_FORUM_IMAGE_ROOT = DATA_DIR / "private" / "forum"
# 视频 (videos): uploads are kept here (outside MEDIA_ROOT) until transcoded into
# MEDIA_ROOT/videos/<uuid>/; what may be uploaded, and how large.
XFNET_VIDEO_SOURCE_ROOT = env.VIDEO_SOURCE_ROOT
XFNET_VIDEO_EXTENSIONS = ["mp4", "mov", "avi", "mkv", "wmv", "flv", "m4v", "webm", "mpg",
                          "mpeg", "3gp", "ts"]  # fmt: skip
XFNET_VIDEO_MAX_BYTES = 1024 * 1024 * 1024
# 调查投票: public responses one address may give to one survey (offices share one).
XFNET_SURVEY_RESPONSES_PER_ADDRESS = 50

# --- Auth -----------------------------------------------------------------------------
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "network.passwords.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]
LOGIN_URL = "wagtailadmin_login"
# No page may be framed by another site (Wagtail's previews set SAMEORIGIN themselves).
X_FRAME_OPTIONS = "DENY"
# Throttling (django-axes): 5 wrong passwords lock that account, or that address, for
# 15 minutes; page and document passwords count per protected item (themes.throttling).
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "themes/locked_out.html"
AXES_CLIENT_IP_CALLABLE = "network.addresses.client_ip"
AXES_ENABLE_ADMIN = False
AXES_VERBOSE = False
# How many proxies (nginx, a load balancer) stand in front of the application: the
# reader's address is the one the nearest of them appended to X-Forwarded-For.
XFNET_TRUSTED_PROXIES = env.TRUSTED_PROXIES if env.TRUSTED_PROXIES is not None else 0

# --- Language and time ----------------------------------------------------------------
LANGUAGE_CODE = "zh-hans"
LANGUAGES = [("zh-hans", "简体中文")]
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
TIME_ZONE = "Asia/Shanghai"
# One time zone for the whole province: the account page offers no other (it listed
# 600 English zone names).
WAGTAIL_USER_TIME_ZONES = [TIME_ZONE]
WAGTAILADMIN_USER_LOGIN_FORM = "themes.login.ChineseLoginForm"
# What Wagtail's own zh_Hans catalogue leaves in English (locale/zh_Hans).
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
USE_TZ = True

# --- Static and media -----------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = env.STATIC_ROOT
MEDIA_URL = "/media/"
MEDIA_ROOT = env.MEDIA_ROOT
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# --- Wagtail --------------------------------------------------------------------------
WAGTAIL_SITE_NAME = _("先锋网站群")
WAGTAILADMIN_BASE_URL = env.ADMIN_BASE_URL
# Slugs are pinyin (see sites.slugs), so the admin never proposes Chinese ones.
WAGTAIL_ALLOW_UNICODE_SLUGS = False
WAGTAIL_I18N_ENABLED = False
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
WAGTAILDOCS_EXTENSIONS = [
    "pdf", "doc", "docx", "xls", "xlsx", "ppt", "pptx", "wps", "et", "txt", "csv", "zip", "rar"
]  # fmt: skip
# Documents are only ever served by Wagtail's view, which checks a collection's
# privacy; /media/documents/ is served by nobody (themes.views.media_file, nginx).
WAGTAILDOCS_SERVE_METHOD = "serve_view"
XFNET_PROTECTED_MEDIA_URL = "/_protected_media/"


def sendfile_backend(default: str) -> str:
    """Wagtail's document view sends files with this, as XFNET_DOCUMENTS_SENT_BY says."""
    backends = {"nginx": "xfnet.accel", "django": "wagtail.utils.sendfile_streaming_backend"}
    choice = env.DOCUMENTS_SENT_BY or default
    if choice not in backends:
        raise ImproperlyConfigured("XFNET_DOCUMENTS_SENT_BY must be django or nginx.")
    return backends[choice]


SENDFILE_BACKEND = sendfile_backend("django")
# Wagtail's own search (admin pages, images, documents) with Chinese bigrams, in each
# schema; the public site and network search is the `search` app's index.
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "search.modelsearch_backend"}}

# --- Site and network search (the `search` app) -----------------------------------------
XFNET_SEARCH_BACKEND = env.SEARCH_BACKEND
if XFNET_SEARCH_BACKEND not in ("postgres", "elasticsearch"):
    raise ImproperlyConfigured("XFNET_SEARCH_BACKEND must be postgres or elasticsearch.")
if XFNET_SEARCH_BACKEND == "elasticsearch" and not env.ELASTICSEARCH_URL:
    raise ImproperlyConfigured("Set ELASTICSEARCH_URL to use the elasticsearch backend.")
ELASTICSEARCH_URL = env.ELASTICSEARCH_URL
XFNET_ES_INDEX = env.ES_INDEX
XFNET_ES_IK = env.ES_IK
XFNET_SEARCH_DICTIONARY = env.SEARCH_DICTIONARY
WAGTAILEMBEDS_RESPONSIVE_HTML = True
TAGGIT_CASE_INSENSITIVE = True

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
    "loggers": {"network": {"level": "INFO"}},
}
