"""语音播报 in the admin: the province's switch."""

from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .audio import may_switch_audio
from .views import AudioSwitchView


@hooks.register("register_admin_urls")
def register_readaloud_urls():
    return [path("readaloud/", AudioSwitchView.as_view(), name="xf_readaloud")]


class SwitchMenuItem(MenuItem):
    def is_shown(self, request):
        return may_switch_audio(request.user)


@hooks.register("register_admin_menu_item")
def register_readaloud_menu():
    return SwitchMenuItem("语音播报", reverse("xf_readaloud"), icon_name="media", order=955)
