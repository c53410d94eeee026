"""网络直通车 in the admin: the inbox and message screens, the menu item, a dashboard
panel (what is due here, what is overdue below), and the province's reply deadlines."""

from django.urls import path, reverse
from django.utils import timezone
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from network.roles import user_may_edit_content

from .models import ReplyRule
from .queries import escalated_below, own_counts
from .views.admin import InboxView, MessageView


@hooks.register("register_admin_urls")
def register_message_urls():
    return [
        path("messages/", InboxView.as_view(), name="xf_messages_inbox"),
        path("messages/<int:pk>/", MessageView.as_view(), name="xf_messages_message"),
    ]


def _staff_here(request) -> bool:
    node = getattr(request, "node", None)
    return node is not None and user_may_edit_content(request.user, node)


class StaffMenuItem(MenuItem):
    def is_shown(self, request):
        return _staff_here(request)


@hooks.register("register_admin_menu_item")
def register_messages_menu():
    return StaffMenuItem("网络直通车", reverse("xf_messages_inbox"), icon_name="mail", order=255)


class MessagesPanel(Component):
    name = "xf_messages"
    order = 55
    template_name = "messageboard/admin/dashboard_panel.html"

    def __init__(self, counts, below):
        self.counts, self.below = counts, below

    def get_context_data(self, parent_context=None):
        return {"counts": self.counts, "below": self.below, "url": reverse("xf_messages_inbox")}


@hooks.register("construct_homepage_panels")
def add_messages_panel(request, panels):
    if not _staff_here(request):
        return
    counts = own_counts(request.node, timezone.localdate())
    below = escalated_below(request.node).count()
    if any(counts.values()) or below:
        panels.append(MessagesPanel(counts, below))


class ReplyRuleViewSet(SnippetViewSet):
    model = ReplyRule
    icon = "time"
    menu_label = "留言答复时限"
    menu_order = 286
    add_to_admin_menu = True
    list_display = ["__str__", "updated_at"]


register_snippet(ReplyRuleViewSet)
