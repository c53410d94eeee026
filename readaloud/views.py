"""语音播报 settings: the province turns server-made audio on or off."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count
from django.shortcuts import redirect, render
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from .audio import may_switch_audio, switch_audio
from .models import ArticleAudio, AudioState, AudioSwitch
from .speech import VOICE, engine_missing


class AudioSwitchView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "readaloud/admin/switch.html"
    page_title = "语音播报"
    header_icon = "media"

    def dispatch(self, request, *args, **kwargs):
        if not may_switch_audio(request.user):
            context = {"message": "只有省级站长可以设置语音播报。", "page_title": "没有权限"}
            return render(request, "xfadmin/forbidden.html", context, status=403)
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        counts = dict(ArticleAudio.objects.values_list("state").annotate(n=Count("pk")).order_by())
        context.update(
            switch=AudioSwitch.current(),
            missing=engine_missing(),
            voice=VOICE,
            counts=[(label, counts.get(value, 0)) for value, label in AudioState.choices],
        )
        return context

    def post(self, request, *args, **kwargs):
        try:
            switch = switch_audio(user=request.user, on=request.POST.get("enabled") == "on")
        except PermissionDenied as denied:  # pragma: no cover - dispatch refused already
            messages.error(request, str(denied))
        else:
            messages.success(request, f"语音播报：{switch}。")
        return redirect(request.path)
