"""Answering and counting without HTTP: one response per member or browser, answers
only within their question, the window, the site, the audience, the address cap;
counts equal to the answers given, per site when the survey runs below."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import AnonymousUser
from django.http import QueryDict
from django.utils import timezone

from network.factories import UserFactory
from sensitivewords.models import SensitiveWord
from surveys.definitions import load
from surveys.factories import vote_with
from surveys.models import Choice, Response
from surveys.responding import Refused, respond, voter_for
from surveys.results import by_site, count

pytestmark = pytest.mark.django_db


def form(**fields) -> QueryDict:
    data = QueryDict(mutable=True)
    for name, value in fields.items():
        data.setlist(name, value if isinstance(value, list) else [value])
    return data


@pytest.fixture
def survey(net):
    made = vote_with(
        net.county1,
        ("single", "您最满意的是哪一项？", "道路\n路灯\n卫生"),
        ("multiple", "您希望增加哪些活动？", "读书会\n文艺演出\n志愿服务\n技能培训"),
        ("rating", "对村务公开的满意度", ""),
        ("text", "其他意见", ""),
        below=True,
    )
    made.questions.filter(kind="multiple").update(max_choices=2, required=False)
    made.questions.filter(kind="text").update(required=False)
    return made


def answers_for(survey, single=0, multiple=(0, 1), rating=5, text=""):
    q = {question.kind: question.pk for question in survey.questions.all()}
    return form(**{f"q{q['single']}": str(single), f"q{q['multiple']}": [str(m) for m in multiple],
                   f"q{q['rating']}": str(rating), f"t{q['text']}": text})  # fmt: skip


def test_each_browser_answers_once_and_the_counts_follow(net, survey):
    definition = load(survey)
    respond(definition, net.village1, "b-one", "192.0.2.1", answers_for(survey, 1, (0, 2), 4))
    respond(definition, net.village2, "b-two", "192.0.2.2", answers_for(survey, 1, (2,), 2))
    respond(definition, net.county1, "b-three", "192.0.2.3", answers_for(survey, 0, (), 5, "修路"))
    with pytest.raises(Refused, match="已经参加过"):
        respond(definition, net.village1, "b-one", "192.0.2.1", answers_for(survey))
    assert Response.objects.count() == 3
    tally = count(definition)
    single, multiple, rating = tally.questions
    assert tally.responses == 3 and single.counts == [1, 2, 0]
    assert multiple.counts == [1, 0, 2, 0] and multiple.answered == 2
    assert rating.counts == [0, 1, 0, 1, 1] and rating.average == 3.67
    # per site, and a village's own subtree
    rows = {row.node.code: row for row in by_site(definition)}
    assert rows[net.village1.code].counts[survey.questions.get(kind="single").pk] == [0, 1, 0]
    assert rows[net.village2.code].responses == 1
    assert count(definition, net.village1).responses == 1
    assert Response.objects.get(voter="b-three").texts == {
        str(survey.questions.get(kind="text").pk): "修路"
    }


def test_forged_and_out_of_bounds_answers_are_refused(net, survey):
    definition = load(survey)
    q = {question.kind: question.pk for question in survey.questions.all()}
    other = vote_with(net.village1, ("single", "别的题", "甲\n乙"))
    cases = [
        (form(**{f"q{q['single']}": "7"}), "选项无效"),
        (form(**{f"q{q['single']}": "x"}), "选项无效"),
        (form(**{f"q{q['single']}": ["0", "1"]}), "只能选一项"),
        (answers_for(survey, multiple=(0, 1, 2)), "最多选2项"),
        (answers_for(survey, rating=9), "选项无效"),
        (form(**{f"q{other.questions.get().pk}": "0"}), "请回答"),
        (form(), "请回答"),
    ]
    for data, message in cases:
        with pytest.raises(Refused, match=message):
            respond(definition, net.village1, "b-forger", "192.0.2.9", data)
    SensitiveWord.objects.create(word="代开发票", kind="block")
    with pytest.raises(Refused, match="代开发票"):
        respond(
            definition, net.village1, "b-forger", "192.0.2.9", answers_for(survey, text="代开发票")
        )
    assert not Response.objects.exists() and not Choice.objects.exists()


def test_the_window_the_site_and_the_audience(net, survey, settings):
    definition = load(survey)
    with pytest.raises(Refused, match="本站没有开展"):
        respond(definition, net.village3, "b-x", "192.0.2.1", answers_for(survey))  # other county
    survey.closes_at = timezone.now() - timedelta(minutes=1)
    survey.opens_at = survey.closes_at - timedelta(days=1)
    survey.save()
    with pytest.raises(Refused, match="已经结束"):
        respond(load(survey), net.village1, "b-x", "192.0.2.1", answers_for(survey))
    members = vote_with(net.county1, ("single", "题", "甲\n乙"), audience="members")
    with pytest.raises(Refused, match="只面向党员"):
        voter_for(load(members), AnonymousUser(), "token")
    staff = UserFactory(username="dc_staff", roles=[(net.county1, "editor")])
    with pytest.raises(Refused, match="只面向党员"):
        voter_for(load(members), staff, "token")
    with pytest.raises(Refused, match="Cookie"):
        voter_for(definition, AnonymousUser(), "")
    settings.XFNET_SURVEY_RESPONSES_PER_ADDRESS = 2
    open_again = vote_with(net.village1, ("single", "题", "甲\n乙"))
    data = form(**{f"q{open_again.questions.get().pk}": "1"})
    for n in range(2):
        respond(load(open_again), net.village1, f"b-{n}", "192.0.2.50", data)
    with pytest.raises(Refused, match="次数已达上限"):
        respond(load(open_again), net.village1, "b-9", "192.0.2.50", data)
    assert Response.objects.filter(survey=open_again).count() == 2
