"""论坛管理 in the admin: reported and held posts, 点将台 answers due, and the actions
(hide with a reason, show again, let in, pin, lock), for the node's staff."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme

from network.screens import NodeScreen

from ..access import may_moderate
from ..models import Post, PostState, Topic
from ..posting import NOT_MODERATOR, PostRefused, set_post_state, set_topic_flags
from ..queries import held_posts, named_waiting, open_reports


class ModerationView(NodeScreen):
    template_name = "forums/admin/moderation.html"
    page_title = "论坛管理"
    header_icon = "group"
    refusal = NOT_MODERATOR

    def allowed(self, user, node) -> bool:
        return may_moderate(user, node)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(node=self.node, reports=open_reports(self.node)[:100],
                       held=held_posts(self.node)[:100], error=kwargs.get("error"),
                       named=named_waiting(self.node, timezone.localdate()))  # fmt: skip
        return context

    def post(self, request, *args, **kwargs):
        action, data = request.POST.get("action", ""), request.POST
        try:
            if action in ("hide", "show", "admit"):
                post = Post.objects.filter(pk=data.get("post"), topic__node=self.node).first()
                if post is None:
                    raise Http404
                state = {"hide": PostState.HIDDEN, "show": PostState.VISIBLE,
                         "admit": PostState.VISIBLE}[action]  # fmt: skip
                set_post_state(request.user, post, state, data.get("reason", ""))
            elif action in ("pin", "unpin", "lock", "unlock"):
                topic = Topic.objects.filter(pk=data.get("topic"), node=self.node).first()
                if topic is None:
                    raise Http404
                flag = {"pin": {"pinned": True}, "unpin": {"pinned": False},
                        "lock": {"locked": True}, "unlock": {"locked": False}}[action]  # fmt: skip
                set_topic_flags(request.user, topic, **flag)
            else:
                raise PostRefused("不认识的操作。")
        except (PostRefused, PermissionDenied) as refused:
            return self.render_to_response(self.get_context_data(error=str(refused)), status=400)
        messages.success(request, "已处理。")
        back = data.get("next", "")
        safe = url_has_allowed_host_and_scheme(back, allowed_hosts={request.get_host()})
        return redirect(back if back and safe else "xf_forum_moderation")
