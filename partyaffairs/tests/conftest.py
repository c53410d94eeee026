from datetime import date
from types import SimpleNamespace

import pytest
from django_tenants.utils import schema_context

from network.factories import UserFactory

from ..factories import OrganisationFactory


@pytest.fixture
def officers(net):
    """Accounts around the party registers of the session network."""
    return SimpleNamespace(
        village1=UserFactory(username="cun_zuzhi", first_name="秀英", last_name="王",
                             roles=[(net.village1, "organiser")]),
        village2=UserFactory(username="cun2_zuzhi", roles=[(net.village2, "organiser")]),
        village3=UserFactory(username="cun3_zuzhi", roles=[(net.village3, "organiser")]),
        county1=UserFactory(username="xian_zuzhi", roles=[(net.county1, "organiser")]),
        province=UserFactory(username="sheng_zuzhi", roles=[(net.province, "organiser")]),
        village1_webmaster=UserFactory(username="cun_zhanzhang",
                                       roles=[(net.village1, "webmaster")]),
        county1_webmaster=UserFactory(username="xian_zhanzhang",
                                      roles=[(net.county1, "webmaster")]),
        village1_editor=UserFactory(username="cun_bianji", roles=[(net.village1, "editor")]),
        leader=UserFactory(username="sheng_lingdao", roles=[(net.province, "leader")]),
        county2_leader=UserFactory(username="xian2_lingdao", roles=[(net.county2, "leader")]),
    )  # fmt: skip


@pytest.fixture
def branches(net):
    """One 党支部 in each of village1, village2 (county1's schema) and village3
    (county2's)."""

    def branch(node, name):
        with schema_context(node.tenant.schema_name):
            return OrganisationFactory(node_code=node.code, name=name,
                                       term_started_on=date(2024, 3, 1),
                                       term_ends_on=date(2027, 3, 1))  # fmt: skip

    return SimpleNamespace(
        village1=branch(net.village1, "甲村党支部"),
        village2=branch(net.village2, "乙村党支部"),
        village3=branch(net.village3, "丙村党支部"),
    )


def member_data(organisation, **overrides):
    data = {
        "organisation": organisation, "name": "李建国", "gender": "男",
        "birth_date": date(1975, 4, 8), "ethnicity": "汉族", "education": "高中",
        "joined_on": date(2001, 7, 1), "full_member_on": date(2002, 7, 1),
        "phone": "13912345678", "status": "full", "id_number": "",
    }  # fmt: skip
    data.update(overrides)
    return data
