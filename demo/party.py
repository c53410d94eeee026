"""The demo's party registers: a 党支部 (or a township's 党委) in every grassroots
site, members with made-up identity numbers, meetings, recruits on the way, and one
member with a 个人中心 login. Built by the factories, rolled up like real changes."""

import random
from datetime import date, timedelta

from django.contrib.auth import get_user_model
from django.db import connection
from django.utils import timezone
from django_tenants.utils import schema_context

from network.levels import is_grassroots
from network.models import Node
from partyaffairs.factories import MemberFactory, OrganisationFactory, id_number
from partyaffairs.figures import refresh_figures
from partyaffairs.ledger.models import MemberAccount
from partyaffairs.models import Meeting, MeetingKind, Organisation, Recruit, RecruitStage
from sites import corpus

from .network import DEMO_PASSWORD

MEMBER_LOGIN = "yicheng_dangyuan"
TOPICS = ["学习党的二十届四中全会精神", "主题党日：义务清扫村道", "讨论村集体经济发展规划",
          "书记讲党课：新时代农村基层党建", "组织生活会：对照检查、批评与自我批评"]  # fmt: skip


def build_demo_party(*, seed=2026, log=print):
    """A second run adds nothing."""
    rng = random.Random(seed)
    nodes = [n for n in Node.objects.select_related("tenant").order_by("path")
             if is_grassroots(n.level)]  # fmt: skip
    for node in nodes:
        with schema_context(node.tenant.schema_name):
            if Organisation.objects.filter(node_code=node.code).exists():
                continue
            _fill_register(node, rng)
        log(f"  党务：{node.name}")
    _member_login()
    for node in Node.objects.select_related("tenant").order_by("-depth", "path"):
        refresh_figures(node)
    connection.set_schema_to_public()


def _fill_register(node, rng):
    kind = "committee" if node.level == "township" else "branch"
    suffix = "党委" if kind == "committee" else "党支部"
    today = timezone.localdate()
    organisation = OrganisationFactory(
        node_code=node.code, name=f"中共{node.name}{suffix}", kind=kind,
        term_started_on=today - timedelta(days=rng.randint(200, 1200)),
    )  # fmt: skip
    members = []
    for _ in range(rng.randint(18, 36)):
        birth = date(rng.randint(1948, 2000), rng.randint(1, 12), rng.randint(1, 28))
        members.append(MemberFactory(
            organisation=organisation, birth_date=birth,
            name=rng.choice(corpus.SURNAMES) + rng.choice(corpus.GIVEN_NAMES),
            id_number=id_number(node.code, birth, rng),
        ))  # fmt: skip
    organisation.secretary = members[0]
    organisation.save(update_fields=["secretary"])
    for months_ago, topic in enumerate(TOPICS):
        meeting = Meeting.objects.create(
            organisation=organisation, node_code=node.code, topic=topic,
            kind=list(MeetingKind.values)[months_ago % 4],
            held_on=today - timedelta(days=30 * months_ago + rng.randint(1, 20)),
        )  # fmt: skip
        meeting.attendees.set(rng.sample(members, k=len(members) * 3 // 4))
    for stage, years in ((RecruitStage.APPLIED, 0), (RecruitStage.ACTIVIST, 1),
                         (RecruitStage.CANDIDATE, 2)):  # fmt: skip
        applied = today - timedelta(days=365 * years + 30)
        Recruit.objects.create(
            node_code=node.code, organisation=organisation, stage=stage,
            name=rng.choice(corpus.SURNAMES) + rng.choice(corpus.GIVEN_NAMES), gender="女",
            birth_date=date(1996, 5, 1), education="大学专科", applied_on=applied,
            activist_on=applied + timedelta(days=30) if years else None,
            candidate_on=applied + timedelta(days=400) if years > 1 else None,
        )  # fmt: skip


def _member_login():
    """义城村's secretary gets the demo's 个人中心 login."""
    if MemberAccount.objects.filter(user__username=MEMBER_LOGIN).exists():
        return
    node = Node.objects.select_related("tenant").get(code="340123100201")
    with schema_context(node.tenant.schema_name):
        secretary = Organisation.objects.get(node_code=node.code).secretary
    user = get_user_model().objects.create_user(MEMBER_LOGIN, password=DEMO_PASSWORD,
                                                first_name=secretary.name)  # fmt: skip
    MemberAccount.objects.create(user=user, node=node, member_uuid=secretary.uuid)
