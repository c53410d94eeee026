"""Production settings pass Django's deployment checks; public pages carry a CSP that
lets only the theme's own scripts run."""

import os
import re
import subprocess
import sys

import pytest

from tests.tools import ROOT, production_environment
from themes.csp import script_hash


def test_check_deploy_with_production_settings_gives_no_warnings(django_db_setup):
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        env=production_environment(), cwd=ROOT, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_settings_refuse_to_start_without_the_personal_data_key(django_db_setup):
    env = {k: v for k, v in production_environment().items() if k != "XFNET_PERSONAL_DATA_KEY"}
    result = subprocess.run(
        [sys.executable, "manage.py", "check"],
        env=env, cwd=ROOT, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert result.returncode != 0 and "XFNET_PERSONAL_DATA_KEY" in result.stderr


def test_production_settings_refuse_to_start_without_a_secret(django_db_setup):
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_SECRET_KEY"}
    env["DJANGO_SETTINGS_MODULE"] = "xfnet.settings.production"
    result = subprocess.run(
        [sys.executable, "manage.py", "check"],
        env=env, cwd=ROOT, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert result.returncode != 0 and "DJANGO_SECRET_KEY" in result.stderr


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/", "/no-such-page/", "/search/?q=党建", "/rss.xml"])
def test_public_pages_allow_only_their_own_scripts(client, net, path):
    for attempt in ("first", "cached"):
        response = client.get(path, HTTP_HOST="village1.localhost")
        if not response["Content-Type"].startswith("text/html"):
            assert path == "/rss.xml"
            return
        policy = response["Content-Security-Policy"]
        directives = dict(part.strip().split(" ", 1) for part in policy.split(";"))
        scripts = directives["script-src"]
        assert "'unsafe-inline'" not in scripts and "'unsafe-eval'" not in scripts, attempt
        assert directives["object-src"] == "'none'"
        html = response.content.decode()
        for inline in re.findall(r"<script>(.*?)</script>", html, re.S):
            assert script_hash(inline) in scripts, (attempt, inline)
        assert "onclick=" not in html and "javascript:" not in html


@pytest.mark.django_db
def test_the_admin_is_not_framed_and_keeps_wagtails_own_policy(client, net):
    response = client.get("/admin/login/", HTTP_HOST="village1.localhost")
    assert response["X-Frame-Options"] == "DENY"
    assert "Content-Security-Policy" not in response
