"""统计报表 and 领导查询: a subtree's figures, drilled down node by node, as tables,
bar charts and a spreadsheet. No personal field is on these screens."""

from django.utils import timezone

from network.exports import xlsx_response

from .. import queries, statistics
from ..spreadsheets import workbook_bytes
from .base import PartyView


class FiguresView(PartyView):
    template_name = "partyaffairs/admin/figures.html"
    page_title = "党务统计"
    needs = "figures"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        today = timezone.localdate()
        figures = queries.figures_of(self.node)
        here = self.request.node.path  # drill back up no higher than the admin's own node
        children = [
            (child, statistics.active_members(f), statistics.overdue_terms(f, today),
             sum(f.get("organisation_kind", {}).values()),
             f.get("recruit_stage", {}))
            for child, f in queries.children_figures(self.node)
        ]  # fmt: skip
        quarters, by_organisation = queries.meetings_by_organisation(self.node, today)
        context.update(
            quarters=quarters, by_organisation=by_organisation,
            tables=statistics.tables(figures, today), children=children,
            members=statistics.active_members(figures),
            overdue=statistics.overdue_terms(figures, today),
            ancestors=[a for a in self.node.get_ancestors() if a.path.startswith(here)],
        )  # fmt: skip
        return context


class FiguresExportView(PartyView):
    needs = "figures"

    def get(self, request, *args, **kwargs):
        today = timezone.localdate()
        figures = queries.figures_of(self.node)
        rows = []
        for table in statistics.tables(figures, today):
            rows += [[table.title, label, count] for label, count in table.rows] + [[]]
        rows += [["下级站点", "在册党员", "换届逾期"]]
        rows += [
            [child.name, statistics.active_members(f), statistics.overdue_terms(f, today)]
            for child, f in queries.children_figures(self.node)
        ]
        content = workbook_bytes("党务统计", ["统计表", "项目", "数量"], rows)
        return xlsx_response(content, f"{self.node.name}-党务统计-{today:%Y%m%d}.xlsx")
