"""网上考试 (网上党校): each node's question bank, the exams it sets (for its own
members or for every member below it), and members' attempts with their answers, in
the public schema (a county's exam is taken by its villages' members; results roll
up by organisation and subtree).

The server owns the clock: an attempt's deadline is fixed when it starts, an answer
saved after it is refused, and an attempt past it is graded as it stood."""

import uuid

from django.conf import settings
from django.db import models

from network.models import Node


class QuestionKind(models.TextChoices):
    SINGLE = "single", "单选题"
    MULTIPLE = "multiple", "多选题"
    JUDGE = "judge", "判断题"
    BLANK = "blank", "填空题"


LETTERS = "ABCDEFGH"


class BankQuestion(models.Model):
    node = models.ForeignKey(Node, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField("题型", max_length=8, choices=QuestionKind.choices)
    text = models.TextField("题目")
    # choice questions: one option per line, lettered A, B, … in order
    options = models.TextField("选项", blank=True)
    # single: "B"; multiple: "ACD"; judge: "对" or "错"; blank: accepted answers, one per line
    answer = models.TextField("答案")
    explanation = models.TextField("解析", blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "试题"
        verbose_name_plural = "题库"
        ordering = ["kind", "pk"]
        indexes = [models.Index(fields=["node", "kind"])]

    def __str__(self):
        return self.text[:30]

    @property
    def option_list(self) -> list[str]:
        return [line.strip() for line in self.options.splitlines() if line.strip()]


class Exam(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    node = models.ForeignKey(Node, on_delete=models.CASCADE, related_name="+")
    title = models.CharField("名称", max_length=120)
    intro = models.TextField("说明", blank=True)
    opens_at = models.DateTimeField("开始时间")
    closes_at = models.DateTimeField("结束时间")
    minutes = models.PositiveSmallIntegerField("答题时限（分钟）", default=30)
    attempts_allowed = models.PositiveSmallIntegerField("可考次数", default=1)
    pass_score = models.PositiveSmallIntegerField("及格分", default=60)
    show_answers = models.BooleanField("交卷后显示正确答案", default=True)
    below = models.BooleanField("下级站点党员参加", default=False,
                                help_text="勾选后，本站以下所有站点的党员都可以参加。")  # fmt: skip
    # a random paper: {kind: how many} drawn per attempt; empty: every listed question
    draw = models.JSONField("随机抽题", default=dict, blank=True)
    questions = models.ManyToManyField(BankQuestion, through="ExamQuestion", related_name="+")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True,
                                   on_delete=models.SET_NULL, related_name="+")  # fmt: skip
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "考试"
        verbose_name_plural = "考试"
        ordering = ["-opens_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(closes_at__gt=models.F("opens_at")), name="exam_window"
            )
        ]

    def __str__(self):
        return self.title


class ExamQuestion(models.Model):
    exam = models.ForeignKey(Exam, on_delete=models.CASCADE)
    question = models.ForeignKey(BankQuestion, on_delete=models.CASCADE)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["order", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["exam", "question"], name="one_listing_per_question")
        ]

    def __str__(self):
        return f"{self.exam_id}:{self.question_id}"


class AttemptState(models.TextChoices):
    ACTIVE = "active", "答题中"
    SUBMITTED = "submitted", "已交卷"
    TIMED_OUT = "timed_out", "超时自动交卷"


class Attempt(models.Model):
    exam = models.ForeignKey(Exam, on_delete=models.CASCADE, related_name="attempts")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    # where the member belongs, fixed when the attempt starts (results by place)
    node = models.ForeignKey(Node, on_delete=models.CASCADE, related_name="+")
    organisation = models.CharField(max_length=100, blank=True)
    number = models.PositiveSmallIntegerField(default=1)
    paper = models.JSONField(default=list)  # the question ids, in order
    started_at = models.DateTimeField(auto_now_add=True)
    deadline = models.DateTimeField()
    state = models.CharField(max_length=10, choices=AttemptState.choices,
                             default=AttemptState.ACTIVE)  # fmt: skip
    finished_at = models.DateTimeField(null=True)
    correct = models.PositiveSmallIntegerField(default=0)
    score = models.DecimalField(max_digits=5, decimal_places=1, null=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["exam", "user", "number"], name="one_attempt_number"),
            models.UniqueConstraint(fields=["exam", "user"], condition=models.Q(state="active"),
                                    name="one_active_attempt"),
        ]  # fmt: skip
        indexes = [
            models.Index(fields=["state", "deadline"]),
            models.Index(fields=["exam", "node"]),
        ]

    def __str__(self):
        return f"{self.exam_id}:{self.user_id}#{self.number}"


class Answer(models.Model):
    attempt = models.ForeignKey(Attempt, on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey(BankQuestion, on_delete=models.CASCADE, related_name="+")
    value = models.CharField(max_length=500)
    saved_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["attempt", "question"], name="one_answer_per_question")
        ]

    def __str__(self):
        return self.value
