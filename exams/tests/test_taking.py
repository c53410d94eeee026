"""Taking an exam without HTTP: marking every kind of question, a paper drawn per
attempt, the server's deadline (a late answer or hand-in refused, the paper graded as
it stood), attempts counted, forged questions and answers refused, who may take it."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from exams.factories import ExamFactory, bank_at
from exams.grading import accepted, mark, normalised
from exams.models import Answer, BankQuestion, QuestionKind
from exams.taking import ExamRefused, close_expired, save_answer, start, submit

pytestmark = pytest.mark.django_db


def test_every_kind_of_question_is_marked():
    assert normalised("single", " b ") == "B" and normalised("single", "AB") is None
    assert normalised("multiple", "ca") == "AC" and normalised("multiple", "AZ") is None
    assert normalised("judge", "正确") == "对" and normalised("judge", "也许") is None
    assert accepted("blank", "共产主义\n共产主义社会") == {"共产主义", "共产主义社会"}
    keys = {1: ("single", {"A"}), 2: ("multiple", {"ABC"}), 3: ("judge", {"对"}),
            4: ("blank", accepted("blank", "Marxism\n马克思主义"))}  # fmt: skip
    assert mark(keys, {1: "A", 2: "CBA", 3: "√", 4: "ｍａｒｘｉｓｍ"}) == (4, Decimal("100.0"))
    assert mark(keys, {1: "B", 2: "AB", 3: "错"}) == (0, Decimal("0.0"))
    assert mark(keys, {1: "A", 4: "马克思 主义"}) == (2, Decimal("50.0"))


@pytest.fixture
def exam(net):
    bank_at(net.county1, copies=3)
    return ExamFactory(node=net.county1, below=True, minutes=30, attempts_allowed=1,
                       draw={"single": 2, "multiple": 1, "judge": 2, "blank": 1})  # fmt: skip


def right_answer(question_id):
    from exams.models import BankQuestion

    question = BankQuestion.objects.get(pk=question_id)
    return question.answer.splitlines()[0]


def test_an_attempt_is_drawn_saved_and_graded_once(net, exam, member_of):
    user = member_of(net.village1, "ks_cun")
    now = timezone.now()
    attempt = start(exam, user, now)
    assert len(attempt.paper) == 6 and attempt.organisation == "甲村党支部"
    assert attempt.deadline == now + timedelta(minutes=30) and attempt.node == net.village1
    assert start(exam, user, now).pk == attempt.pk  # the same paper when reopened
    for question_id in attempt.paper[:3]:
        save_answer(attempt.pk, user, question_id, right_answer(question_id), now)
    save_answer(attempt.pk, user, attempt.paper[0], right_answer(attempt.paper[0]), now)
    assert Answer.objects.filter(attempt=attempt).count() == 3  # saved again, not twice
    done = submit(attempt.pk, user, now=now + timedelta(minutes=5))
    assert (done.state, done.correct, done.score) == ("submitted", 3, Decimal("50.0"))
    with pytest.raises(ExamRefused, match="已经交卷"):
        save_answer(attempt.pk, user, attempt.paper[3], "A", now + timedelta(minutes=6))
    with pytest.raises(ExamRefused, match="每人可考1次"):
        start(exam, user, now + timedelta(minutes=7))


def test_the_server_keeps_the_time(net, exam, member_of):
    user = member_of(net.village1, "ks_late")
    now = timezone.now()
    attempt = start(exam, user, now)
    save_answer(attempt.pk, user, attempt.paper[0], right_answer(attempt.paper[0]), now)
    late = now + timedelta(minutes=30, seconds=10)
    with pytest.raises(ExamRefused, match="考试时间已到"):
        save_answer(attempt.pk, user, attempt.paper[1], right_answer(attempt.paper[1]), late)
    attempt.refresh_from_db()
    assert attempt.state == "timed_out" and attempt.correct == 1  # graded as it stood
    with pytest.raises(ExamRefused, match="已经交卷"):
        submit(attempt.pk, user, {str(attempt.paper[1]): "A"}, late)
    # a phone that never came back: beat grades it
    other = member_of(net.village2, "ks_gone", "乙村党支部")
    left = start(exam, other, now)
    assert close_expired(late) == 1
    left.refresh_from_db()
    assert left.state == "timed_out" and left.score == Decimal("0.0")
    # the last minutes of the window: the deadline is the close, not start + 30 minutes
    closing = exam.closes_at - timedelta(minutes=10)
    third = start(exam, member_of(net.village2, "ks_closing", "乙村党支部"), closing)
    assert third.deadline == exam.closes_at


def test_forged_questions_and_answers_and_strangers_are_refused(net, exam, member_of):
    user = member_of(net.village1, "ks_forger")
    attempt = start(exam, user)
    bank = BankQuestion.objects.filter(node=net.county1)
    outside = bank.exclude(pk__in=attempt.paper).first().pk  # in the bank, not on this paper
    with pytest.raises(ExamRefused, match="试卷中没有这道题"):
        save_answer(attempt.pk, user, outside, "A")
    with pytest.raises(ExamRefused, match="试卷中没有这道题"):
        save_answer(attempt.pk, user, "1 OR 1=1", "A")
    single = bank.filter(pk__in=attempt.paper, kind=QuestionKind.SINGLE).first().pk
    with pytest.raises(ExamRefused, match="答案格式不对"):
        save_answer(attempt.pk, user, single, "Z")
    someone = member_of(net.village2, "ks_someone", "乙村党支部")
    with pytest.raises(ExamRefused, match="没有这份试卷"):
        save_answer(attempt.pk, someone, attempt.paper[0], "A")  # another member's paper
    with pytest.raises(ExamRefused, match="不面向"):
        start(exam, member_of(net.village3, "ks_bie", "丙村党支部"))  # another county
    own = ExamFactory(node=net.county1)  # not for the villages
    with pytest.raises(ExamRefused, match="不面向"):
        start(own, user)
    short = ExamFactory(node=net.county1, below=True, draw={QuestionKind.BLANK: 50})
    with pytest.raises(ExamRefused, match="填空题不足50道"):
        start(short, user)
    assert not Answer.objects.exists()
