"""The test suite: a real PostgreSQL (embedded unless DATABASE_URL is set)."""

from . import env
from .base import *  # noqa: F403
from .base import DATA_DIR

DEBUG = False
SECRET_KEY = "test-only-insecure-key"
ALLOWED_HOSTS = [".localhost", "localhost", "testserver", "127.0.0.1"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
MEDIA_ROOT = DATA_DIR / "test-media"
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
if not env.REDIS_URL:
    _broker_dir = DATA_DIR / "test-celery"
    CELERY_BROKER_TRANSPORT_OPTIONS = {
        "data_folder_in": str(_broker_dir / "queue"),
        "data_folder_out": str(_broker_dir / "queue"),
        "processed_folder": str(_broker_dir / "processed"),
        "store_processed": False,
    }
    CELERY_RESULT_BACKEND = f"file://{_broker_dir / 'results'}"
    for _sub in ("queue", "processed", "results"):
        (_broker_dir / _sub).mkdir(parents=True, exist_ok=True)
