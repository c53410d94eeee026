"""Taking an exam, the write side: starting an attempt (a paper drawn, the deadline
fixed), saving answers as the member goes, handing in, and closing attempts whose
time ran out. The server's clock decides; refusals are one plain sentence."""

import random
from datetime import datetime, timedelta

from django.db import IntegrityError, transaction
from django.utils import timezone

from partyaffairs.accounts import member_account, organisation_of
from syndication.models import Activity
from syndication.points import award_learning

from .access import may_take
from .grading import accepted, mark, normalised
from .models import Answer, Attempt, AttemptState, BankQuestion, Exam, QuestionKind

# what a phone on a slow network may still land after the deadline it was shown
GRACE = timedelta(seconds=5)


class ExamRefused(Exception):
    pass


def draw_paper(exam: Exam, rng=random) -> list[int]:
    """The question ids of a new paper: the listed questions in order, or N random of
    each kind from the node's bank."""
    if not exam.draw:
        return list(
            exam.questions.order_by("examquestion__order", "pk").values_list("pk", flat=True)
        )
    paper = []
    for kind, _ in QuestionKind.choices:
        wanted = int(exam.draw.get(kind, 0) or 0)
        if not wanted:
            continue
        pool = list(
            BankQuestion.objects.filter(node=exam.node, kind=kind).values_list("pk", flat=True)
        )
        if len(pool) < wanted:
            raise ExamRefused(f"题库中的{QuestionKind(kind).label}不足{wanted}道，请联系出题单位。")
        paper += rng.sample(pool, wanted)
    return paper


def start(exam: Exam, user, now: datetime | None = None) -> Attempt:
    """The member's active attempt, or a new one when they may take another."""
    now = now or timezone.now()
    if not may_take(user, exam):
        raise ExamRefused("这场考试不面向您所在的党组织，或您尚未登录个人中心。")
    close_if_expired(Attempt.objects.filter(exam=exam, user=user, state=AttemptState.ACTIVE), now)
    active = Attempt.objects.filter(exam=exam, user=user, state=AttemptState.ACTIVE).first()
    if active is not None:
        return active
    if now < exam.opens_at:
        raise ExamRefused("考试尚未开始。")
    if now >= exam.closes_at:
        raise ExamRefused("考试已经结束。")
    taken = Attempt.objects.filter(exam=exam, user=user).count()
    if taken >= exam.attempts_allowed:
        raise ExamRefused(f"这场考试每人可考{exam.attempts_allowed}次，您已经考完了。")
    paper = draw_paper(exam)
    if not paper:
        raise ExamRefused("这场考试还没有试题。")
    account = member_account(user)
    try:
        with transaction.atomic():
            return Attempt.objects.create(
                exam=exam, user=user, node=account.node, organisation=organisation_of(account),
                number=taken + 1, paper=paper,
                deadline=min(now + timedelta(minutes=exam.minutes), exam.closes_at),
            )  # fmt: skip
    except IntegrityError:  # the same member started it twice at once
        return Attempt.objects.get(exam=exam, user=user, state=AttemptState.ACTIVE)


def _active(attempt_id: int, user, now: datetime) -> Attempt:
    attempt = Attempt.objects.filter(pk=attempt_id, user=user).first()
    if attempt is None:
        raise ExamRefused("没有这份试卷。")
    if attempt.state != AttemptState.ACTIVE:
        raise ExamRefused("这份试卷已经交卷，不能再作答。")
    if now > attempt.deadline + GRACE:
        finish(attempt, AttemptState.TIMED_OUT, now)
        raise ExamRefused("考试时间已到，试卷已自动交卷，这次作答没有保存。")
    return attempt


def save_answer(
    attempt_id: int, user, question_id, value: str, now: datetime | None = None
) -> Attempt:
    """Keep one answer (the latest wins). A question not on this paper, or a value
    that is no answer of its kind, is refused."""
    now = now or timezone.now()
    attempt = _active(attempt_id, user, now)
    try:
        question_id = int(question_id)
    except (TypeError, ValueError):
        question_id = None
    if question_id not in attempt.paper:
        raise ExamRefused("试卷中没有这道题，请刷新页面。")
    question = BankQuestion.objects.only("kind", "options").get(pk=question_id)
    value = (value or "").strip()
    if value and normalised(question.kind, value, len(question.option_list) or 8) is None:
        raise ExamRefused("答案格式不对，请重新选择。")
    Answer.objects.bulk_create(
        [Answer(attempt=attempt, question_id=question_id, value=value[:500], saved_at=now)],
        update_conflicts=True, unique_fields=["attempt", "question"],
        update_fields=["value", "saved_at"],
    )  # fmt: skip
    return attempt


def submit(
    attempt_id: int, user, answers: dict | None = None, now: datetime | None = None
) -> Attempt:
    """Hand in: the answers sent with it are kept first (a page without JavaScript),
    then the paper is graded."""
    now = now or timezone.now()
    attempt = _active(attempt_id, user, now)
    for question_id, value in (answers or {}).items():
        if value:
            save_answer(attempt.pk, user, question_id, value, now)
    return finish(attempt, AttemptState.SUBMITTED, now)


def finish(attempt: Attempt, state: str, now: datetime) -> Attempt:
    """Grade the paper as it stands, once (a row already finished is left alone); a
    pass earns the member the exam's 学习积分, once per exam however often passed."""
    with transaction.atomic():
        locked = Attempt.objects.select_for_update().select_related("exam").get(pk=attempt.pk)
        if locked.state != AttemptState.ACTIVE:
            return locked
        locked.correct, locked.score = grade(locked)
        locked.state, locked.finished_at = state, now
        locked.save(update_fields=["correct", "score", "state", "finished_at"])
        exam = locked.exam
        if locked.score >= exam.pass_score:
            award_learning(activity=Activity.EXAM, ref=exam.uuid, title=exam.title,
                           user_id=locked.user_id, node_id=locked.node_id,
                           organisation=locked.organisation, at=now)  # fmt: skip
    return locked


def grade(attempt: Attempt):
    """(correct, score) of the attempt's paper from its saved answers: two queries."""
    keys = {
        pk: (kind, accepted(kind, answer))
        for pk, kind, answer in BankQuestion.objects.filter(pk__in=attempt.paper)
        .values_list("pk", "kind", "answer")
    }  # fmt: skip
    answers = dict(Answer.objects.filter(attempt=attempt).values_list("question_id", "value"))
    return mark(keys, answers)


def close_if_expired(attempts, now: datetime) -> int:
    """Grade the given active attempts whose deadline (and grace) has passed."""
    done = 0
    for attempt in attempts.filter(state=AttemptState.ACTIVE, deadline__lt=now - GRACE):
        finish(attempt, AttemptState.TIMED_OUT, now)
        done += 1
    return done


def close_expired(now: datetime | None = None) -> int:
    """Beat: every attempt left open past its time (a phone that never came back)."""
    return close_if_expired(Attempt.objects.all(), now or timezone.now())
