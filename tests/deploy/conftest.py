"""The production stack on this machine: gunicorn behind nginx with deploy/'s config.

Started once per module against the test database; tests that need data the
servers can see commit it themselves and remove it afterwards.
"""

import os
import socket
import ssl
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


def self_signed_certificate(workdir: Path) -> tuple[Path, Path]:
    """A throwaway certificate standing in for the network's wildcard one."""
    openssl = require_program("openssl", "apt-get install openssl")
    crt, key = workdir / "wildcard.crt", workdir / "wildcard.key"
    subprocess.run(
        [openssl, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
         "-subj", "/CN=*.localhost", "-keyout", str(key), "-out", str(crt)],
        check=True, capture_output=True,
    )  # fmt: skip
    return crt, key


def replaced(text: str, replacements: dict[str, str], name: str) -> str:
    for old, new in replacements.items():
        assert old in text, f"deploy/nginx/{name} no longer has {old!r}"
        text = text.replace(old, new)
    return text


def nginx_config(
    app_port: int, ports: dict[str, int], workdir: Path, extra: str = "", data: dict | None = None
) -> str:
    """deploy/nginx's files as shipped, with this machine's ports and folders, in a
    main config of their own. `ports` has "http" and "https"; `extra` adds servers;
    `data` may name other "media" and "static" folders than the test settings'."""
    crt, key = self_signed_certificate(workdir)
    data = {"media": settings.MEDIA_ROOT, "static": settings.STATIC_ROOT, **(data or {})}
    locations = replaced(
        (ROOT / "deploy/nginx/locations.conf").read_text(),
        {
            "/srv/xfnet/var/media/": f"{data['media']}/",
            "/srv/xfnet/var/static/": f"{data['static']}/",
            "/var/log/xfnet/reads.log": str(workdir / "reads.log"),
        },
        "locations.conf",
    )
    (workdir / "locations.conf").write_text(locations)
    (workdir / "tls.conf").write_text((ROOT / "deploy/nginx/tls.conf").read_text())
    server = replaced(
        (ROOT / "deploy/nginx/xfnet.conf").read_text(),
        {
            "127.0.0.1:8000": f"127.0.0.1:{app_port}",
            "listen 80 default_server": f"listen 127.0.0.1:{ports['http']} default_server",
            "listen 443 ssl http2 default_server": (
                f"listen 127.0.0.1:{ports['https']} ssl http2 default_server"
            ),
            "/var/cache/nginx/xfnet": str(workdir / "cache"),
            "/etc/ssl/xfnet/wildcard.crt": str(crt),
            "/etc/ssl/xfnet/wildcard.key": str(key),
            "/etc/nginx/xfnet/": f"{workdir}/",
            "/var/www/acme": str(workdir / "acme"),
        },
        "xfnet.conf",
    )
    # this machine may have no IPv6 loopback
    server = "\n".join(line for line in server.splitlines() if "listen [::]" not in line)
    temp = {name: workdir / name for name in ("body", "proxy", "fastcgi", "uwsgi", "scgi")}
    return "\n".join(
        [
            "user root;" if os.geteuid() == 0 else "",
            "worker_processes 1;",
            "daemon off;",
            f"pid {workdir / 'nginx.pid'};",
            f"error_log {workdir / 'error.log'} warn;",
            "events { worker_connections 1024; }",
            "http {",
            "include /etc/nginx/mime.types;",
            "access_log off;",
            f"client_body_temp_path {temp['body']};",
            f"proxy_temp_path {temp['proxy']};",
            f"fastcgi_temp_path {temp['fastcgi']};",
            f"uwsgi_temp_path {temp['uwsgi']};",
            f"scgi_temp_path {temp['scgi']};",
            server,
            extra,
            "}",
        ]
    )


def wait_for(url: str, process: subprocess.Popen, what: str) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{what} exited with {process.returncode}")
        try:
            urllib.request.urlopen(url, timeout=2, context=UNVERIFIED)
            return
        except urllib.error.HTTPError:
            return  # it answers
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"{what} did not answer at {url}")


@pytest.fixture(scope="module")
def stack(django_db_setup, tmp_path_factory):
    """(base URL of nginx over HTTPS, environment the app runs with, nginx's folder)."""
    nginx = require_program("nginx", "apt-get install nginx")
    workdir = tmp_path_factory.mktemp("nginx")
    app_port, ports = free_port(), {"http": free_port(), "https": free_port()}
    env = {
        **os.environ,
        "DATABASE_URL": database_url(),
        "DJANGO_SETTINGS_MODULE": "xfnet.settings.test",
        "XFNET_DOCUMENTS_SENT_BY": "nginx",
        "XFNET_READ_LOG": str(workdir / "reads.log"),
    }
    app = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "xfnet.wsgi:application",
         "--bind", f"127.0.0.1:{app_port}", "--workers", "2", "--log-level", "warning"],
        env=env, cwd=ROOT,
    )  # fmt: skip
    config = workdir / "nginx.conf"
    config.write_text(nginx_config(app_port, ports, workdir))
    web = subprocess.Popen([nginx, "-c", str(config), "-p", str(workdir)])
    base = f"https://127.0.0.1:{ports['https']}"
    try:
        wait_for(f"http://127.0.0.1:{app_port}/robots.txt", app, "gunicorn")
        wait_for(f"{base}/robots.txt", web, "nginx")
        yield Stack(base, env, workdir, ports)
    finally:
        for process in (web, app):
            process.terminate()
            process.wait(timeout=30)


class Stack:
    def __init__(self, base: str, env: dict, workdir: Path, ports: dict[str, int]):
        self.base, self.env, self.workdir, self.ports = base, env, workdir, ports


# The certificate is a throwaway one made for the test.
UNVERIFIED = ssl._create_unverified_context()


def fetch(base: str, path: str, host: str, headers: dict | None = None):
    """(status, headers, body) of a GET through nginx with a node's host name."""
    request = urllib.request.Request(base + path, headers={"Host": host, **(headers or {})})
    opener = urllib.request.build_opener(
        urllib.request.HTTPSHandler(context=UNVERIFIED), NoRedirects
    )
    try:
        with opener.open(request, timeout=30) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


class NoRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None
