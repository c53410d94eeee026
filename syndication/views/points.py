"""积分排行: leaderboards by node and by author, per level and period, exportable."""

import csv
import io

from django.http import HttpResponse
from django.utils import timezone

from network.exports import as_text, xlsx_bytes
from network.levels import Level
from network.roles import user_may_edit_content
from network.screens import int_param

from ..points import PERIODS, leaderboard, period_bounds
from .base import NodeAdminView

EXPORT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


class PointsView(NodeAdminView):
    template_name = "syndication/admin/points.html"
    page_title = "积分排行"
    header_icon = "pick"

    def allowed(self, user, node):
        return user_may_edit_content(user, node)

    def query(self):
        get = self.request.GET
        by = "author" if get.get("by") == "author" else "node"
        level = get.get("level") if get.get("level") in Level.values else ""
        chosen = chosen_period(get)
        start, end = chosen["start"], chosen["end"]
        rows = leaderboard(by=by, start=start, end=end, level=level or None, within=self.node)
        return {
            "by": by,
            "level": level,
            "period": chosen["period"],
            "year": chosen["year"],
            "index": chosen["index"],
            "rows": rows,
        }

    def get(self, request, *args, **kwargs):
        export = request.GET.get("export")
        if export in EXPORT_TYPES:
            return self.export(export, self.query())
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(self.query())
        context.update(
            levels=Level.choices, periods=PERIODS.items(), querystring=self.request.GET.urlencode()
        )
        return context

    def export(self, kind, query):
        """The leaderboard as a spreadsheet; names are written so no cell is a formula."""
        header = ["排名", "站点代码", "站点"] + (["作者"] if query["by"] == "author" else [])
        header += ["积分", "采用篇数"]
        table = [header]
        for rank, row in enumerate(query["rows"], 1):
            line = [rank, row["node__code"], as_text(row["node__name"])]
            if query["by"] == "author":
                line.append(as_text(row["author"]))
            table.append([*line, row["points"], row["accepted"]])
        response = HttpResponse(content_type=EXPORT_TYPES[kind])
        filename = f"jifen-{query['by']}-{timezone.localdate():%Y%m%d}.{kind}"
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        if kind == "csv":
            buffer = io.StringIO()
            csv.writer(buffer).writerows(table)
            response.write("\ufeff" + buffer.getvalue())  # the BOM makes Excel read UTF-8
        else:
            response.write(xlsx_bytes([("积分排行", table)]))
        return response


def chosen_period(get) -> dict:
    """The ranking's period from the query string: period (month, quarter, year or ""
    for all time), year, index, and its [start, end) (None for all time)."""
    now = timezone.localtime()
    period = get.get("period") if get.get("period") in PERIODS else ""
    year = int_param(get.get("year"), now.year, 2000, 2100)
    default_index = {"month": now.month, "quarter": (now.month - 1) // 3 + 1}.get(period, 1)
    index = int_param(
        get.get("index"), default_index, 1, {"month": 12, "quarter": 4}.get(period, 1)
    )
    start, end = period_bounds(period, year, index) if period else (None, None)
    return {"period": period, "year": year, "index": index, "start": start, "end": end}
