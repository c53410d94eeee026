"""Debian's Chromium, headless, against a live server with its own database
connection (data a browser test needs is committed, and removed afterwards)."""

import pytest
from django.contrib.staticfiles.handlers import StaticFilesHandler
from django.test.testcases import LiveServerThread

from tests.tools import require_program


@pytest.fixture
def chromium():
    return require_program("chromium", "apt-get install chromium fonts-noto-cjk")


@pytest.fixture
def live_server_url(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        server = LiveServerThread("localhost", StaticFilesHandler, port=0)
        server.daemon = True
        server.start()
        server.is_ready.wait()
        if server.error:
            raise server.error
        yield f"http://village1.localhost:{server.port}"
        server.terminate()
