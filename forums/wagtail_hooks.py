"""论坛管理 in the admin: the moderation screen, its menu item for the node's staff."""

from django.urls import path, reverse
from wagtail import hooks

from network.screens import NodeMenuItem

from .access import may_moderate
from .views.admin import ModerationView


@hooks.register("register_admin_urls")
def register_forum_urls():
    return [path("forum/", ModerationView.as_view(), name="xf_forum_moderation")]


@hooks.register("register_admin_menu_item")
def register_forum_menu():
    return NodeMenuItem(
        "论坛管理",
        reverse("xf_forum_moderation"),
        icon_name="group",
        order=258,
        shown_to=may_moderate,
    )
