from django.templatetags.static import static
from django.urls import path, reverse
from django.utils.html import format_html
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component

from network.roles import user_may_edit_content
from network.screens import NodeMenuItem
from sites.photo_titles import CAMERA_FILE_NAME

from .views import GuideView, PostedView, QuickPostView


@hooks.register("register_admin_urls")
def register_quickpost_urls():
    return [
        path("write/", QuickPostView.as_view(), name="xf_quickpost"),
        path("write/done/<int:page_id>/", PostedView.as_view(), name="xf_quickpost_done"),
        path("guide/", GuideView.as_view(), name="xf_guide"),
    ]


# Wagtail's help menu links to its English guides: the project's Chinese one instead.
ENGLISH_HELP = ("editor-guide",)


@hooks.register("construct_help_menu")
def keep_chinese_help(request, menu_items):
    menu_items[:] = [
        item
        for item in menu_items
        if item.name not in ENGLISH_HELP and not item.name.startswith("whats-new-in-wagtail")
    ]


@hooks.register("register_help_menu_item")
def register_guide_menu_item():
    return MenuItem("发稿指南", reverse("xf_guide"), icon_name="help", order=100)


@hooks.register("register_admin_menu_item")
def register_quickpost_menu():
    # first in the menu: what a grassroots webmaster comes to do
    return NodeMenuItem(
        "写稿", reverse("xf_quickpost"), icon_name="edit", order=1, shown_to=user_may_edit_content
    )


class QuickPostPanel(Component):
    """The first thing on the dashboard: one large 写稿 button."""

    name = "xf_quickpost"
    order = 1
    template_name = "quickpost/dashboard_panel.html"


@hooks.register("construct_homepage_panels")
def add_quickpost_panel(request, panels):
    node = getattr(request, "node", None)
    if node is not None and user_may_edit_content(request.user, node):
        panels.insert(0, QuickPostPanel())


@hooks.register("insert_global_admin_js")
def describe_uploaded_photos():
    return format_html(
        '<script src="{}" data-camera-pattern="{}"></script>',
        static("quickpost/photo_title.js"),
        CAMERA_FILE_NAME.pattern,
    )
