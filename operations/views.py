"""更新监测: a node's own columns and problems, and who is behind below it, drillable
down the tree from the admin host's node."""

from django.http import Http404
from django.shortcuts import render
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from network.levels import Level
from network.models import Node
from network.roles import user_may_administer

from . import watch


class TimelinessView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "operations/admin/timeliness.html"
    page_title = "更新监测"
    header_icon = "time"

    def dispatch(self, request, *args, **kwargs):
        here = getattr(request, "node", None)
        if here is None:
            raise Http404
        if not user_may_administer(request.user, here):
            context = {"message": "您在本站没有这项权限。", "page_title": "没有权限"}
            return render(request, "operations/admin/forbidden.html", context, status=403)
        code = kwargs.get("code")
        self.node = here if code is None else Node.objects.filter(code=code).first()
        # the host's subtree only: another branch is not found, not refused
        if self.node is None or not self.node.path.startswith(here.path):
            raise Http404("没有这个站点。")
        self.here = here
        return super().dispatch(request, *args, **kwargs)

    def get_page_subtitle(self):
        return self.node.name

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        behind, total = watch.behind_below(self.node)
        by_level = watch.behind_by_level(self.node)
        context.update(
            node=self.node,
            here=self.here,
            trail=[n for n in self.node.get_ancestors() if n.path.startswith(self.here.path)],
            columns=watch.own_columns(self.node),
            last_update=watch.last_update(self.node),
            own=watch.own_staleness(self.node),
            behind=behind,
            behind_total=total,
            by_level=[
                (label, by_level[value]) for value, label in Level.choices if value in by_level
            ],
            problems=watch.problems_of(self.node),
        )
        return context
