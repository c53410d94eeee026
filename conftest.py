"""Test set-up shared by every app: one small network built once per session.

Building schemas costs about a second each, so the backbone nodes below are created
once, committed, and reused; each test runs inside a transaction that is rolled back
(nodes a test adds, even whole schemas, vanish with it).
"""

from types import SimpleNamespace

import pytest
from django.core.cache import cache, caches
from django.db import connection

# code, parent, level, name, domain
TEST_NETWORK = [
    ("340000", None, "province", "安徽先锋网", "prov.localhost"),
    ("340100", "340000", "city", "合肥先锋网", "city.localhost"),
    ("340111", "340100", "county", "甲县先锋网", "county1.localhost"),
    ("340111001", "340111", "township", "甲镇", "town1.localhost"),
    ("340111001001", "340111001", "village", "甲村", "village1.localhost"),
    ("340111001002", "340111001", "village", "乙村", "village2.localhost"),
    ("340112", "340100", "county", "乙县先锋网", "county2.localhost"),
    ("340112001", "340112", "township", "乙镇", "town2.localhost"),
    ("340112001001", "340112001", "village", "丙村", "village3.localhost"),
]
NAMES = {
    "province": "340000",
    "city": "340100",
    "county1": "340111",
    "town1": "340111001",
    "village1": "340111001001",
    "village2": "340111001002",
    "county2": "340112",
    "town2": "340112001",
    "village3": "340112001001",
}


@pytest.fixture(scope="session")
def django_db_setup(
    request, django_test_environment, django_db_blocker, django_db_modify_db_settings
):
    """Create the test database and the session network.

    Replaces pytest-django's fixture so that the database is also set up for tests
    that use committed data without the `db` fixture (the Celery worker tests).
    """
    from django.test.utils import setup_databases, teardown_databases

    from provisioning.nodes import NodeSpec, add_node

    with django_db_blocker.unblock():
        db_cfg = setup_databases(verbosity=0, interactive=False, aliases={"default"})
        for code, parent, level, name, domain in TEST_NETWORK:
            add_node(
                NodeSpec.clean(code=code, name=name, level=level, domain=domain, parent_code=parent)
            )
        connection.set_schema_to_public()
    yield
    with django_db_blocker.unblock():
        connection.set_schema_to_public()
        teardown_databases(db_cfg, verbosity=0)


@pytest.fixture
def net(db):
    """The session network's nodes, fresh from the database, by short name."""
    from network.models import Node

    by_code = {node.code: node for node in Node.objects.select_related("tenant")}
    return SimpleNamespace(**{name: by_code[code] for name, code in NAMES.items()})


@pytest.fixture(autouse=True)
def _reset_schema_and_cache():
    yield
    connection.set_schema_to_public()
    cache.clear()
    caches["pages"].clear()


@pytest.fixture
def worker(django_db_setup, django_db_blocker):
    """A real worker thread consuming the project's broker (the embedded Redis, or
    REDIS_URL), starting from an empty queue."""
    from celery.contrib.testing.worker import start_worker

    from xfnet.celery import app

    app.control.purge()
    with (
        django_db_blocker.unblock(),
        start_worker(app, pool="solo", perform_ping_check=False, shutdown_timeout=30) as running,
    ):
        yield running
    connection.set_schema_to_public()


@pytest.fixture
def member_of():
    """member_of(node, username, organisation="…") → a member's 个人中心 account user,
    with a register record in the node's schema."""
    # app modules import models, which load only once pytest-django set Django up
    from django_tenants.utils import schema_context

    from network.factories import UserFactory
    from partyaffairs.factories import MemberFactory, OrganisationFactory
    from partyaffairs.ledger.models import MemberAccount
    from partyaffairs.models import Organisation

    def make(node, username, organisation="甲村党支部"):
        with schema_context(node.tenant.schema_name):
            branch = Organisation.objects.filter(node_code=node.code, name=organisation).first()
            branch = branch or OrganisationFactory(node_code=node.code, name=organisation)
            record = MemberFactory(organisation=branch)
        user = UserFactory(username=username)
        MemberAccount.objects.create(user=user, node=node, member_uuid=record.uuid)
        return user

    return make
