"""The test suite: a real PostgreSQL (embedded unless DATABASE_URL is set)."""

from . import env
from .base import *  # noqa: F403
from .base import DATA_DIR, file_broker

DEBUG = False
SECRET_KEY = "test-only-insecure-key"
ALLOWED_HOSTS = [".localhost", "localhost", "testserver", "127.0.0.1"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
MEDIA_ROOT = DATA_DIR / "test-media"
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
if not env.REDIS_URL:
    # Apart from the dev broker, so a running demo worker never takes test tasks.
    CELERY_BROKER_TRANSPORT_OPTIONS, CELERY_RESULT_BACKEND = file_broker(DATA_DIR / "test-celery")
XFNET_DELIVERY_RETRY_DELAY = 0.2
if not env.REDIS_URL:
    # Apart from the demo's page cache, so a running demo never serves test pages.
    CACHES["pages"]["LOCATION"] = str(DATA_DIR / "test-page-cache")  # noqa: F405
