"""The demo and the factories it is built with stay out of production."""

import os
import subprocess
import sys

from tests.tools import ROOT, production_environment

PROBE = """
import sys, django
django.setup()
from django.conf import settings
from django.urls import resolve
resolve("/")  # loads the URLs, and through them every app's views and admin hooks
loaded = sorted(m for m in ("demo", "factory", "faker", "wagtail_factories") if m in sys.modules)
print("demo installed" if "demo" in settings.INSTALLED_APPS else "demo not installed", loaded)
"""


def test_production_neither_installs_the_demo_nor_loads_a_factory(django_db_setup):
    result = subprocess.run(
        [sys.executable, "-c", PROBE],
        env=production_environment(), cwd=ROOT, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "demo not installed []"


def test_the_demo_command_is_there_in_development():
    result = subprocess.run(
        [sys.executable, "manage.py", "help", "demo"],
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "xfnet.settings.test"},
        cwd=ROOT, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert "演示站群网络" in result.stdout
