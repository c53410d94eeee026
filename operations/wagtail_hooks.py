"""更新监测 and 统计分析 in the admin: menu items, their screens, a dashboard panel, and
the rules (更新规则) the province edits."""

from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.ui.components import Component
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from network.roles import user_may_administer
from network.screens import NodeMenuItem

from . import watch
from .models import TimelinessRule
from .views import StatisticsView, TimelinessView


@hooks.register("register_admin_urls")
def register_operations_urls():
    return [
        path("operations/timeliness/", TimelinessView.as_view(), name="xf_operations_timeliness"),
        path(
            "operations/timeliness/<str:code>/",
            TimelinessView.as_view(),
            name="xf_operations_timeliness_node",
        ),
        path("operations/statistics/", StatisticsView.as_view(), name="xf_operations_statistics"),
        path(
            "operations/statistics/<str:code>/",
            StatisticsView.as_view(),
            name="xf_operations_statistics_node",
        ),
    ]


@hooks.register("register_admin_menu_item")
def register_timeliness_menu():
    return NodeMenuItem(
        "更新监测",
        reverse("xf_operations_timeliness"),
        icon_name="time",
        order=260,
        shown_to=user_may_administer,
    )


@hooks.register("register_admin_menu_item")
def register_statistics_menu():
    return NodeMenuItem(
        "统计分析",
        reverse("xf_operations_statistics"),
        icon_name="table",
        order=262,
        shown_to=user_may_administer,
    )


class TimelinessPanel(Component):
    """On the dashboard: this site behind a rule, and how many below it are."""

    name = "xf_timeliness"
    order = 60
    template_name = "operations/admin/dashboard_panel.html"

    def __init__(self, own, behind):
        self.own, self.behind = own, behind

    def get_context_data(self, parent_context=None):
        url = reverse("xf_operations_timeliness")
        return {"own": self.own, "behind": self.behind, "url": url}


@hooks.register("construct_homepage_panels")
def add_timeliness_panel(request, panels):
    node = getattr(request, "node", None)
    if node is None or not user_may_administer(request.user, node):
        return
    own = watch.own_staleness(node)
    behind = sum(watch.behind_by_level(node).values())
    if own or behind:
        panels.append(TimelinessPanel(own, behind))


class TimelinessRuleViewSet(SnippetViewSet):
    model = TimelinessRule
    icon = "time"
    menu_label = "更新规则"
    menu_order = 285
    add_to_admin_menu = True
    list_display = ["__str__", "updated_at"]


register_snippet(TimelinessRuleViewSet)
