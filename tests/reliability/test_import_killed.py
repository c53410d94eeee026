"""An import killed (SIGKILL) in the middle of a county leaves every county whole or
absent, with no stray schema, and running it again finishes the network."""

import io
import os
import signal
import subprocess
import sys
import time

import pytest
from django.core.management import call_command
from django.db import connection
from django_tenants.utils import schema_context, schema_exists
from wagtail.models import Page

from network.models import Node
from provisioning.importer import COLUMNS
from provisioning.nodes import plan_removal, remove_nodes
from tests.tools import ROOT, database_url

CITY = "349900"
COUNTIES = [f"3499{c:02d}" for c in range(1, 6)]
TOWNSHIPS, VILLAGES = 2, 4
PER_COUNTY = 1 + TOWNSHIPS + TOWNSHIPS * VILLAGES
APP_NAME = "xf-import-under-test"


def province_file(path):
    rows = [(CITY, "340000", "city", "试验市先锋网", "sy.localhost")]
    for county in COUNTIES:
        rows.append((county, CITY, "county", f"试验县{county}", f"sy{county}.localhost"))
        for t in range(TOWNSHIPS):
            town = f"{county}{100 + t}"
            rows.append((town, county, "township", f"试验镇{town}", f"sy{town}.localhost"))
            for v in range(VILLAGES):
                code = f"{town}{200 + v}"
                rows.append((code, town, "village", f"试验村{code}", f"sy{code}.localhost"))
    path.write_text("\n".join(",".join(row) for row in [COLUMNS, *rows]) + "\n", encoding="utf-8")
    return path, len(rows)


def import_transaction_open() -> bool:
    """The import's connection is inside a transaction that has written something."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM pg_stat_activity WHERE application_name = %s "
            "AND backend_xid IS NOT NULL",
            [APP_NAME],
        )
        return cursor.fetchone()[0] > 0


def import_connection_gone() -> bool:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM pg_stat_activity WHERE application_name = %s", [APP_NAME]
        )
        return cursor.fetchone()[0] == 0


def wait(condition, what, seconds=120):
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        time.sleep(0.01)


@pytest.fixture
def committed(django_db_blocker):
    """Committed data for the subprocess to see; the test city removed after."""
    with django_db_blocker.unblock():
        yield
        connection.set_schema_to_public()
        if Node.objects.filter(code=CITY).exists():
            remove_nodes(plan_removal(CITY, recursive=True))


def test_an_import_killed_mid_county_resumes_without_half_made_sites(
    django_db_setup, committed, tmp_path
):
    path, total = province_file(tmp_path / "province.csv")
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "xfnet.settings.test",
        "DATABASE_URL": database_url(),
        "PGAPPNAME": APP_NAME,  # libpq names the connection: we watch it
    }
    process = subprocess.Popen(
        [sys.executable, "manage.py", "network", "import", str(path)],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    try:
        # one county committed, and the import is writing a later one
        wait(lambda: Node.objects.filter(code__in=COUNTIES).exists(), "a first county")
        wait(import_transaction_open, "the next county's transaction")
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=30)
    finally:
        if process.poll() is None:
            process.kill()
    wait(import_connection_gone, "PostgreSQL to end the killed import's session")

    made = [c for c in COUNTIES if Node.objects.filter(code=c).exists()]
    assert made and len(made) < len(COUNTIES), f"killed after {made}: not mid-import"
    for county in COUNTIES:
        count = Node.objects.filter(code__startswith=county).count()
        assert count in (0, PER_COUNTY), f"county {county} half made: {count} nodes"
        assert schema_exists(f"n{county}") == (county in made)

    out = io.StringIO()
    call_command("network", "import", str(path), stdout=out, stderr=io.StringIO())
    assert f"跳过已存在的 {1 + len(made) * PER_COUNTY} 个" in out.getvalue()
    assert Node.objects.filter(code__startswith="3499").count() == total
    assert Node.find_problems() == ([], [], [], [], [])
    for county in COUNTIES:
        with schema_context(f"n{county}"):
            assert Page.find_problems() == ([], [], [], [], [])
            assert Page.get_first_root_node().numchild == PER_COUNTY
    connection.set_schema_to_public()
