"""发展党员, 组织关系接转 and 批量导入: the officer's flows over several steps."""

from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django_tenants.utils import schema_context

from network.exports import xlsx_response
from network.models import Node

from .. import queries
from ..access import register_nodes
from ..errors import PartyAffairsError
from ..forms import AdvanceForm, ImportForm, RecruitForm, ReturnForm, TransferForm
from ..importing import ImportRefused, start_import
from ..ledger.models import Transfer, TransferState
from ..models import ImportJob, Member, Organisation, Recruit
from ..outbox import run_import_later
from ..recruiting import add_recruit, advance, publish_notice
from ..spreadsheets import REQUIRED, template_bytes
from ..transferring import accept_transfer, request_transfer, return_transfer
from .base import PartyView
from .register import node_url


class RecruitsView(PartyView):
    template_name = "partyaffairs/admin/recruits.html"
    page_title = "发展党员"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        organisations = queries.organisations_of(self.node)
        with self.schema():
            dues = queries.due_next(self.node)
        context.update(
            dues=dues, recruits=queries.recruits_of(self.node), today=timezone.localdate(),
            form=kwargs.get("form") or RecruitForm(organisations=organisations),
            error=kwargs.get("error"),
        )  # fmt: skip
        return context

    def post(self, request, *args, **kwargs):
        if "recruit" in request.POST:
            return self.step(request)
        form = RecruitForm(request.POST, organisations=queries.organisations_of(self.node))
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form))
        data = dict(form.cleaned_data)
        data["organisation"] = form.organisations[data["organisation"]]
        try:
            with self.schema():
                add_recruit(request.user, self.node, **data)
        except PartyAffairsError as error:
            return self.refused(form, error)
        return self.done(
            f"已登记入党申请人{data['name']}。", node_url("xf_party_recruits", self.node)
        )

    def step(self, request):
        """推进 (with a stage and date) or 发布公示 for one recruit."""
        try:
            with self.schema():
                recruit = get_object_or_404(
                    Recruit, uuid=request.POST["recruit"], node_code=self.node.code
                )
                if "notice" in request.POST:
                    publish_notice(request.user, self.node, recruit)
                    message = "公示已在本站“党务公开”栏目发布。"
                else:
                    form = AdvanceForm(request.POST)
                    if not form.is_valid():
                        raise PartyAffairsError("请填写有效的日期。")
                    advance(request.user, self.node, recruit, **form.cleaned_data)
                    message = f"{recruit.name}已确定为“{recruit.get_stage_display()}”。"
        except PartyAffairsError as error:
            return self.render_to_response(self.get_context_data(error=str(error)))
        return self.done(message, node_url("xf_party_recruits", self.node))


class TransferView(PartyView):
    """转出: pick the receiving node by its code, then its organisation."""

    template_name = "partyaffairs/admin/transfer.html"
    page_title = "组织关系转出"

    def member(self):
        with self.schema():
            return get_object_or_404(
                Member.objects.select_related("organisation"),
                uuid=self.kwargs["uuid"], node_code=self.node.code,
            )  # fmt: skip

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        form = kwargs.get("form") or TransferForm(self.request.GET or None)
        context.update(member=kwargs.get("member") or self.member(), form=form, choices=[])
        code = form.data.get("to_code", "").strip() if form.is_bound else ""
        target = Node.objects.select_related("tenant").filter(code=code).first()
        if target is not None:
            with schema_context(target.tenant.schema_name):
                context["choices"] = list(Organisation.objects.filter(node_code=target.code))
            context["target"] = target
        elif code:
            context["unknown_code"] = code
        return context

    def post(self, request, *args, **kwargs):
        form = TransferForm(request.POST)
        member = self.member()
        if not form.is_valid() or not form.cleaned_data["to_organisation"]:
            form.add_error(None, "请先填写转入站点的代码，再选择转入的党组织。")
            return self.render_to_response(self.get_context_data(form=form, member=member))
        data = form.cleaned_data
        target = Node.objects.select_related("tenant").filter(code=data["to_code"]).first()
        try:
            if target is None:
                raise PartyAffairsError("没有这个站点，请核对行政区划代码。")
            with self.schema():
                request_transfer(request.user, self.node, member, target,
                                 data["to_organisation"], reason=data["reason"])  # fmt: skip
        except PartyAffairsError as error:
            form.add_error(None, str(error))
            return self.render_to_response(self.get_context_data(form=form, member=member))
        return self.done(
            f"已向{target.name}发出{member.name}的组织关系转接，等待对方接收。",
            node_url("xf_party_overview", self.node),
        )


class TransfersInboxView(PartyView):
    """Transfers waiting for the nodes the account keeps, to accept or return."""

    template_name = "partyaffairs/admin/transfers.html"
    page_title = "组织关系接收"

    def pending(self):
        nodes = register_nodes(self.request.user).filter(path__startswith=self.node.path)
        return Transfer.objects.filter(
            to_node__in=nodes, state=TransferState.PENDING
        ).select_related("from_node", "to_node")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["transfers"] = list(self.pending())
        context["return_form"] = kwargs.get("return_form") or ReturnForm()
        context["error"] = kwargs.get("error")
        return context

    def post(self, request, *args, **kwargs):
        transfer = get_object_or_404(self.pending(), uuid=request.POST.get("transfer"))
        try:
            if "accept" in request.POST:
                accept_transfer(request.user, transfer)
                message = f"已接收{transfer.member_name}的组织关系。"
            else:
                form = ReturnForm(request.POST)
                return_transfer(request.user, transfer, form.data.get("reply", ""))
                message = f"已退回{transfer.member_name}的组织关系转接。"
        except PartyAffairsError as error:
            return self.render_to_response(self.get_context_data(error=str(error)))
        return self.done(message, reverse("xf_party_transfers", args=[self.node.code]))


class ImportView(PartyView):
    template_name = "partyaffairs/admin/import.html"
    page_title = "批量导入党员"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["form"] = kwargs.get("form") or ImportForm()
        context["problems"] = kwargs.get("problems", [])
        context["required"] = "、".join(REQUIRED)
        with self.schema():
            context["jobs"] = list(
                ImportJob.objects.filter(node_code=self.node.code).defer("content")[:10]
            )
        return context

    def post(self, request, *args, **kwargs):
        form = ImportForm(request.POST, request.FILES)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form))
        upload = form.cleaned_data["file"]
        try:
            with self.schema():
                job = start_import(request.user, self.node, upload.name, upload.read())
        except ImportRefused as refused:
            form.add_error(None, str(refused))
            return self.render_to_response(
                self.get_context_data(form=form, problems=refused.problems)
            )
        except PartyAffairsError as error:
            return self.refused(form, error)
        run_import_later(self.node, job)
        return self.done(
            f"文件已通过检查，共{job.rows_total}人，正在导入；完成后本页显示结果。",
            node_url("xf_party_import", self.node),
        )


class TemplateDownloadView(PartyView):
    def get(self, request, *args, **kwargs):
        return xlsx_response(template_bytes(), "党员信息导入模板.xlsx")


class IndexView(PartyView):
    """/admin/party/ (the 党务管理 menu): the register of the host's node for those
    who keep it, its figures for a 领导查询."""

    needs = "figures"

    def get(self, request, *args, **kwargs):
        name = "xf_party_overview" if self.may_keep else "xf_party_figures"
        return redirect(reverse(name, args=[self.node.code]))
