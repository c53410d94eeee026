"""学习积分 in the admin: rankings of members and organisations for the node's subtree
and a period (定期公示), exported to xlsx; the province's rules."""

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone

from network.exports import as_text, xlsx_bytes, xlsx_response
from network.screens import NodeScreen
from syndication.models import LEARNING, PointRule
from syndication.points import PERIODS, learning_points, member_ranking
from syndication.views.points import chosen_period

from ..access import may_read_rankings, may_set_rules
from ..forms import RulesForm
from ..standing import organisation_ranking


class RankingView(NodeScreen):
    header_icon = "pick"
    page_title = "学习积分"
    template_name = "learning/admin/ranking.html"
    refusal = "您不是该站点的工作人员或组织员，不能查看学习积分。"

    def allowed(self, user, node) -> bool:
        return may_read_rankings(user, node)

    def query(self):
        get = self.request.GET
        period = chosen_period(get)
        members = member_ranking(within=self.node, start=period["start"], end=period["end"])
        organisations = organisation_ranking(members)
        # one organisation's members, ranked among themselves
        chosen = get.get("organisation", "")
        if chosen:
            members = [row for row in members if row["organisation"] == chosen]
            for rank, row in enumerate(members, 1):
                row["rank"] = rank
        return {"period": period["period"], "year": period["year"], "index": period["index"],
                "members": members, "organisations": organisations,
                "organisation": chosen}  # fmt: skip

    def get(self, request, *args, **kwargs):
        if request.GET.get("export") == "xlsx":
            return workbook(self.query(), self.node)
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(self.query(), periods=PERIODS.items(),
                       querystring=self.request.GET.urlencode(),
                       may_set_rules=may_set_rules(self.request.user, self.node))  # fmt: skip
        return context


class RulesView(NodeScreen):
    header_icon = "cog"
    page_title = "学习积分规则"
    template_name = "learning/admin/rules.html"
    refusal = "学习积分规则由省级站点的站长设置。"

    def allowed(self, user, node) -> bool:
        return may_set_rules(user, node)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        initial = {activity: learning_points(activity) for activity in LEARNING}
        context["form"] = kwargs.get("form") or RulesForm(initial=initial)
        return context

    def post(self, request, *args, **kwargs):
        form = RulesForm(request.POST)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form), status=400)
        for activity in LEARNING:
            PointRule.objects.update_or_create(
                activity=activity, defaults={"points": form.cleaned_data[activity]}
            )
        messages.success(request, "学习积分规则已保存，此后获得的积分按新规则计算。")
        return redirect(reverse("xf_learning_rules"))


def workbook(query, node):
    """Two sheets: members and organisations; text cells never read as formulas."""
    people = [["排名", "姓名", "站点", "党组织", "学习积分", "事项数"]] + [
        [row["rank"], as_text(row["name"]), as_text(row["node__name"]),
         as_text(row["organisation"]), row["points"], row["items"]]
        for row in query["members"]
    ]  # fmt: skip
    groups = [["排名", "站点", "党组织", "获得积分党员数", "积分合计", "人均积分"]] + [
        [row["rank"], as_text(row["node__name"]), as_text(row["organisation"]),
         row["members"], row["points"], row["average"]]
        for row in query["organisations"]
    ]  # fmt: skip
    content = xlsx_bytes([("党员排行", people), ("党组织排行", groups)])
    return xlsx_response(content, f"学习积分-{node.name}-{timezone.localdate():%Y%m%d}.xlsx")
