"""网上考试 in the admin: the bank and exams screen, the exam form, results."""

from django.urls import path, reverse
from wagtail import hooks

from network.screens import NodeMenuItem

from .access import may_set
from .views.admin import ExamEditView, ExamListView, ExamResultsView


@hooks.register("register_admin_urls")
def register_exam_urls():
    return [
        path("exams/", ExamListView.as_view(), name="xf_exams"),
        path("exams/new/", ExamEditView.as_view(), name="xf_exams_new"),
        path("exams/<int:pk>/", ExamEditView.as_view(), name="xf_exams_edit"),
        path("exams/<int:pk>/results/", ExamResultsView.as_view(), name="xf_exams_results"),
    ]


@hooks.register("register_admin_menu_item")
def register_exams_menu():
    return NodeMenuItem(
        "网上考试", reverse("xf_exams"), icon_name="doc-full", order=259, shown_to=may_set
    )
