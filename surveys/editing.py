"""Making and changing a survey, the write side: who may (the node's staff), and what
may change once people have answered (the window and wording, not the questions'
kinds or options: a choice is stored as its position)."""

from django.core.exceptions import PermissionDenied
from django.db import transaction

from network.roles import user_may_edit_content

from .definitions import forget
from .models import Question, Response, Survey

NOT_STAFF = "您不是该站点的工作人员，不能管理这项调查。"


class EditRefused(Exception):
    pass


def require_staff(user, node) -> None:
    if not user_may_edit_content(user, node):
        raise PermissionDenied(NOT_STAFF)


def save_survey(user, node, form, questions) -> Survey:
    """Save the survey form and its question formset (both valid) for `node`."""
    require_staff(user, node)
    survey = form.instance
    answered = survey.pk is not None and Response.objects.filter(survey=survey).exists()
    if answered and _questions_changed(survey, questions):
        raise EditRefused("已经有人参加，题目的题型和选项不能再修改（可以修改标题、说明和时间）。")
    kept = [f for f in questions.forms if f.cleaned_data and f.cleaned_data.get("text")
            and not f.cleaned_data.get("DELETE")]  # fmt: skip
    if not kept:
        raise EditRefused("请至少添加一道题。")
    with transaction.atomic():
        survey.node = node
        if survey.created_by_id is None:
            survey.created_by = user
        survey = form.save()
        questions.instance = survey
        questions.save()  # blank rows are unchanged forms, which a formset skips
    forget(survey.uuid)
    return survey


def _questions_changed(survey: Survey, questions) -> bool:
    before = {q.pk: (q.kind, q.options) for q in Question.objects.filter(survey=survey)}
    for question_form in questions.forms:
        data = question_form.cleaned_data
        if not data or not data.get("text"):
            continue
        pk = question_form.instance.pk
        options = [
            line.strip() for line in (data.get("choices") or "").splitlines() if line.strip()
        ]
        if pk is None or data.get("DELETE") or before.get(pk) != (data.get("kind"), options):
            return True
    return False
