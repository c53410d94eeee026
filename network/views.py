"""The admin page where a webmaster chooses who holds the node's roles."""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from .forms import AddMemberForm
from .models import NetworkMode, Role
from .mourning import may_set_mourning, set_mourning
from .roles import node_members, remove_role, user_may_manage_members


class MembersView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "network/members.html"
    page_title = "站点成员"
    header_icon = "group"

    def dispatch(self, request, *args, **kwargs):
        self.node = getattr(request, "node", None)
        if self.node is None or not user_may_manage_members(request.user, self.node):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_page_subtitle(self):
        return self.node.name

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]

    def get_context_data(self, form=None, **kwargs):
        context = super().get_context_data(**kwargs)
        members = node_members(self.node)
        context["node"] = self.node
        context["roles"] = [(role, label, members[role]) for role, label in Role.choices]
        context["form"] = form or AddMemberForm(node=self.node)
        return context

    def post(self, request, *args, **kwargs):
        if request.POST.get("action") == "remove":
            return self.remove(request)
        form = AddMemberForm(request.POST, node=self.node)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form), status=400)
        user = form.save()
        label = Role(form.cleaned_data["role"]).label
        messages.success(request, f"已将 {user.username} 设为{self.node.name}的{label}。")
        return redirect("xf_members")

    def remove(self, request):
        role = request.POST.get("role")
        if role not in Role.values:
            raise PermissionDenied
        user = get_object_or_404(get_user_model(), pk=request.POST.get("user"))
        if user == request.user and role == Role.WEBMASTER and not request.user.is_superuser:
            messages.error(request, "不能取消自己的站长角色，请联系上级站长。")
            return redirect("xf_members")
        remove_role(user, self.node, role)
        messages.success(request, f"已取消 {user.username} 的{Role(role).label}角色。")
        return redirect("xf_members")


class MourningView(WagtailAdminTemplateMixin, TemplateView):
    """哀悼日置灰: one button turns every site grey, one turns it back."""

    template_name = "network/mourning.html"
    page_title = "哀悼日置灰"
    header_icon = "warning"

    def dispatch(self, request, *args, **kwargs):
        if not may_set_mourning(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["mode"] = NetworkMode.current()
        return context

    def post(self, request, *args, **kwargs):
        on = request.POST.get("mourning") == "on"
        set_mourning(user=request.user, on=on)
        if on:
            messages.success(request, "全网已切换为哀悼日置灰，各站点下次打开即为灰色。")
        else:
            messages.success(request, "全网已恢复正常颜色。")
        return redirect("xf_mourning")
