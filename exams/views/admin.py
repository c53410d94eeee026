"""网上考试 in the admin: the node's question bank (one by one, or an xlsx import),
its exams (a random paper per attempt, or every question of the bank listed), and
results by organisation and by the sites below, exported to xlsx."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.db import transaction
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse

from network.exports import xlsx_response
from network.screens import NodeScreen

from ..access import may_set
from ..banks import BankRefused, import_bank
from ..forms import ExamForm, QuestionForm
from ..models import Attempt, BankQuestion, Exam, ExamQuestion
from ..results import summary, workbook


class ExamScreen(NodeScreen):
    header_icon = "doc-full"
    page_title = "网上考试"
    refusal = "您不是该站点的工作人员或组织员，不能管理考试。"

    def allowed(self, user, node) -> bool:
        return may_set(user, node)


class ExamListView(ExamScreen):
    template_name = "exams/admin/list.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        bank = BankQuestion.objects.filter(node=self.node)
        context.update(node=self.node, exams=Exam.objects.filter(node=self.node)[:100],
                       bank_count=bank.count(), error=kwargs.get("error"),
                       page_obj=Paginator(bank, 30).get_page(self.request.GET.get("page")),
                       question_form=kwargs.get("question_form") or QuestionForm())  # fmt: skip
        return context

    def post(self, request, *args, **kwargs):
        if request.POST.get("action") == "delete":
            question = BankQuestion.objects.filter(pk=request.POST.get("question"), node=self.node)
            question = question.first()
            if question is None:
                raise Http404("没有这道题。")
            # a paper already drawn keeps its questions (grading reads them)
            if Attempt.objects.filter(paper__contains=[question.pk]).exists():
                error = "这道题已经出现在考生的试卷中，不能删除。"
                return self.render_to_response(self.get_context_data(error=error), status=400)
            question.delete()
            messages.success(request, "试题已删除。")
            return redirect(reverse("xf_exams"))
        if request.POST.get("action") == "import":
            upload = request.FILES.get("file")
            try:
                if upload is None:
                    raise BankRefused("请选择要导入的题库文件。")
                done = import_bank(self.node, upload)
            except BankRefused as refused:
                return self.render_to_response(self.get_context_data(error=str(refused)),
                                               status=400)  # fmt: skip
            messages.success(request, f"已导入 {done.count} 道题。")
            return redirect(reverse("xf_exams"))
        form = QuestionForm(request.POST)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(question_form=form), status=400)
        form.instance.node = self.node
        form.save()
        messages.success(request, "试题已加入题库。")
        return redirect(reverse("xf_exams"))


class ExamEditView(ExamScreen):
    template_name = "exams/admin/edit.html"

    def exam(self):
        pk = self.kwargs.get("pk")
        if pk is None:
            return Exam(node=self.node)
        found = Exam.objects.filter(pk=pk, node=self.node).first()
        if found is None:
            raise Http404("没有这场考试。")
        return found

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        form = kwargs.get("form") or ExamForm(instance=self.exam(), node=self.node)
        context.update(node=self.node, form=form)
        return context

    def post(self, request, *args, **kwargs):
        form = ExamForm(request.POST, instance=self.exam(), node=self.node)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form), status=400)
        bank = list(BankQuestion.objects.filter(node=self.node).values_list("pk", flat=True))
        if not bank:
            form.add_error(None, "题库中还没有试题，请先添加或导入。")
            return self.render_to_response(self.get_context_data(form=form), status=400)
        with transaction.atomic():
            exam = form.save(commit=False)
            exam.node = self.node
            exam.created_by = exam.created_by or request.user
            exam.save()
            if not exam.draw:  # a fixed paper: the questions ticked, else the whole bank
                picked = [q.pk for q in form.cleaned_data["paper"]] or bank
                ExamQuestion.objects.filter(exam=exam).delete()
                ExamQuestion.objects.bulk_create(
                    ExamQuestion(exam=exam, question_id=pk, order=n)
                    for n, pk in enumerate(sorted(picked, key=bank.index))
                )
        messages.success(request, f"“{exam.title}”已保存。")
        return redirect(reverse("xf_exams"))


class ExamResultsView(ExamScreen):
    template_name = "exams/admin/results.html"

    def get(self, request, *args, **kwargs):
        exam = Exam.objects.filter(pk=kwargs["pk"]).select_related("node").first()
        # the setter's node, or a node below it the exam is for (its own part)
        if exam is None or not (
            exam.node_id == self.node.pk
            or (exam.below and self.node.path.startswith(exam.node.path))
        ):
            raise Http404("没有这场考试。")
        self.exam_ = exam
        self.groups = summary(exam, self.node)
        if request.GET.get("format") == "xlsx":
            return xlsx_response(workbook(exam, *self.groups), f"{exam.title}成绩.xlsx")
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        total, organisations, branches = self.groups
        exam = self.exam_

        def rows(groups):
            return [(g, g.passed(exam.pass_score), g.rate(exam.pass_score)) for g in groups]

        context.update(node=self.node, exam=exam, total=rows([total])[0],
                       organisations=rows(organisations), branches=rows(branches))  # fmt: skip
        return context
