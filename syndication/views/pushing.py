"""下发 of a story this node accepted from below (or its own), from 收到的稿件 or right
after 采用并下发 in the review: the loop the 先锋网 runs (the best village story,
accepted up to the province, pushed back down to every village)."""

from django.shortcuts import get_object_or_404
from django.urls import reverse

from ..forms import PushForm
from ..models import Story
from ..permissions import may_push_from
from ..pushing import push_down
from ..reach import lineage
from .base import NodeAdminView


def push_from_form(user, node, story, data):
    """The one way a PushForm becomes a push (from an article or a received story)."""
    return push_down(
        user=user,
        node=node,
        story=story,
        levels=data["levels"],
        branches=list(data["branches"]),
        pinned=data["pinned"],
        mandatory=data["mandatory"],
        expires_at=data["expires_at"],
    )


PUSHED = "已下发，下级站点将在“上级要闻”中显示。"


class StoryPushView(NodeAdminView):
    template_name = "syndication/admin/push_story.html"
    page_title = "下发稿件"

    def allowed(self, user, node):
        return may_push_from(user, node) and not node.is_leaf()

    def prepare(self, request, story_id, **kwargs):
        # whether this node may push it (its own, or accepted here) push_down decides
        self.story = get_object_or_404(Story.objects.select_related("origin_node"), pk=story_id)

    def get_page_subtitle(self):
        return self.story.title

    def get_context_data(self, form=None, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            story=self.story,
            hops=lineage(self.story),
            form=form or PushForm(node=self.node),
        )
        return context

    def post(self, request, *args, **kwargs):
        form = PushForm(request.POST, node=self.node)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form), status=400)
        return self.act(
            request,
            lambda: push_from_form(request.user, self.node, self.story, form.cleaned_data),
            PUSHED,
            reverse("xf_syndication_received"),
        )
