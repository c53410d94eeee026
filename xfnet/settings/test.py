"""The test suite: a real PostgreSQL (embedded unless DATABASE_URL is set)."""

from .base import *  # noqa: F403
from .base import DATA_DIR, INSTALLED_APPS, redis_locations, redis_settings

DEBUG = False
INSTALLED_APPS = [*INSTALLED_APPS, "demo"]
SECRET_KEY = "test-only-insecure-key"
XFNET_PERSONAL_DATA_KEY = "dGVzdC1vbmx5LWluc2VjdXJlLWtleS1kby1ub3QtdXM="
ALLOWED_HOSTS = [".localhost", "localhost", "testserver", "127.0.0.1"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
MEDIA_ROOT = DATA_DIR / "test-media"
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# Apart from the demo's broker and caches (the embedded Redis has four databases), so a
# running demo worker never takes test tasks and a running demo never serves test pages.
CACHES, CELERY_BROKER_URL = redis_settings(redis_locations(broker_db=2, cache_db=3))
CELERY_RESULT_BACKEND = CELERY_BROKER_URL
XFNET_DELIVERY_RETRY_DELAY = 0.2
XFNET_NOTIFY_RETRY_DELAY = 0.2
XFNET_FORUM_IMAGE_ROOT = DATA_DIR / "test-private" / "forum"
XFNET_VIDEO_SOURCE_ROOT = DATA_DIR / "test-private" / "video-sources"
# A worker started with beat (-B) by a test catches up the search index within seconds.
CELERY_BEAT_SCHEDULE["catch-up-search-index"]["schedule"] = 3  # noqa: F405
