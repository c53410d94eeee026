"""Outside programs some tests drive: found, or skipped with the reason (failed in CI)."""

import contextlib
import os
import secrets
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import quote

import pytest
from cryptography.fernet import Fernet
from django.conf import settings


def require_program(name: str, install_hint: str) -> str:
    # daemons such as nginx install into sbin, which a user's PATH may lack
    path = shutil.which(name, path=f"{os.environ.get('PATH', '')}:/usr/sbin:/sbin")
    if path is None:
        message = f"{name} is not installed ({install_hint})"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return path


NODE_TOOLS = "lighthouse@12 axe-core@4"


def node_tools_dir() -> Path:
    """Lighthouse and axe-core from npm, installed beside the data (.ci/run does it):
    found, or skipped with the reason (failed in CI)."""
    path = settings.DATA_DIR / "node" / "node_modules"
    if not (path / ".bin" / "lighthouse").exists() or not (path / "axe-core").exists():
        hint = f"npm install --prefix var/node {NODE_TOOLS}"
        message = f"Lighthouse and axe-core are not installed ({hint})"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return path


def artifacts_dir() -> Path:
    """Where tests leave screenshots and reports for a person to look at."""
    path = Path(os.environ.get("XFNET_TEST_ARTIFACTS", settings.DATA_DIR / "test-artifacts"))
    path.mkdir(parents=True, exist_ok=True)
    return path


def database_url() -> str:
    """The test database as a URL, for servers and workers the tests start."""
    db = settings.DATABASES["default"]
    host = db.get("HOST") or db.get("OPTIONS", {}).get("host", "")
    if host.startswith("/"):  # a socket directory (the embedded server)
        return f"postgresql://{db['USER']}@{quote(host, safe='')}/{db['NAME']}"
    password = db.get("PASSWORD") or ""
    return f"postgresql://{db['USER']}:{password}@{host}:{db.get('PORT') or 5432}/{db['NAME']}"


ROOT = Path(__file__).resolve().parents[1]


def production_environment() -> dict[str, str]:
    """What xfnet.settings.production needs to load, on the test database; the Redis
    it names is never connected to by the checks that use it."""
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "xfnet.settings.production",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
        "XFNET_PERSONAL_DATA_KEY": Fernet.generate_key().decode(),
        "DJANGO_ALLOWED_HOSTS": ".ahxf.gov.cn",
        "DATABASE_URL": database_url(),
        "REDIS_URL": "redis://127.0.0.1:6379/9",
    }


def start_worker(*extra: str) -> subprocess.Popen:
    """A real Celery worker process on the test settings, broker and database."""
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "xfnet.settings.test",
        "DATABASE_URL": database_url(),
    }
    command = [
        sys.executable, "-m", "celery", "-A", "xfnet", "worker", "--pool", "solo",
        "--loglevel", "WARNING", "--without-gossip", "--without-mingle", *extra,
    ]  # fmt: skip
    # its own process group: beat (-B) runs in a child that must go with it
    return subprocess.Popen(command, env=env, cwd=ROOT, start_new_session=True)


def stop_worker(worker: subprocess.Popen) -> None:
    """SIGKILL the worker and every process it started."""
    with contextlib.suppress(ProcessLookupError):
        os.killpg(worker.pid, signal.SIGKILL)
    worker.wait(timeout=30)


def wait_for(condition, what: str, timeout: float = 60) -> None:
    """Poll `condition` until it holds (a worker's result), failing after `timeout`."""
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        time.sleep(0.1)
