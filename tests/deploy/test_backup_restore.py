"""deploy/backup: the nightly dump restores into a new database that has the whole
network, and the restore script refuses to overwrite a database."""

import os
import shutil
import subprocess
from pathlib import Path

import psycopg2
import pytest
from django.conf import settings

from network.models import Node, Tenant
from tests.tools import ROOT, database_url


def postgres_bin() -> Path | None:
    """pg_dump/pg_restore/psql no older than the server: the embedded server's own,
    or the ones on PATH."""
    try:
        from pgserver._commands import POSTGRES_BIN_PATH  # the demo extra's server
    except ImportError:
        found = shutil.which("pg_dump")
        return Path(found).parent if found else None
    return Path(POSTGRES_BIN_PATH)


def drop_restored(target: str) -> None:
    conn = psycopg2.connect(target.replace("/xfnet_restore_check", "/postgres", 1))
    conn.autocommit = True  # DROP DATABASE runs outside a transaction
    with conn.cursor() as cursor:
        cursor.execute("DROP DATABASE IF EXISTS xfnet_restore_check")
    conn.close()


def run(script, *args, env):
    return subprocess.run(
        [str(ROOT / "deploy/backup" / script), *args], env=env, capture_output=True, text=True
    )


@pytest.fixture
def tools_env(django_db_setup, tmp_path):
    binaries = postgres_bin()
    if binaries is None:
        pytest.skip("pg_dump is not installed (apt-get install postgresql-client)")
    return {
        **os.environ,
        "PATH": f"{binaries}:{os.environ['PATH']}",
        "DATABASE_URL": database_url(),
        "XFNET_BACKUP_DIR": str(tmp_path / "backup"),
        "XFNET_MEDIA_ROOT": str(settings.MEDIA_ROOT),
    }


def test_a_nightly_dump_restores_the_whole_network_into_a_new_database(
    tools_env, django_db_blocker
):
    made = run("xfnet-backup", env=tools_env)
    assert made.returncode == 0, made.stderr
    dump = Path(made.stdout.strip().splitlines()[-1])
    assert dump.exists() and list(dump.parent.glob("media-*.tar.gz"))
    url = database_url()
    target = url.replace(f"/{settings.DATABASES['default']['NAME']}", "/xfnet_restore_check", 1)
    with django_db_blocker.unblock():
        nodes, schemas = Node.objects.count(), Tenant.objects.count()
    drop_restored(target)  # left by an interrupted run
    try:
        restored = run("xfnet-restore", str(dump), target, env=tools_env)
        assert restored.returncode == 0, restored.stderr
        assert restored.stdout.strip() == f"restored {nodes} nodes into xfnet_restore_check"
        conn = psycopg2.connect(target)
        with conn.cursor() as cursor:
            cursor.execute("SELECT count(*) FROM public.network_tenant")
            tenants = cursor.fetchone()[0]
            cursor.execute('SELECT count(*) FROM "n340111".wagtailcore_page WHERE depth = 2')
            homes = cursor.fetchone()[0]
        conn.close()  # psycopg2's `with` would leave it open
        assert tenants == schemas
        assert homes >= 1  # the county schema's site homes
        # never into a database that exists
        again = run("xfnet-restore", str(dump), target, env=tools_env)
        assert again.returncode == 1
        assert again.stderr.strip() == (
            "xfnet-restore: database xfnet_restore_check already exists; restore into a new one."
        )
    finally:
        drop_restored(target)


def test_a_missing_dump_is_one_plain_sentence(tools_env, tmp_path):
    result = run("xfnet-restore", str(tmp_path / "none.dump"), "postgres://x@/y", env=tools_env)
    assert result.returncode == 1
    assert result.stderr.strip() == f"xfnet-restore: {tmp_path / 'none.dump'} is missing or empty."
