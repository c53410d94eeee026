"""Through a real Celery worker: an upload checked in the request is written in the
background, and the figures follow. The data is committed (the worker has its own
connection) and removed afterwards."""

import io

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test import Client
from django_tenants.utils import schema_context

from network.factories import UserFactory
from network.models import Node
from partyaffairs.factories import OrganisationFactory
from partyaffairs.ledger.models import AuditEntry, NodeFigures
from partyaffairs.models import ImportJob, Member, Organisation
from tests.tools import wait_for

pytestmark = pytest.mark.celery


@pytest.fixture
def committed(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        village = Node.objects.select_related("tenant").get(code="340111001001")
        officer = UserFactory(username="e2e_zuzhi", roles=[(village, "organiser")])
        with schema_context(village.tenant.schema_name):
            OrganisationFactory(node_code=village.code, name="e2e党支部")
        yield village, officer
        with schema_context(village.tenant.schema_name):
            Member.objects.all().delete()
            ImportJob.objects.all().delete()
            Organisation.objects.all().delete()
        AuditEntry.objects.all().delete()
        NodeFigures.objects.all().delete()
        get_user_model().objects.filter(username="e2e_zuzhi").delete()
        connection.set_schema_to_public()


def test_an_uploaded_file_is_imported_by_the_worker_and_the_figures_roll_up(worker, committed):
    village, officer = committed
    rows = ["姓名,性别,出生日期,学历,入党日期,所在党组织"] + [
        f"党员{i},{'男女'[i % 2]},1970-01-{i + 1:02d},高中,2000-07-01,e2e党支部" for i in range(25)
    ]
    upload = io.BytesIO("\n".join(rows).encode("utf-8"))
    upload.name = "名册.csv"
    client = Client(HTTP_HOST="village1.localhost")
    client.force_login(officer)
    response = client.post(f"/admin/party/{village.code}/import/", {"file": upload})
    assert response.status_code == 302

    def imported():
        with schema_context(village.tenant.schema_name):
            return ImportJob.objects.filter(state="done").exists()

    wait_for(imported, "the import job")
    with schema_context(village.tenant.schema_name):
        assert Member.objects.filter(node_code=village.code).count() == 25

    def rolled_up():
        row = NodeFigures.objects.filter(node__code="340000").first()
        return row is not None and sum(row.subtree.get("gender", {}).values()) == 25

    wait_for(rolled_up, "the province's figures")
    assert NodeFigures.objects.get(node=village).subtree["gender"] == {"男": 13, "女": 12}
    page = client.get(f"/admin/party/{village.code}/import/").content.decode()
    assert "25/25" in page and "已完成" in page
