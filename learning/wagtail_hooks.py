"""学习积分 in the admin: rankings for every node's staff, rules for the province."""

from django.urls import path, reverse
from wagtail import hooks

from network.screens import NodeMenuItem

from .access import may_read_rankings
from .views.admin import RankingView, RulesView


@hooks.register("register_admin_urls")
def register_learning_urls():
    return [
        path("learning/", RankingView.as_view(), name="xf_learning"),
        path("learning/rules/", RulesView.as_view(), name="xf_learning_rules"),
    ]


@hooks.register("register_admin_menu_item")
def register_learning_menu():
    return NodeMenuItem(
        "学习积分", reverse("xf_learning"), icon_name="pick", order=260, shown_to=may_read_rankings
    )
