"""网上考试 for members (/exams/ on their site): the exams open to them, an attempt
(answers saved one by one as they go — JSON for the page's script — or all at once
when the form is posted), and the result. Never cached."""

from django.contrib.auth.decorators import login_required
from django.http import Http404, JsonResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from partyaffairs.accounts import member_account

from ..access import may_take
from ..models import Answer, Attempt, AttemptState, BankQuestion, Exam
from ..taking import ExamRefused, close_if_expired, save_answer, start, submit

LOGIN = "/my/login/"


@never_cache
@login_required(login_url=LOGIN)
def exam_list(request):
    account = member_account(request.user)
    exams = []
    if account is not None:
        paths = [*account.node.ancestor_paths(), account.node.path]
        candidates = Exam.objects.filter(node__path__in=paths).select_related("node")
        exams = [
            exam for exam in candidates.order_by("-opens_at")[:50] if may_take(request.user, exam)
        ]
    mine = {a.exam_id: a for a in Attempt.objects.filter(user=request.user).order_by("number")}
    context = {"exams": [(exam, mine.get(exam.pk)) for exam in exams], "now": timezone.now(),
               "account": account, "node": getattr(request, "node", None)}  # fmt: skip
    return render(request, "exams/list.html", context)


@never_cache
@login_required(login_url=LOGIN)
def exam_start(request, uuid):
    exam = Exam.objects.select_related("node").filter(uuid=uuid).first()
    if exam is None:
        raise Http404("没有这场考试。")
    if request.method == "POST":
        try:
            attempt = start(exam, request.user)
        except ExamRefused as refused:
            return render(request, "exams/refused.html", {"message": str(refused), "exam": exam},
                          status=400)  # fmt: skip
        return redirect(f"/exams/a/{attempt.pk}/")
    taken = Attempt.objects.filter(exam=exam, user=request.user).order_by("-number")
    return render(request, "exams/start.html", {"exam": exam, "taken": taken,
                  "may_take": may_take(request.user, exam), "now": timezone.now()})  # fmt: skip


def _own(request, attempt_id) -> Attempt:
    attempt = (
        Attempt.objects.select_related("exam").filter(pk=attempt_id, user=request.user).first()
    )
    if attempt is None:
        raise Http404("没有这份试卷。")
    close_if_expired(Attempt.objects.filter(pk=attempt.pk), timezone.now())
    attempt.refresh_from_db()
    return attempt


@never_cache
@login_required(login_url=LOGIN)
def attempt_page(request, attempt_id):
    attempt = _own(request, attempt_id)
    questions = BankQuestion.objects.in_bulk(attempt.paper)
    saved = dict(Answer.objects.filter(attempt=attempt).values_list("question_id", "value"))
    paper = [(n, questions[pk], saved.get(pk, "")) for n, pk in enumerate(attempt.paper, 1)
             if pk in questions]  # fmt: skip
    if attempt.state != AttemptState.ACTIVE:
        return render(request, "exams/result.html", {"attempt": attempt, "paper": paper,
                      "exam": attempt.exam})  # fmt: skip
    remaining = max(int((attempt.deadline - timezone.now()).total_seconds()), 0)
    return render(request, "exams/attempt.html", {"attempt": attempt, "paper": paper,
                  "exam": attempt.exam, "remaining": remaining})  # fmt: skip


@require_POST
@login_required(login_url=LOGIN)
def attempt_save(request, attempt_id):
    """One answer, from the page's script: {"saved": true, "remaining": seconds}."""
    try:
        attempt = save_answer(attempt_id, request.user, request.POST.get("question"),
                              request.POST.get("value", ""))  # fmt: skip
    except ExamRefused as refused:
        return JsonResponse({"saved": False, "error": str(refused)}, status=409)
    remaining = max(int((attempt.deadline - timezone.now()).total_seconds()), 0)
    return JsonResponse({"saved": True, "remaining": remaining})


@require_POST
@login_required(login_url=LOGIN)
def attempt_submit(request, attempt_id):
    answers = {
        key[1:]: "".join(sorted(request.POST.getlist(key)))
        for key in request.POST if key.startswith("q") and key[1:].isdigit()
    }  # fmt: skip
    try:
        submit(attempt_id, request.user, answers)
    except ExamRefused as refused:
        attempt = (
            Attempt.objects.filter(pk=attempt_id, user=request.user).select_related("exam").first()
        )
        if attempt is None:
            raise Http404 from None
        return render(request, "exams/refused.html", {"message": str(refused), "exam": attempt.exam,
                      "attempt": attempt}, status=400)  # fmt: skip
    return redirect(f"/exams/a/{attempt_id}/")
