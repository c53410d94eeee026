"""Production: every secret and host comes from the environment, nothing insecure."""

from django.core.exceptions import ImproperlyConfigured

from . import env
from .base import *  # noqa: F403

DEBUG = False
if not env.SECRET_KEY:
    raise ImproperlyConfigured("Set DJANGO_SECRET_KEY for production.")
SECRET_KEY = env.SECRET_KEY
if not env.ALLOWED_HOSTS:
    raise ImproperlyConfigured("Set DJANGO_ALLOWED_HOSTS (e.g. .ahxf.gov.cn) for production.")
ALLOWED_HOSTS = env.ALLOWED_HOSTS
if not env.DATABASE_URL:
    raise ImproperlyConfigured("Set DATABASE_URL for production.")

# Review notices and receipts; without a relay they are dropped rather than failing
# every delivery (the admin inbox and receipts pages show the same information).
if env.EMAIL_HOST:
    EMAIL_HOST, EMAIL_PORT = env.EMAIL_HOST, env.EMAIL_PORT
else:
    EMAIL_BACKEND = "django.core.mail.backends.dummy.EmailBackend"

# nginx sends documents once Wagtail's view has checked the reader may have them.
SENDFILE_BACKEND = sendfile_backend("nginx")  # noqa: F405

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "SAMEORIGIN"
STORAGES["staticfiles"]["BACKEND"] = (  # noqa: F405
    "django.contrib.staticfiles.storage.ManifestStaticFilesStorage"
)
