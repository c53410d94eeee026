from collections import Counter
from datetime import date

from django_tenants.utils import schema_context

from network.models import Node
from partyaffairs.figures import refresh_figures
from partyaffairs.ledger.models import NodeFigures
from partyaffairs.models import Member
from partyaffairs.models.member import ACTIVE_STATUSES
from partyaffairs.queries import meetings_by_organisation, quarters_back
from partyaffairs.registering import change_member, record_meeting, register_member
from partyaffairs.transferring import accept_transfer, request_transfer

from .conftest import member_data


def direct_count(root: Node) -> dict:
    """Members by gender under `root`, counted schema by schema: what the roll-up saves."""
    counts = Counter()
    for node in Node.objects.filter(path__startswith=root.path).select_related("tenant"):
        with schema_context(node.tenant.schema_name):
            active = Member.objects.filter(node_code=node.code, status__in=ACTIVE_STATUSES)
            counts.update(active.values_list("gender", flat=True))
    return dict(counts)


def refresh_all():
    for node in Node.objects.filter(depth__gte=1).select_related("tenant").order_by("-depth"):
        refresh_figures(node)


def figures(node, scope="subtree"):
    row = NodeFigures.objects.filter(node=node).first()
    return getattr(row, scope, {}) if row else {}


def test_roll_ups_equal_a_direct_count_after_changes(net, officers, branches):
    with schema_context(net.county1.tenant.schema_name):
        first = register_member(officers.village1, net.village1, member_data(branches.village1))
        register_member(officers.village2, net.village2,
                        member_data(branches.village2, gender="女"))  # fmt: skip
    with schema_context(net.county2.tenant.schema_name):
        register_member(officers.village3, net.village3, member_data(branches.village3))
    refresh_all()
    assert figures(net.province)["gender"] == direct_count(net.province) == {"男": 2, "女": 1}
    assert figures(net.county1)["gender"] == direct_count(net.county1) == {"男": 1, "女": 1}
    assert figures(net.village1, "own")["organisation_kind"] == {"branch": 1}

    # a move across counties, then a status change: only the touched nodes recount
    with schema_context(net.county1.tenant.schema_name):
        transfer = request_transfer(officers.village1, net.village1, first, net.village3,
                                    branches.village3.uuid)  # fmt: skip
    accept_transfer(officers.village3, transfer)
    refresh_figures(net.village1)
    refresh_figures(net.village3)
    assert figures(net.county1)["gender"] == direct_count(net.county1) == {"女": 1}
    assert figures(net.county2)["gender"] == direct_count(net.county2) == {"男": 2}
    assert figures(net.province)["gender"] == direct_count(net.province)
    assert figures(net.province)["status"] == {"full": 3}

    with schema_context(net.county2.tenant.schema_name):
        moved = Member.objects.get(uuid=first.uuid)
        change_member(officers.village3, net.village3, moved,
                      member_data(branches.village3, status="deceased",
                                  birth_date=date(1975, 4, 8)))  # fmt: skip
    refresh_figures(net.village3)
    assert figures(net.province)["gender"] == direct_count(net.province) == {"男": 1, "女": 1}
    assert figures(net.province)["status"] == {"full": 2, "deceased": 1}


def test_meetings_are_counted_per_organisation_and_quarter(net, officers, branches):
    assert quarters_back(date(2026, 2, 1), 3) == ["2025Q3", "2025Q4", "2026Q1"]
    with schema_context(net.county1.tenant.schema_name):
        for held in (date(2025, 8, 1), date(2026, 1, 5), date(2026, 2, 9)):
            record_meeting(officers.village1, net.village1, organisation=branches.village1,
                           kind="general", held_on=held, topic="学习")  # fmt: skip
    keys, rows = meetings_by_organisation(net.village1, date(2026, 2, 15), 3)
    assert keys == ["2025Q3", "2025Q4", "2026Q1"]
    assert rows == [("甲村党支部", [1, 0, 2])]
