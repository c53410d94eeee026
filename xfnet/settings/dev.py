"""Local development and the demo network."""

from . import env
from .base import *  # noqa: F403
from .base import INSTALLED_APPS

DEBUG = env.DEBUG if env.DEBUG is not None else True
SECRET_KEY = env.SECRET_KEY or "dev-only-insecure-key-do-not-deploy"
# A fixed, public key: the demo's identity numbers are made up.
XFNET_PERSONAL_DATA_KEY = env.PERSONAL_DATA_KEY or "ZGV2LW9ubHktaW5zZWN1cmUta2V5LWRvLW5vdC11c2U="
# Node domains are checked by network.middleware; *.localhost is the demo's.
ALLOWED_HOSTS = env.ALLOWED_HOSTS or [".localhost", "localhost", "127.0.0.1"]
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
# `manage.py demo`; production installs neither the demo nor its factories.
INSTALLED_APPS = [*INSTALLED_APPS, "demo"]
