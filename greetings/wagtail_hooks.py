"""心灵港湾 in the admin: the card screen and its menu item, for those who keep the
node's register."""

from django.urls import path, reverse
from wagtail import hooks

from network.screens import NodeMenuItem
from partyaffairs.access import may_keep_register

from .views import CardView


@hooks.register("register_admin_urls")
def register_greetings_urls():
    return [path("greetings/", CardView.as_view(), name="xf_greetings_card")]


@hooks.register("register_admin_menu_item")
def register_greetings_menu():
    return NodeMenuItem(
        "心灵港湾",
        reverse("xf_greetings_card"),
        icon_name="mail",
        order=257,
        shown_to=may_keep_register,
    )
