"""Every environment variable the project reads, declared once with its type.

Settings modules import the values from here; nothing else calls os.environ.
"""

import os
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def _str(name, default=None):
    value = os.environ.get(name, "").strip()
    return value or default


def _bool(name, default=False):
    value = _str(name)
    if value is None:
        return default
    return value.lower() in {"1", "true", "yes", "on"}


def _int(name, default=None):
    value = _str(name)
    return default if value is None else int(value)


def _list(name, default=()):
    value = _str(name)
    if value is None:
        return list(default)
    return [item.strip() for item in value.split(",") if item.strip()]


def _path(name, default):
    return Path(_str(name, str(default))).resolve()


# Where local state lives when no servers are configured: embedded PostgreSQL data,
# the file-system Celery broker, media.
DATA_DIR: Path = _path("XFNET_DATA_DIR", BASE_DIR / "var")
# postgres://user:pass@host:port/db; unset = start an embedded PostgreSQL under DATA_DIR.
DATABASE_URL: str | None = _str("DATABASE_URL")
# Seconds a database connection is kept for the next request (0: one per request).
# Production keeps them (60 unless set); runserver makes a thread per request, so
# development and tests do not.
DB_CONN_MAX_AGE: int | None = _int("XFNET_DB_CONN_MAX_AGE")
# redis://host:port/N; unset = an embedded Redis under DATA_DIR (xfnet.embedded).
REDIS_URL: str | None = _str("REDIS_URL")
# Required in production; dev and test use a fixed, clearly insecure key.
SECRET_KEY: str | None = _str("DJANGO_SECRET_KEY")
# Encrypts party members' identity card numbers at rest (partyaffairs.idcards): a
# Fernet key (`python -c "from cryptography.fernet import Fernet;
# print(Fernet.generate_key().decode())"`). Required in production; losing it loses
# the numbers, so it is backed up apart from the database.
PERSONAL_DATA_KEY: str | None = _str("XFNET_PERSONAL_DATA_KEY")
DEBUG: bool | None = _bool("DJANGO_DEBUG", None)
# Host patterns Django accepts; node domains are then checked against the node table.
ALLOWED_HOSTS: list[str] = _list("DJANGO_ALLOWED_HOSTS")
MEDIA_ROOT: Path = _path("XFNET_MEDIA_ROOT", DATA_DIR / "media")
# Uploaded videos wait here (outside MEDIA_ROOT) for their transcode; a large disk.
VIDEO_SOURCE_ROOT: Path = _path("XFNET_VIDEO_SOURCE_ROOT", DATA_DIR / "private" / "video-sources")
STATIC_ROOT: Path = _path("XFNET_STATIC_ROOT", DATA_DIR / "static")
# Admin links in e-mails and the like point here.
ADMIN_BASE_URL: str = _str("XFNET_ADMIN_BASE_URL", "http://anhui.localhost:8000")
# Where review notices and receipts are sent from, and the SMTP relay that sends them
# (production; dev prints mail to the console, tests keep it in memory).
FROM_EMAIL: str = _str("XFNET_FROM_EMAIL", "xfnet@localhost")
EMAIL_HOST: str | None = _str("XFNET_EMAIL_HOST")
EMAIL_PORT: int = int(_str("XFNET_EMAIL_PORT", "25"))
# Search: "postgres" (embedded default) or "elasticsearch" (scale-out, needs the URL).
SEARCH_BACKEND: str = _str("XFNET_SEARCH_BACKEND", "postgres")
ELASTICSEARCH_URL: str | None = _str("ELASTICSEARCH_URL")
ES_INDEX: str = _str("XFNET_ES_INDEX", "xfnet-articles")
# Set when the cluster has the IK analysis plugin: adds ik_max_word sub-fields.
ES_IK: bool = _bool("XFNET_ES_IK", False)
# The party-building dictionary; unset = the bundled search/dictionary/party_terms.txt.
SEARCH_DICTIONARY: str | None = _str("XFNET_SEARCH_DICTIONARY")
# Who sends a document's bytes once Django has checked the reader may have it:
# "django" (streams it; the default outside production) or "nginx" (X-Accel-Redirect
# to the internal location in deploy/nginx/xfnet.conf; production's default).
DOCUMENTS_SENT_BY: str | None = _str("XFNET_DOCUMENTS_SENT_BY")
# Proxies in front of the application (nginx: 1); unset = 0, production 1.
TRUSTED_PROXIES: int | None = (
    int(_str("XFNET_TRUSTED_PROXIES")) if _str("XFNET_TRUSTED_PROXIES") else None
)
# Seconds a public page may be served from the page cache before it is rebuilt.
PAGE_CACHE_SECONDS: int = int(_str("XFNET_PAGE_CACHE_SECONDS", "300"))
# nginx's log of the reads it answered (deploy/nginx/xfnet.conf, format `xfnet_reads`);
# set = views are counted from that log by a Celery task, since nginx answers most
# reads from its micro-cache without asking Django; unset = Django counts each view.
READ_LOG: Path | None = Path(_str("XFNET_READ_LOG")).resolve() if _str("XFNET_READ_LOG") else None
# Text messages (notifications.sms): "console" (the log; development's and the default)
# or "aliyun" (Alibaba Cloud SMS; needs the key, an approved sign name and template).
SMS_BACKEND: str = _str("XFNET_SMS_BACKEND", "console")
SMS_ACCESS_KEY_ID: str | None = _str("XFNET_SMS_ACCESS_KEY_ID")
SMS_ACCESS_KEY_SECRET: str | None = _str("XFNET_SMS_ACCESS_KEY_SECRET")
SMS_SIGN_NAME: str = _str("XFNET_SMS_SIGN_NAME", "先锋网")
# The template's one variable carries the text: e.g. "您有新消息：${content}".
SMS_TEMPLATE_CODE: str = _str("XFNET_SMS_TEMPLATE_CODE", "")
SMS_TEMPLATE_PARAM: str = _str("XFNET_SMS_TEMPLATE_PARAM", "content")
SMS_ENDPOINT: str = _str("XFNET_SMS_ENDPOINT", "https://dysmsapi.aliyuncs.com")
