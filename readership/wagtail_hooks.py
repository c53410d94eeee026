from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .views import ReadershipView


@hooks.register("register_admin_urls")
def register_readership_url():
    return [path("readership/", ReadershipView.as_view(), name="xf_readership")]


class ReadershipMenuItem(MenuItem):
    def is_shown(self, request):
        return getattr(request, "node", None) is not None


@hooks.register("register_admin_menu_item")
def register_readership_menu_item():
    return ReadershipMenuItem("阅读统计", reverse("xf_readership"), icon_name="view", order=880)
