"""调查投票 in the admin: the node's surveys, the form that makes or changes one, and
its results (per site when it ran below, free-text answers, an xlsx export). Staff of
a site below see the results of a survey run from above for their own subtree."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone

from network.exports import xlsx_response
from network.roles import user_may_edit_content
from network.screens import NodeScreen

from ..definitions import definition
from ..editing import NOT_STAFF, EditRefused, save_survey
from ..forms import QuestionFormSet, SurveyForm
from ..models import Survey
from ..reports import workbook
from ..results import by_site, count, texts


class StaffView(NodeScreen):
    header_icon = "list-ul"
    page_title = "调查投票"
    refusal = NOT_STAFF

    def allowed(self, user, node) -> bool:
        return user_may_edit_content(user, node)


class SurveyListView(StaffView):
    template_name = "surveys/admin/list.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        own = Survey.objects.filter(node=self.node).order_by("-opens_at")[:100]
        above = Survey.objects.filter(below=True, node__path__in=self.node.ancestor_paths())
        context.update(node=self.node, own=own, above=above.select_related("node")[:50],
                       now=timezone.now())  # fmt: skip
        return context


class SurveyEditView(StaffView):
    template_name = "surveys/admin/edit.html"

    def get_survey(self):
        pk = self.kwargs.get("pk")
        if pk is None:
            return Survey(node=self.node)
        survey = Survey.objects.filter(pk=pk, node=self.node).first()
        if survey is None:
            raise Http404("没有这项调查。")
        return survey

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        survey = self.get_survey()
        form = kwargs.get("form") or SurveyForm(instance=survey)
        questions = kwargs.get("questions") or QuestionFormSet(instance=survey, prefix="questions")
        context.update(node=self.node, survey=survey, form=form, questions=questions,
                       error=kwargs.get("error"))  # fmt: skip
        return context

    def post(self, request, *args, **kwargs):
        survey = self.get_survey()
        form = SurveyForm(request.POST, instance=survey)
        questions = QuestionFormSet(request.POST, instance=survey, prefix="questions")
        if form.is_valid() and questions.is_valid():
            try:
                survey = save_survey(request.user, self.node, form, questions)
            except (EditRefused, PermissionDenied) as refused:
                context = self.get_context_data(form=form, questions=questions, error=str(refused))
                return self.render_to_response(context, status=400)
            messages.success(request, f"“{survey.title}”已保存。")
            return redirect(reverse("xf_surveys_list"))
        context = self.get_context_data(form=form, questions=questions)
        return self.render_to_response(context, status=400)


class SurveyResultsView(StaffView):
    template_name = "surveys/admin/results.html"

    def get(self, request, *args, **kwargs):
        survey = Survey.objects.filter(pk=kwargs["pk"]).select_related("node").first()
        if survey is None:
            raise Http404("没有这项调查。")
        self.survey = definition(survey.uuid)
        if survey.node_id == self.node.pk:
            self.scope = None
        elif self.survey.below and self.node.path.startswith(survey.node.path):
            self.scope = self.node  # a site below: its own subtree
        else:
            raise Http404("没有这项调查。")
        if request.GET.get("format") == "xlsx":
            answers = texts(self.survey) if self.scope is None else []
            content = workbook(self.survey, count(self.survey, self.scope), self.sites(), answers)
            return xlsx_response(content, f"{self.survey.title}结果.xlsx")
        return super().get(request, *args, **kwargs)

    def sites(self):
        return by_site(self.survey, self.scope)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            node=self.node, survey=self.survey, tally=count(self.survey, self.scope),
            sites=self.sites(), texts=texts(self.survey) if self.scope is None else [],
            scope=self.scope,
        )  # fmt: skip
        return context
