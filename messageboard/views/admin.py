"""网络直通车 in the admin: a node's inbox by tab (what is due first), one message
with its history and what staff can do with it, and what the nodes below have let
run overdue. The node is the admin host's; a message of another node is not found."""

from django.contrib import messages as flash
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property

from network.roles import user_may_edit_content
from network.screens import NodeScreen

from .. import handling
from ..guarding import Refused
from ..models import Message
from ..queries import escalated_below, inbox, own_counts

TABS = [
    ("waiting", "待答复"),
    ("overdue", "已逾期"),
    ("held", "待审核"),
    ("answered", "已答复"),
    ("hidden", "不予受理"),
    ("below", "下级逾期"),
]
PER_PAGE = 30


class StaffView(NodeScreen):
    header_icon = "mail"
    page_title = "网络直通车"
    refusal = handling.NOT_STAFF

    def allowed(self, user, node) -> bool:
        return user_may_edit_content(user, node)

    @cached_property
    def today(self):
        return timezone.localdate()


class InboxView(StaffView):
    template_name = "messageboard/admin/inbox.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        tab = self.request.GET.get("tab", "waiting")
        if tab not in dict(TABS):
            tab = "waiting"
        rows = escalated_below(self.node) if tab == "below" else inbox(self.node, tab, self.today)
        page = Paginator(rows, PER_PAGE).get_page(self.request.GET.get("page"))
        context.update(
            node=self.node, tab=tab, tabs=TABS, page_obj=page, today=self.today,
            counts=own_counts(self.node, self.today), below=escalated_below(self.node).count(),
            querystring=f"tab={tab}",
        )  # fmt: skip
        return context


class MessageView(StaffView):
    """One message. Its owner's staff act on it; staff of a node above (who see it
    among 下级逾期) read it, without the phone number."""

    template_name = "messageboard/admin/message.html"

    def dispatch(self, request, *args, **kwargs):
        node = getattr(request, "node", None)
        self.message = (
            Message.objects.select_related("node", "origin", "replied_by")
            .filter(pk=kwargs["pk"])
            .first()
        )
        if node is None or self.message is None or not self.message.node.path.startswith(node.path):
            raise Http404("没有这条留言。")
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        owner = self.message.node_id == self.node.pk
        context.update(
            node=self.node, message=self.message, owner=owner, today=self.today,
            steps=self.message.steps.select_related("node"),
            parent=self.message.node.get_parent() if owner else None,
            phone=kwargs.get("phone"), error=kwargs.get("error"), typed=kwargs.get("typed", {}),
        )  # fmt: skip
        return context

    def post(self, request, *args, **kwargs):
        action, data, user = request.POST.get("action"), request.POST, request.user
        if self.message.node_id != self.node.pk:
            raise Http404("没有这条留言。")
        try:
            if action == "phone":
                phone = handling.read_phone(self.message, user)
                return self.render_to_response(self.get_context_data(phone=phone or "（未留）"))
            done = self._act(action, data, user)
        except (Refused, PermissionDenied) as refused:
            context = self.get_context_data(error=str(refused), typed=data)
            return self.render_to_response(context, status=400)
        flash.success(request, done)
        return redirect(reverse("xf_messages_inbox"))

    def _act(self, action, data, user) -> str:
        message = self.message
        if action == "answer":
            handling.answer(message, user, data.get("reply", ""), data.get("public") == "on")
            return "答复已保存。"
        if action == "refer":
            message = handling.refer_up(message, user, data.get("note", ""))
            return f"留言已转{message.node.name}办理。"
        if action == "hide":
            handling.hide(message, user, data.get("reason", ""))
            return "留言已不予受理。"
        if action == "admit":
            message = handling.admit(message, user)
            return f"留言已通过审核，答复期限{message.due_on:%Y-%m-%d}。"
        raise Refused("不认识的操作。")
