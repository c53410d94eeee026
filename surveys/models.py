"""调查投票: questionnaires and votes a node runs on its own site (or on every site
below it, with results per site), in the public schema: a county's vote is answered
on its villages' sites, and the results are counted across them.

A response is one row and its choices a few more, written together; the counts are
read from the choices (surveys.results)."""

import uuid

from django.conf import settings
from django.db import models

from network.models import Node


class SurveyKind(models.TextChoices):
    SURVEY = "survey", "问卷调查"
    VOTE = "vote", "投票"


class Audience(models.TextChoices):
    PUBLIC = "public", "公众（每个浏览器一次）"
    MEMBERS = "members", "党员（登录个人中心后，每人一次）"


class ResultsShown(models.TextChoices):
    LIVE = "live", "实时公开"
    AFTER = "after", "结束后公开"
    STAFF = "staff", "只给工作人员看"


class Survey(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    node = models.ForeignKey(Node, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField("类型", max_length=8, choices=SurveyKind.choices,
                            default=SurveyKind.VOTE)  # fmt: skip
    title = models.CharField("标题", max_length=120)
    intro = models.TextField("说明", blank=True)
    audience = models.CharField("参与对象", max_length=8, choices=Audience.choices,
                                default=Audience.PUBLIC)  # fmt: skip
    opens_at = models.DateTimeField("开始时间")
    closes_at = models.DateTimeField("结束时间")
    results = models.CharField("结果公开", max_length=8, choices=ResultsShown.choices,
                               default=ResultsShown.LIVE)  # fmt: skip
    below = models.BooleanField(
        "下级站点同步开展", default=False,
        help_text="勾选后，本站以下的每个站点都显示这项调查，结果可按站点查看。",
    )  # fmt: skip
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "调查投票"
        verbose_name_plural = "调查投票"
        ordering = ["-opens_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(closes_at__gt=models.F("opens_at")), name="survey_window"
            )
        ]

    def __str__(self):
        return self.title


class QuestionKind(models.TextChoices):
    SINGLE = "single", "单选"
    MULTIPLE = "multiple", "多选"
    RATING = "rating", "评分（1-5 分）"
    TEXT = "text", "文字回答"


RATINGS = range(1, 6)


class Question(models.Model):
    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="questions")
    order = models.PositiveSmallIntegerField("顺序", default=0)
    kind = models.CharField("题型", max_length=8, choices=QuestionKind.choices,
                            default=QuestionKind.SINGLE)  # fmt: skip
    text = models.CharField("题目", max_length=300)
    # one per line; a choice is stored as its position, so they are fixed once
    # anyone has answered (surveys.editing)
    choices = models.TextField("选项", blank=True, help_text="单选、多选题每行一个选项")
    max_choices = models.PositiveSmallIntegerField(
        "最多选几项", default=0, help_text="多选题用；0 表示不限"
    )
    required = models.BooleanField("必答", default=True)

    class Meta:
        ordering = ["order", "pk"]

    def __str__(self):
        return self.text

    @property
    def options(self) -> list[str]:
        return [line.strip() for line in self.choices.splitlines() if line.strip()]


class Response(models.Model):
    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="responses")
    # the site it was answered on (results per site when the survey runs below)
    node = models.ForeignKey(Node, on_delete=models.CASCADE, related_name="+")
    # "m<account id>" for a member, "b<browser token>" for the public: one each
    voter = models.CharField(max_length=80)
    address = models.GenericIPAddressField(null=True)
    texts = models.JSONField(default=dict)  # {question id: text}
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["survey", "voter"], name="one_response_per_voter")
        ]

    def __str__(self):
        return f"{self.survey_id}:{self.voter}"


class Choice(models.Model):
    """One option ticked (or one rating given) in a response; what results count."""

    response = models.ForeignKey(Response, on_delete=models.CASCADE, related_name="choices")
    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="+")
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="+")
    node = models.ForeignKey(Node, on_delete=models.CASCADE, related_name="+")
    option = models.PositiveSmallIntegerField(null=True)
    rating = models.PositiveSmallIntegerField(null=True)

    class Meta:
        indexes = [models.Index(fields=["survey", "question", "option"])]

    def __str__(self):
        return f"{self.question_id}:{self.option if self.option is not None else self.rating}"
