"""收到的稿件 and 报送回执: what reached this node, and where its own stories went."""

from django.shortcuts import get_object_or_404
from django.urls import reverse

from network.roles import user_may_edit_content

from ..models import Story, SubmissionState
from ..permissions import may_push_from, may_review_at
from ..pushing import hide_story, show_story
from ..reach import accepted_for, pushes_reaching, sent_from
from .base import NodeAdminView


class ReceivedView(NodeAdminView):
    template_name = "syndication/admin/received.html"
    page_title = "收到的稿件"

    def allowed(self, user, node):
        return user_may_edit_content(user, node)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        hidden = set(self.node.hidden_stories.values_list("story_id", flat=True))
        pushes = pushes_reaching(self.node, include_hidden=True).order_by("-pinned", "-created_at")
        context.update(
            pushes=[(push, push.story_id in hidden) for push in pushes[:100]],
            accepted=accepted_for(self.node)[:100],
            hidden_accepted=Story.objects.filter(
                pk__in=hidden,
                submissions__to_node=self.node,
                submissions__state=SubmissionState.ACCEPTED,
            ),
            may_hide=may_review_at(self.request.user, self.node),
            may_push=may_push_from(self.request.user, self.node) and not self.node.is_leaf(),
        )
        return context

    def post(self, request, *args, **kwargs):
        story = get_object_or_404(Story, pk=request.POST.get("story"))
        back = reverse("xf_syndication_received")
        if request.POST.get("action") == "show":
            return self.act(
                request,
                lambda: show_story(user=request.user, node=self.node, story=story),
                f"本站重新显示《{story.title}》。",
                back,
            )
        return self.act(
            request,
            lambda: hide_story(user=request.user, node=self.node, story=story),
            f"本站不再显示《{story.title}》，其他站点不受影响。",
            back,
        )


class ReceiptsView(NodeAdminView):
    template_name = "syndication/admin/receipts.html"
    page_title = "报送回执"

    def allowed(self, user, node):
        return user_may_edit_content(user, node)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        stories = {}
        for hop in sent_from(self.node)[:500]:
            stories.setdefault(hop.story, []).append(hop)
        context["stories"] = sorted(
            stories.items(), key=lambda item: item[1][-1].created_at, reverse=True
        )
        return context
