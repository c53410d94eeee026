"""The production stack on this machine: gunicorn behind nginx with deploy/'s config.

Started once per module against the test database; tests that need data the
servers can see commit it themselves and remove it afterwards.
"""

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from django.conf import settings

from tests.tools import database_url, require_program

ROOT = Path(__file__).resolve().parents[2]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def nginx_config(app_port: int, port: int, workdir: Path) -> str:
    """deploy/nginx/xfnet.conf with this machine's ports and folders, in a main config."""
    server = (ROOT / "deploy/nginx/xfnet.conf").read_text()
    replacements = {
        "127.0.0.1:8000": f"127.0.0.1:{app_port}",
        "listen 80 default_server": f"listen 127.0.0.1:{port} default_server",
        "/srv/xfnet/var/media/": f"{settings.MEDIA_ROOT}/",
        "/srv/xfnet/var/static/": f"{settings.STATIC_ROOT}/",
    }
    for old, new in replacements.items():
        assert old in server, f"deploy/nginx/xfnet.conf no longer has {old!r}"
        server = server.replace(old, new)
    temp = {name: workdir / name for name in ("body", "proxy", "fastcgi", "uwsgi", "scgi")}
    return "\n".join(
        [
            "user root;" if os.geteuid() == 0 else "",
            "worker_processes 1;",
            "daemon off;",
            f"pid {workdir / 'nginx.pid'};",
            f"error_log {workdir / 'error.log'} warn;",
            "events { worker_connections 256; }",
            "http {",
            "include /etc/nginx/mime.types;",
            "access_log off;",
            f"client_body_temp_path {temp['body']};",
            f"proxy_temp_path {temp['proxy']};",
            f"fastcgi_temp_path {temp['fastcgi']};",
            f"uwsgi_temp_path {temp['uwsgi']};",
            f"scgi_temp_path {temp['scgi']};",
            server,
            "}",
        ]
    )


def wait_for(url: str, process: subprocess.Popen, what: str) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{what} exited with {process.returncode}")
        try:
            urllib.request.urlopen(url, timeout=2)
            return
        except urllib.error.HTTPError:
            return  # it answers
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"{what} did not answer at {url}")


@pytest.fixture(scope="module")
def stack(django_db_setup, tmp_path_factory):
    """(base URL of nginx, environment the app runs with)."""
    nginx = require_program("nginx", "apt-get install nginx")
    workdir = tmp_path_factory.mktemp("nginx")
    app_port, port = free_port(), free_port()
    env = {
        **os.environ,
        "DATABASE_URL": database_url(),
        "DJANGO_SETTINGS_MODULE": "xfnet.settings.test",
        "XFNET_DOCUMENTS_SENT_BY": "nginx",
    }
    app = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "xfnet.wsgi:application",
         "--bind", f"127.0.0.1:{app_port}", "--workers", "2", "--log-level", "warning"],
        env=env, cwd=ROOT,
    )  # fmt: skip
    config = workdir / "nginx.conf"
    config.write_text(nginx_config(app_port, port, workdir))
    web = subprocess.Popen([nginx, "-c", str(config), "-p", str(workdir)])
    try:
        wait_for(f"http://127.0.0.1:{app_port}/robots.txt", app, "gunicorn")
        wait_for(f"http://127.0.0.1:{port}/robots.txt", web, "nginx")
        yield f"http://127.0.0.1:{port}", env
    finally:
        for process in (web, app):
            process.terminate()
            process.wait(timeout=30)


def fetch(base: str, path: str, host: str):
    """(status, headers, body) of a GET through nginx with a node's host name."""
    request = urllib.request.Request(base + path, headers={"Host": host})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()
