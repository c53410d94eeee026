"""Serving side by side, in one run, interleaved (issue 12's floors):

- nginx serving a static copy of the village home (the limit),
- the village home from nginx's micro-cache (deploy/nginx as shipped, gunicorn with
  the production settings behind it),
- a stock `wagtail start` home page (built here: same PostgreSQL, same gunicorn),
- the village home uncached (a session cookie: neither nginx nor the page cache
  answers; fragments cached under their generation tokens still do),

each with `wrk -t2 -c8`, then: publish -> visible through nginx, and warm-up after a
push to every site (how long until every village home is cached again).

    python tests/benchmarks/bench_serving.py --villages 30 --counties 3 --cities 1 --keep
"""

import argparse
import os
import re
import secrets
import shutil
import statistics
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

from cryptography.fernet import Fernet

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "xfnet.settings.test")

from bench_public import add_network_arguments, setup_bench_network

ROOT = Path(__file__).resolve().parents[2]

STOCK_SETTINGS = """import os

from .base import *  # noqa

DEBUG = False
SECRET_KEY = "{secret}"
ALLOWED_HOSTS = ["*"]
DATABASES = {{"default": {{"ENGINE": "django.db.backends.postgresql", "NAME": "{name}",
    "USER": "{user}", "PASSWORD": "{password}", "HOST": "{host}", "PORT": "{port}"}}}}
DATABASES["default"]["CONN_MAX_AGE"] = int(os.environ.get("STOCK_CONN_MAX_AGE", "0"))
STATIC_ROOT = "{static}"
"""


def run_wrk(url, seconds: int, *, connections=8, headers=None, script=None) -> dict:
    """wrk -t2 against url: requests/s, requests, latency percentiles in ms, and the
    errors it saw (non-2xx answers; connect, read, write and timeout errors)."""
    command = ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--latency"]
    for name, value in (headers or {}).items():
        command += ["-H", f"{name}: {value}"]
    if script is not None:
        command += ["-s", str(script)]
    out = subprocess.run([*command, url], capture_output=True, text=True, check=True).stdout

    def ms(label):
        found = re.search(rf"{label}\s+([\d.]+)(us|ms|s)\b", out)
        return float(found.group(1)) * {"us": 0.001, "ms": 1, "s": 1000}[found.group(2)]

    errors = re.search(r"Non-2xx or 3xx responses:\s*(\d+)", out)
    socket = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out)
    return {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)),
        "requests": int(re.search(r"(\d+) requests in", out).group(1)),
        "p50": ms("50%"),
        "p90": ms("90%"),
        "p99": ms("99%"),
        "non2xx": int(errors.group(1)) if errors else 0,
        "socket": sum(map(int, socket.groups())) if socket else 0,
    }


def start(command, env, cwd) -> subprocess.Popen:
    return subprocess.Popen(command, env=env, cwd=cwd, stdout=subprocess.DEVNULL)


def gunicorn(app: str, port: int, workers: int) -> list[str]:
    return [sys.executable, "-m", "gunicorn", app, "--bind", f"127.0.0.1:{port}",
            "--workers", str(workers), "--log-level", "warning"]  # fmt: skip


def build_stock_wagtail(workdir: Path, db: dict, ports: list[int], workers: int):
    """`wagtail start` as it comes, on the same PostgreSQL; returns its gunicorns: as
    it comes (a connection per request), and keeping connections as xfnet does."""
    project = workdir / "stock"
    project.mkdir()
    wagtail = Path(sys.executable).with_name("wagtail")
    subprocess.run([str(wagtail), "start", "stockanchor", str(project)], check=True)
    # Its `search` app has the name of ours, which the editable install puts first on
    # the import path: renamed, nothing else changed (the home page does not use it).
    (project / "search").rename(project / "stocksearch")
    for name, old, new in [
        ("stockanchor/settings/base.py", '"search",', '"stocksearch",'),
        ("stockanchor/urls.py", "from search import", "from stocksearch import"),
    ]:
        path = project / name
        text = path.read_text()
        assert old in text, f"wagtail start's {name} no longer has {old!r}"
        path.write_text(text.replace(old, new))
    (project / "stockanchor/settings/bench.py").write_text(
        STOCK_SETTINGS.format(
            secret=secrets.token_urlsafe(30), name="xfnet_bench_stock", user=db["USER"],
            password=db.get("PASSWORD") or "", host=db.get("HOST") or "",
            port=db.get("PORT") or 5432, static=workdir / "stock-static",
        )
    )  # fmt: skip
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "stockanchor.settings.bench"}
    env.pop("DATABASE_URL", None)
    manage = [sys.executable, "manage.py"]
    psql = ["psql", "-h", db.get("HOST") or "127.0.0.1", "-U", db["USER"],
            "-p", str(db.get("PORT") or 5432), "-d", "postgres", "-qc"]  # fmt: skip
    for sql in ("DROP DATABASE IF EXISTS xfnet_bench_stock", "CREATE DATABASE xfnet_bench_stock"):
        subprocess.run(
            [*psql, sql], check=True, env={**env, "PGPASSWORD": db.get("PASSWORD") or ""}
        )
    subprocess.run([*manage, "migrate", "-v0"], check=True, env=env, cwd=project)
    subprocess.run([*manage, "collectstatic", "--noinput", "-v0"], check=True, env=env, cwd=project)
    return [
        start(
            gunicorn("stockanchor.wsgi:application", port, workers),
            {**env, "STOCK_CONN_MAX_AGE": str(conn_max_age)},
            project,
        )
        for port, conn_max_age in zip(ports, (0, 60), strict=True)
    ]


def get(url: str, headers: dict[str, str]) -> tuple[int, dict, str]:
    from tests.deploy.conftest import UNVERIFIED

    request = urllib.request.Request(url, headers=headers)
    with urllib.request.urlopen(request, timeout=30, context=UNVERIFIED) as response:
        return response.status, dict(response.headers), response.read().decode()


def xfnet_env(workdir: Path, settings_module: str, secret_key: str | None = None) -> dict:
    """The environment of the project's servers (gunicorn, a Celery worker) on the
    benchmark's database and Redis."""
    from django.conf import settings

    from tests.tools import database_url

    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": settings_module,
        "PYTHONPATH": str(ROOT),
        # the caller's when it signs something for the server (sessions, say)
        "DJANGO_SECRET_KEY": secret_key or secrets.token_urlsafe(50),
        "XFNET_PERSONAL_DATA_KEY": Fernet.generate_key().decode(),
        "DJANGO_ALLOWED_HOSTS": ".localhost",
        "DATABASE_URL": database_url(),
        "REDIS_URL": settings.CACHES["pages"]["LOCATION"],
        "XFNET_MEDIA_ROOT": str(settings.MEDIA_ROOT),
        "XFNET_STATIC_ROOT": str(workdir / "static"),
        "XFNET_READ_LOG": str(workdir / "reads.log"),
    }


def start_xfnet(
    workdir: Path, workers: int, processes: list, extra_nginx: str = "",
    settings_module: str = "xfnet.settings.production", secret_key: str | None = None,
    env: dict | None = None,
):  # fmt: skip
    """gunicorn on the production settings (or a module built on them) and nginx with
    deploy/nginx in front, on the benchmark's database and Redis; appends them to
    `processes`. Returns (nginx's HTTPS URL, gunicorn's port)."""
    from tests.deploy.conftest import free_port, nginx_config, wait_for

    nginx = shutil.which("nginx", path=f"{os.environ.get('PATH', '')}:/usr/sbin")
    if nginx is None:
        sys.exit("nginx is not installed (apt-get install nginx)")
    env = env or xfnet_env(workdir, settings_module, secret_key)
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"],
        check=True, env=env, cwd=ROOT,
    )  # fmt: skip
    app_port, ports = free_port(), {"http": free_port(), "https": free_port()}
    app = start(gunicorn("xfnet.wsgi:application", app_port, workers), env, ROOT)
    processes.append(app)
    conf = workdir / "nginx.conf"
    conf.write_text(nginx_config(app_port, ports, workdir, extra=extra_nginx))
    web = start([nginx, "-c", str(conf), "-p", str(workdir)], os.environ, workdir)
    processes.append(web)
    edge = f"https://127.0.0.1:{ports['https']}/"
    wait_for(f"http://127.0.0.1:{app_port}/robots.txt", app, "gunicorn")
    wait_for(edge, web, "nginx")
    return edge, app_port


def shut_down(processes: list, workdir: Path, config, *, keep: bool) -> None:
    """Stop the servers, remove their folder, drop the database unless kept."""
    from django.db import connection
    from django.test.utils import teardown_databases

    for process in reversed(processes):
        process.terminate()
        process.wait(timeout=30)
    shutil.rmtree(workdir, ignore_errors=True)
    connection.set_schema_to_public()
    if not keep:
        teardown_databases(config, verbosity=0)


def warm_up(edge: str, domains: list[str], done, clients: int = 8) -> float:
    """Seconds until every domain's home has answered with `done(html)` through nginx,
    asked by `clients` at once (a domain not done yet goes to the back of the queue)."""
    waiting, lock, began = list(domains), threading.Lock(), time.monotonic()

    def client():
        while True:
            with lock:
                if not waiting:
                    return
                domain = waiting.pop(0)
            if not done(get(edge, {"Host": domain})[2]):
                with lock:
                    waiting.append(domain)

    threads = [threading.Thread(target=client) for _ in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return time.monotonic() - began


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    add_network_arguments(parser)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--gunicorn-workers", type=int, default=4)
    parser.add_argument("--publishes", type=int, default=10)
    args = parser.parse_args()
    for program in ("wrk", "psql"):
        if shutil.which(program) is None:
            sys.exit(f"{program} is not installed (apt-get install {program})")

    import django

    django.setup()
    from django.conf import settings
    from django.db import connection
    from django_tenants.utils import schema_context

    from network.factories import UserFactory
    from network.generations import forget_network
    from network.models import Node
    from sites.factories import ArticlePageFactory, node_column
    from syndication.delivery import run_pending_here
    from syndication.factories import story_at
    from syndication.pushing import push_down
    from tests.deploy.conftest import free_port, wait_for

    config = setup_bench_network(args, "xfnet_bench_serving")
    workdir = Path(
        subprocess.check_output(["mktemp", "-d", "/tmp/xfnet-bench-XXXX"], text=True).strip()
    )
    processes = []
    try:
        connection.set_schema_to_public()
        villages = list(Node.objects.filter(level="village").order_by("path"))
        village = villages[0]
        host = village.primary_domain
        print(f"network: {Node.objects.count()} nodes; village {host}")
        static_port = free_port()
        static_server = (
            f"server {{ listen 127.0.0.1:{static_port} ssl; ssl_certificate {workdir}/wildcard.crt;"
            f" ssl_certificate_key {workdir}/wildcard.key; root {workdir}/copy;"
            " location / { try_files /index.html =404; } }"
        )
        (workdir / "copy").mkdir()
        edge, app_port = start_xfnet(workdir, args.gunicorn_workers, processes, static_server)
        stock_ports = [free_port(), free_port()]
        stocks = build_stock_wagtail(
            workdir, settings.DATABASES["default"], stock_ports, args.gunicorn_workers
        )
        processes.extend(stocks)
        for port, stock in zip(stock_ports, stocks, strict=True):
            wait_for(f"http://127.0.0.1:{port}/", stock, "stock Wagtail")
        _, _, html = get(edge, {"Host": host})
        (workdir / "copy/index.html").write_text(html)
        direct = {"Host": host, "X-Forwarded-Proto": "https"}
        targets = {
            "nginx static copy": (f"https://127.0.0.1:{static_port}/", {}),
            "xfnet cached (nginx)": (edge, {"Host": host}),
            "stock Wagtail page": (f"http://127.0.0.1:{stock_ports[0]}/", {}),
            "stock, kept connections": (f"http://127.0.0.1:{stock_ports[1]}/", {}),
            "xfnet uncached": (
                f"http://127.0.0.1:{app_port}/",
                {**direct, "Cookie": "sessionid=bench"},
            ),
        }
        for url, headers in targets.values():  # warm every worker
            run_wrk(url, 2, headers=headers)
        results = {name: [] for name in targets}
        loads = [os.getloadavg()[0]]
        for round_ in range(args.rounds):
            for name, (url, headers) in targets.items():
                results[name].append(run_wrk(url, args.seconds, headers=headers))
            loads.append(os.getloadavg()[0])
            print(
                f"round {round_ + 1}: "
                + ", ".join(f"{n} {r[-1]['rps']:.0f}" for n, r in results.items())
            )
        load = f"{min(loads):.2f}-{max(loads):.2f}"
        workers = args.gunicorn_workers
        print(f"\nwrk -t2 -c8 -d{args.seconds}s, {args.rounds} rounds interleaved, gunicorn "
              f"-w{workers}; load average {load} on {os.cpu_count()} cores")  # fmt: skip
        for name, runs in results.items():
            rps, p99 = [r["rps"] for r in runs], statistics.median(r["p99"] for r in runs)
            print(f"  {name:24} {statistics.median(rps):9.0f} requests/s (median; "
                  f"{min(rps):.0f}-{max(rps):.0f}), p99 {p99:.1f} ms, "
                  f"errors {sum(r['non2xx'] + r['socket'] for r in runs)}")  # fmt: skip
        for label, (a, b) in {
            "cached / nginx static": ("xfnet cached (nginx)", "nginx static copy"),
            "uncached / stock Wagtail": ("xfnet uncached", "stock Wagtail page"),
            "uncached / stock, kept connections": ("xfnet uncached", "stock, kept connections"),
        }.items():
            ratios = [x["rps"] / y["rps"] for x, y in zip(results[a], results[b], strict=True)]
            rounds = ", ".join(f"{r:.2f}" for r in ratios)
            print(f"  {label}: {statistics.median(ratios):.2f} (per round: {rounds})")

        # publish -> visible through nginx
        seen = []
        for i in range(args.publishes):
            title = f"基准发布测试{i}-{secrets.token_hex(3)}"
            with schema_context(village.tenant.schema_name):
                page = ArticlePageFactory(parent=node_column(village, "村务公开"), title=title)
                page.save_revision().publish()
            published = time.monotonic()
            connection.set_schema_to_public()
            while title not in get(edge, {"Host": host})[2]:
                time.sleep(0.02)
            seen.append(time.monotonic() - published)
            time.sleep(0.37 * (i % 3))  # publish at different points of nginx's second
        print(f"\npublish -> visible through nginx: median {statistics.median(seen):.2f} s, "
              f"max {max(seen):.2f} s over {len(seen)} publishes")  # fmt: skip

        # warm-up after a push to every site
        for v in villages:
            get(edge, {"Host": v.primary_domain})
        province = Node.objects.get(depth=1)
        reviewer = UserFactory(
            username=f"bench_{secrets.token_hex(3)}", roles=[(province, "reviewer")]
        )
        title = f"全网下发{secrets.token_hex(3)}"
        push_down(user=reviewer, node=province, story=story_at(province, title=title))
        run_pending_here()
        connection.set_schema_to_public()
        domains = [v.primary_domain for v in villages]
        took = warm_up(edge, domains, lambda html: title in html)
        print(f"warm-up after a push to every site: all {len(villages)} village homes "
              f"cached again in {took:.1f} s ({len(villages) / took:.0f} sites/s)")  # fmt: skip
        time.sleep(2.1)  # nginx's copies have expired: every read below reaches Django
        forget_network()  # as mourning mode does: every page and every fragment goes
        took = warm_up(edge, domains, lambda html: True)
        print(f"after a network-wide change (no fragment left): {len(villages)} village homes "
              f"in {took:.1f} s ({len(villages) / took:.0f} sites/s)")  # fmt: skip
    finally:
        shut_down(processes, workdir, config, keep=args.keep)


if __name__ == "__main__":
    main()
