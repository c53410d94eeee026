from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .admin_scope import within_roots
from .mourning import may_set_mourning
from .roles import user_may_manage_members
from .screens import NodeMenuItem
from .views import MembersView, MourningView

# Schema-wide statistics: meaningful to the provincial centre, not to a village editor.
SUPERUSER_REPORTS = ("page-types-usage",)


@hooks.register("construct_page_chooser_queryset")
def limit_page_chooser_to_own_sites(pages, request):
    return pages.filter(within_roots(request.user))


@hooks.register("construct_explorer_page_queryset")
def limit_explorer_to_own_sites(parent_page, pages, request):
    return pages.filter(within_roots(request.user))


@hooks.register("construct_reports_menu")
def hide_schema_wide_reports(request, menu_items):
    if not request.user.is_superuser:
        menu_items[:] = [item for item in menu_items if item.name not in SUPERUSER_REPORTS]


@hooks.register("register_admin_urls")
def register_members_url():
    return [
        path("members/", MembersView.as_view(), name="xf_members"),
        path("mourning/", MourningView.as_view(), name="xf_mourning"),
    ]


@hooks.register("register_admin_menu_item")
def register_members_menu_item():
    return NodeMenuItem(
        "站点成员",
        reverse("xf_members"),
        icon_name="group",
        order=900,
        shown_to=user_may_manage_members,
    )


class MourningMenuItem(MenuItem):
    def is_shown(self, request):
        return may_set_mourning(request.user)


@hooks.register("register_admin_menu_item")
def register_mourning_menu_item():
    return MourningMenuItem("哀悼日置灰", reverse("xf_mourning"), icon_name="warning", order=950)
