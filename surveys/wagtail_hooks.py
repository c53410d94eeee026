"""调查投票 in the admin: its screens and menu item, for the node's staff."""

from django.urls import path, reverse
from wagtail import hooks

from network.roles import user_may_edit_content
from network.screens import NodeMenuItem

from .views.admin import SurveyEditView, SurveyListView, SurveyResultsView


@hooks.register("register_admin_urls")
def register_survey_urls():
    return [
        path("surveys/", SurveyListView.as_view(), name="xf_surveys_list"),
        path("surveys/new/", SurveyEditView.as_view(), name="xf_surveys_new"),
        path("surveys/<int:pk>/", SurveyEditView.as_view(), name="xf_surveys_edit"),
        path("surveys/<int:pk>/results/", SurveyResultsView.as_view(), name="xf_surveys_results"),
    ]


@hooks.register("register_admin_menu_item")
def register_surveys_menu():
    return NodeMenuItem(
        "调查投票",
        reverse("xf_surveys_list"),
        icon_name="list-ul",
        order=256,
        shown_to=user_may_edit_content,
    )
