"""Production: every secret and host comes from the environment, nothing insecure."""

from django.core.exceptions import ImproperlyConfigured

from . import env

# Checked before the base settings load: without these they would start the embedded
# servers, which have no place in production.
for name, value, example in [
    ("DJANGO_SECRET_KEY", env.SECRET_KEY, "a long random string"),
    ("DJANGO_ALLOWED_HOSTS", env.ALLOWED_HOSTS, ".ahxf.gov.cn"),
    ("DATABASE_URL", env.DATABASE_URL, "postgres://xfnet@db/xfnet"),
    ("REDIS_URL", env.REDIS_URL, "redis://redis:6379/0"),
    ("XFNET_PERSONAL_DATA_KEY", env.PERSONAL_DATA_KEY, "a Fernet key, 44 characters"),
]:
    if not value:
        raise ImproperlyConfigured(f"Set {name} for production (e.g. {example}).")

from .base import *  # noqa: E402, F403

DEBUG = False
SECRET_KEY = env.SECRET_KEY
XFNET_PERSONAL_DATA_KEY = env.PERSONAL_DATA_KEY
# A connection per request cost ~17 ms of database CPU: keep them (health-checked at
# each request's start, so a restarted PostgreSQL costs one failed ping, not an error).
DATABASES["default"]["CONN_MAX_AGE"] = (  # noqa: F405
    env.DB_CONN_MAX_AGE if env.DB_CONN_MAX_AGE is not None else 60
)
ALLOWED_HOSTS = env.ALLOWED_HOSTS

# Review notices and receipts; without a relay they are dropped rather than failing
# every delivery (the admin inbox and receipts pages show the same information).
if env.EMAIL_HOST:
    EMAIL_HOST, EMAIL_PORT = env.EMAIL_HOST, env.EMAIL_PORT
else:
    EMAIL_BACKEND = "django.core.mail.backends.dummy.EmailBackend"

# nginx sends documents once Wagtail's view has checked the reader may have them.
SENDFILE_BACKEND = sendfile_backend("nginx")  # noqa: F405

# Behind nginx (deploy/nginx/xfnet.conf): the reader's address is the one it appended.
XFNET_TRUSTED_PROXIES = env.TRUSTED_PROXIES if env.TRUSTED_PROXIES is not None else 1

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_CONTENT_TYPE_NOSNIFF = True
# The network is served over HTTPS only: every node's domain, and its subdomains.
SECURE_SSL_REDIRECT = True
SECURE_HSTS_SECONDS = 365 * 24 * 3600
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
STORAGES["staticfiles"]["BACKEND"] = (  # noqa: F405
    "django.contrib.staticfiles.storage.ManifestStaticFilesStorage"
)
