"""心灵港湾 in the admin: send a card to one of the node's members."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect

from network.screens import NodeScreen
from partyaffairs.access import REFUSED, may_keep_register

from .cards import KINDS, CardRefused, reachable_members, send_card


class CardView(NodeScreen):
    template_name = "greetings/admin/card.html"
    page_title = "心灵港湾"
    header_icon = "mail"
    refusal = REFUSED

    def allowed(self, user, node) -> bool:
        return may_keep_register(user, node)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(node=self.node, accounts=reachable_members(self.node), kinds=KINDS,
                       error=kwargs.get("error"), typed=kwargs.get("typed", {}))  # fmt: skip
        return context

    def post(self, request, *args, **kwargs):
        accounts = {str(a.pk): a for a in reachable_members(self.node)}
        account = accounts.get(request.POST.get("account", ""))
        try:
            if account is None:
                raise CardRefused("请选择一名党员。")
            send_card(request.user, self.node, account, request.POST.get("kind", ""),
                      request.POST.get("text", ""))  # fmt: skip
        except (CardRefused, PermissionDenied) as refused:
            context = self.get_context_data(error=str(refused), typed=request.POST)
            return self.render_to_response(context, status=400)
        messages.success(request, "祝福已送达该党员的个人中心。")
        return redirect("xf_greetings_card")
