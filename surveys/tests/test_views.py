"""调查投票 over HTTP: the public form with its browser cookie, replayed and forged
votes, results shown as the survey says, isolation between sites; the admin's form,
the questions fixed once answered, results per site exported to xlsx."""

from datetime import timedelta
from io import BytesIO

import pytest
from django.test import Client
from django.utils import timezone
from django_tenants.utils import schema_context
from openpyxl import load_workbook

from network.factories import UserFactory
from partyaffairs.factories import MemberFactory, OrganisationFactory
from partyaffairs.ledger.models import MemberAccount
from surveys.definitions import forget
from surveys.factories import vote_with
from surveys.models import Question, Response, Survey

pytestmark = pytest.mark.django_db

VILLAGE = "village1.localhost"


@pytest.fixture
def vote(net):
    return vote_with(net.county1, ("single", "您支持哪个方案？", "方案一\n方案二"), below=True)


def test_a_reader_votes_once_and_sees_the_live_result(net, vote):
    reader = Client(HTTP_HOST=VILLAGE)
    page = reader.get(f"/surveys/{vote.uuid}/")
    assert page.status_code == 200 and "方案二" in page.content.decode()
    assert "xfvoter" in page.cookies and 'id="results"' not in page.content.decode()
    question = vote.questions.get()
    answer = {f"q{question.pk}": "1"}
    done = reader.post(f"/surveys/{vote.uuid}/", answer)
    assert done.status_code == 302
    shown = reader.get(done.url).content.decode()
    assert "感谢您的参与" in shown and 'id="results"' in shown and "1（100%）" in shown
    again = reader.post(f"/surveys/{vote.uuid}/", answer)
    assert again.status_code == 400 and "已经参加过" in again.content.decode()
    assert Response.objects.count() == 1
    cookieless = Client(HTTP_HOST=VILLAGE).post(f"/surveys/{vote.uuid}/", answer)
    assert cookieless.status_code == 400 and "Cookie" in cookieless.content.decode()
    forged = Client(HTTP_HOST=VILLAGE)
    forged.get(f"/surveys/{vote.uuid}/")
    refused = forged.post(f"/surveys/{vote.uuid}/", {f"q{question.pk}": "5"})
    assert refused.status_code == 400 and "选项无效" in refused.content.decode()
    assert Response.objects.count() == 1
    live = reader.get(f"/surveys/{vote.uuid}/results.json").json()
    assert live["responses"] == 1 and live["questions"][0]["counts"] == [0, 1]
    listing = Client(HTTP_HOST=VILLAGE).get("/surveys/").content.decode()
    assert "最美村（社区）党组织书记评选" in listing and "甲县先锋网组织" in listing


def test_surveys_stay_in_their_subtree_and_hidden_results_stay_hidden(net, vote):
    other = Client(HTTP_HOST="village3.localhost")  # another county
    assert other.get(f"/surveys/{vote.uuid}/").status_code == 404
    assert "书记评选" not in other.get("/surveys/").content.decode()
    own = vote_with(net.village1, ("single", "题", "甲\n乙"), results="staff", title="村内投票")
    reader = Client(HTTP_HOST="village2.localhost")
    assert reader.get(f"/surveys/{own.uuid}/").status_code == 404  # a sibling's
    assert Client(HTTP_HOST=VILLAGE).get(f"/surveys/{own.uuid}/results.json").status_code == 404
    Survey.objects.filter(pk=own.pk).update(
        opens_at=timezone.now() - timedelta(days=2), closes_at=timezone.now() - timedelta(days=1)
    )
    forget(own.uuid)  # what an edit in the admin does (other processes: within 5 s)
    closed = Client(HTTP_HOST=VILLAGE)
    page = closed.get(f"/surveys/{own.uuid}/").content.decode()
    assert "已结束" in page and "提交" not in page
    posted = closed.post(f"/surveys/{own.uuid}/", {f"q{own.questions.get().pk}": "0"})
    assert "调查已经结束" in posted.content.decode() and not Response.objects.exists()


def management(prefix, total, initial=0):
    return {f"{prefix}-TOTAL_FORMS": str(total), f"{prefix}-INITIAL_FORMS": str(initial),
            f"{prefix}-MIN_NUM_FORMS": "0", f"{prefix}-MAX_NUM_FORMS": "1000"}  # fmt: skip


def test_staff_make_a_vote_and_read_its_results_per_site(client, net):
    county = UserFactory(username="dc_xian", roles=[(net.county1, "webmaster")])
    client.force_login(county)
    now = timezone.localtime()
    data = {
        "kind": "vote", "title": "文明村评选", "intro": "", "audience": "public",
        "opens_at": (now - timedelta(hours=1)).strftime("%Y-%m-%dT%H:%M"),
        "closes_at": (now + timedelta(days=3)).strftime("%Y-%m-%dT%H:%M"), "results": "live",
        "below": "on", **management("questions", 3),
        "questions-0-order": "0", "questions-0-kind": "single",
        "questions-0-text": "哪个村最文明？",
        "questions-0-choices": "甲村\n乙村", "questions-0-max_choices": "0",
        "questions-0-required": "on",
        "questions-1-order": "0", "questions-1-kind": "single", "questions-1-text": "",
        "questions-1-choices": "", "questions-1-max_choices": "0", "questions-1-required": "on",
        "questions-2-order": "0", "questions-2-kind": "single", "questions-2-text": "",
        "questions-2-choices": "", "questions-2-max_choices": "0", "questions-2-required": "on",
    }  # fmt: skip
    bad = client.post("/admin/surveys/new/", {**data, "questions-0-choices": "甲村"},
                      HTTP_HOST="county1.localhost")  # fmt: skip
    assert bad.status_code == 400 and "至少要有两个选项" in bad.content.decode()
    made = client.post("/admin/surveys/new/", data, HTTP_HOST="county1.localhost")
    assert made.status_code == 302
    survey = Survey.objects.get(title="文明村评选")
    assert survey.node == net.county1 and survey.questions.count() == 1
    question = survey.questions.get()
    for host in (VILLAGE, VILLAGE, "village2.localhost"):
        voter = Client(HTTP_HOST=host)
        voter.get(f"/surveys/{survey.uuid}/")
        assert voter.post(f"/surveys/{survey.uuid}/", {f"q{question.pk}": "0"}).status_code == 302
    # once answered, the options are fixed (the title is not)
    blank = (("order", "0"), ("kind", "single"), ("text", ""), ("choices", ""),
             ("max_choices", "0"), ("required", "on"))  # fmt: skip
    edit = {**data, **management("questions", 4, 1), "questions-0-id": str(question.pk),
            "questions-0-survey": str(survey.pk), "questions-0-choices": "甲村\n丙村",
            **{f"questions-3-{key}": value for key, value in blank}}  # fmt: skip
    refused = client.post(f"/admin/surveys/{survey.pk}/", edit, HTTP_HOST="county1.localhost")
    assert refused.status_code == 400 and "不能再修改" in refused.content.decode()
    assert Question.objects.get(pk=question.pk).options == ["甲村", "乙村"]
    results = client.get(f"/admin/surveys/{survey.pk}/results/", HTTP_HOST="county1.localhost")
    assert "共 3 份" in results.content.decode() and "甲村" in results.content.decode()
    sheet = client.get(f"/admin/surveys/{survey.pk}/results/?format=xlsx",
                       HTTP_HOST="county1.localhost")  # fmt: skip
    book = load_workbook(BytesIO(sheet.content))
    per_site = {row[1]: row for row in book["分站点"].iter_rows(min_row=2, values_only=True)}
    assert per_site[net.village1.code][2:] == (2, 2, 0)
    assert per_site[net.village2.code][2:] == (1, 1, 0)
    # a village's staff see their own site's part; another county's see nothing
    village = UserFactory(username="dc_cun", roles=[(net.village1, "editor")])
    client.force_login(village)
    mine = client.get(f"/admin/surveys/{survey.pk}/results/", HTTP_HOST=VILLAGE).content.decode()
    assert "共 2 份" in mine
    outsider = UserFactory(username="dc_bie", roles=[(net.village3, "webmaster")])
    client.force_login(outsider)
    assert client.get(f"/admin/surveys/{survey.pk}/results/",
                      HTTP_HOST="village3.localhost").status_code == 404  # fmt: skip
    assert client.get("/admin/surveys/new/", HTTP_HOST=VILLAGE).status_code in (302, 403)


def test_a_members_vote_takes_one_answer_per_member_of_the_subtree(net):
    vote = vote_with(net.county1, ("single", "支部书记述职测评", "满意\n基本满意\n不满意"),
                     audience="members", below=True)  # fmt: skip
    question = vote.questions.get()

    def member_client(node, username):
        with schema_context(node.tenant.schema_name):
            branch = OrganisationFactory(node_code=node.code, name=f"{username}支部")
            record = MemberFactory(organisation=branch)
        user = UserFactory(username=username)
        MemberAccount.objects.create(user=user, node=node, member_uuid=record.uuid)
        client = Client(HTTP_HOST=VILLAGE)
        client.force_login(user)
        return client

    anonymous = Client(HTTP_HOST=VILLAGE)
    anonymous.get(f"/surveys/{vote.uuid}/")
    refused = anonymous.post(f"/surveys/{vote.uuid}/", {f"q{question.pk}": "0"})
    assert "只面向党员" in refused.content.decode()
    member = member_client(net.village1, "dc_dangyuan")
    assert member.post(f"/surveys/{vote.uuid}/", {f"q{question.pk}": "0"}).status_code == 302
    # a new browser cookie does not make a second member
    member.cookies.pop("xfvoter", None)
    again = member.post(f"/surveys/{vote.uuid}/", {f"q{question.pk}": "2"})
    assert "已经参加过" in again.content.decode()
    outsider = member_client(net.village3, "dc_bie_dangyuan")  # another county's member
    assert (
        "不面向您所在的党组织"
        in outsider.post(f"/surveys/{vote.uuid}/", {f"q{question.pk}": "1"}).content.decode()
    )
    staff = Client(HTTP_HOST=VILLAGE)
    staff.force_login(UserFactory(username="dc_staff_vote", roles=[(net.village1, "editor")]))
    assert "只面向党员" in staff.post(f"/surveys/{vote.uuid}/",
                                     {f"q{question.pk}": "1"}).content.decode()  # fmt: skip
    assert list(Response.objects.values_list("voter", flat=True)) == [
        f"m{MemberAccount.objects.get(user__username='dc_dangyuan').pk}"
    ]
