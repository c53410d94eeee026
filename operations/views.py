"""更新监测 and 统计分析: a node's own columns and problems, who is behind below it, and
its figures by level and branch, drillable down the tree from the admin host's node."""

from django.http import Http404
from django.shortcuts import render
from django.utils import timezone
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from network.exports import xlsx_response
from network.levels import Level
from network.models import Node
from network.roles import user_may_administer

from . import reports, watch


class SubtreeView(WagtailAdminTemplateMixin, TemplateView):
    """A screen about the admin host's node or a node below it (named by code)."""

    def dispatch(self, request, *args, **kwargs):
        here = getattr(request, "node", None)
        if here is None:
            raise Http404
        if not user_may_administer(request.user, here):
            context = {"message": "您在本站没有这项权限。", "page_title": "没有权限"}
            return render(request, "xfadmin/forbidden.html", context, status=403)
        code = kwargs.get("code")
        self.node = here if code is None else Node.objects.filter(code=code).first()
        # the host's subtree only: another branch is not found, not refused
        if self.node is None or not self.node.path.startswith(here.path):
            raise Http404("没有这个站点。")
        self.here = here
        return super().dispatch(request, *args, **kwargs)

    def get_page_subtitle(self):
        return self.node.name

    def trail(self) -> list:
        """The nodes from the host down to this one's parent, for links back up."""
        return [n for n in self.node.get_ancestors() if n.path.startswith(self.here.path)]


class TimelinessView(SubtreeView):
    template_name = "operations/admin/timeliness.html"
    page_title = "更新监测"
    header_icon = "time"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        behind, total = watch.behind_below(self.node)
        by_level = watch.behind_by_level(self.node)
        columns = watch.own_columns(self.node)
        context.update(
            node=self.node,
            here=self.here,
            trail=self.trail(),
            columns=columns,
            last_update=watch.last_update(columns),
            own=watch.own_staleness(self.node),
            behind=behind,
            behind_total=total,
            by_level=[
                (label, by_level[value]) for value, label in Level.choices if value in by_level
            ],
            problems=watch.problems_of(self.node),
        )
        return context


class StatisticsView(SubtreeView):
    template_name = "operations/admin/statistics.html"
    page_title = "统计分析"
    header_icon = "table"

    def get(self, request, *args, **kwargs):
        self.period = request.GET.get("period", "month")
        if self.period not in reports.PERIODS:
            self.period = "month"
        self.report = reports.report(
            self.node, reports.months_of(self.period, timezone.localdate())
        )
        if request.GET.get("format") == "xlsx":
            name = f"{self.node.name}统计分析.xlsx"
            return xlsx_response(self.report.workbook(), name)
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        report = self.report
        context.update(
            node=self.node,
            trail=self.trail(),
            period=self.period,
            periods=[(key, label) for key, (label, _) in reports.PERIODS.items()],
            labels=list(reports.LABELS.values()),
            report=report,
            chart={
                "months": [f"{month:%Y-%m}" for month, _, _ in report.per_month],
                "articles": [articles for _, articles, _ in report.per_month],
                "reads": [reads for _, _, reads in report.per_month],
                "branches": [row.label for row in report.branches],
                "branch_articles": [row.figures["articles"] for row in report.branches],
            },
        )
        return context
