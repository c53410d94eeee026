"""党组织 and 党员: the node's overview, the member list, records and their forms."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from wagtail.images import get_image_model
from wagtail.images.fields import WagtailImageField

from network.exports import xlsx_response

from .. import queries
from ..access import audit
from ..accounts import give_account
from ..errors import PartyAffairsError
from ..forms import (
    AccountForm,
    AppraisalForm,
    CommendationForm,
    LeadershipForm,
    MeetingForm,
    MemberForm,
    OrganisationForm,
)
from ..ledger.models import AuditAction
from ..models import Member
from ..models.member import ACTIVE_STATUSES, MemberStatus
from ..registering import (
    add_commendation,
    add_organisation,
    change_member,
    record_appraisal,
    record_meeting,
    register_member,
    renew_term,
    set_leadership,
)  # fmt: skip
from ..spreadsheets import COLUMNS, workbook_bytes
from .base import FormScreen, PartyView


def node_url(name, node, *args):
    return reverse(name, args=[node.code, *args])


class OverviewView(PartyView):
    template_name = "partyaffairs/admin/overview.html"
    page_title = "党务管理"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["overview"] = queries.overview(self.node)
        context["today"] = timezone.localdate()
        return context


class MembersView(PartyView):
    template_name = "partyaffairs/admin/members.html"
    page_title = "党员名册"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        query = self.request.GET.get("q", "").strip()
        status = self.request.GET.get("status", "active")
        try:
            page = max(1, int(self.request.GET.get("page", 1)))
        except ValueError:
            page = 1
        members, total = queries.member_list(self.node, query=query, status=status, page=page)
        context.update(
            members=members, total=total, query=query, status=status, page=page,
            statuses=[("active", "在册"), *MemberStatus.choices],
            next_page=page + 1 if page * queries.PAGE_SIZE < total else None,
        )  # fmt: skip
        return context


class MemberFormView(FormScreen):
    """Add a member, or (with a uuid) change one."""

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.member_uuid = kwargs.get("uuid")
        self.page_title = "修改党员信息" if self.member_uuid else "登记党员"

    def member(self):
        with self.schema():
            return get_object_or_404(Member, uuid=self.member_uuid, node_code=self.node.code)

    def get_form(self):
        organisations = queries.organisations_of(self.node)
        if self.request.method == "POST":
            return MemberForm(self.request.POST, organisations=organisations)
        initial = {}
        if self.member_uuid:
            member = self.member()
            initial = {f: getattr(member, f) for f in ("name", "gender", "birth_date", "ethnicity",
                       "education", "joined_on", "full_member_on", "status", "phone")}  # fmt: skip
            initial["organisation"] = member.organisation_id
        return MemberForm(initial=initial, organisations=organisations)

    def save(self, form):
        user = self.request.user
        if self.member_uuid:
            member = self.member()
            change_member(user, self.node, member, form.member_data())
        else:
            member = register_member(user, self.node, form.member_data())
        return f"已保存{member.name}的信息。", node_url("xf_party_member", self.node, member.uuid)


class MemberView(PartyView):
    """A member's record: personal fields, history, meetings, rewards; the read is
    audited."""

    template_name = "partyaffairs/admin/member.html"
    page_title = "党员档案"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        record = queries.member_record(self.request.user, self.node, kwargs["uuid"])
        if record is None:
            raise Http404("没有这名党员。")
        context.update(
            record=record, commendation_form=kwargs.get("commendation_form") or CommendationForm(),
            appraisal_form=kwargs.get("appraisal_form") or AppraisalForm(),
            account_form=kwargs.get("account_form") or AccountForm(),
            active=record.member.status in ACTIVE_STATUSES,
        )  # fmt: skip
        return context

    def post(self, request, *args, **kwargs):
        forms = {
            "commendation": CommendationForm, "appraisal": AppraisalForm, "account": AccountForm,
        }  # fmt: skip
        action = request.POST.get("action")
        if action not in forms:
            raise Http404
        form = forms[action](request.POST)
        if form.is_valid():
            try:
                with self.schema():
                    member = get_object_or_404(
                        Member, uuid=kwargs["uuid"], node_code=self.node.code
                    )
                    self.act(action, member, form.cleaned_data)
            except PartyAffairsError as error:
                form.add_error(None, str(error))
            else:
                return self.done("已保存。", node_url("xf_party_member", self.node, kwargs["uuid"]))
        return self.render_to_response(self.get_context_data(**kwargs, **{f"{action}_form": form}))

    def act(self, action, member, data):
        user = self.request.user
        if action == "commendation":
            add_commendation(user, self.node, member, **data)
        elif action == "appraisal":
            record_appraisal(user, self.node, member, **data)
        else:
            give_account(user, self.node, member, **data)


class OrganisationsView(PartyView):
    template_name = "partyaffairs/admin/organisations.html"
    page_title = "党组织"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        organisations = queries.organisations_of(self.node)
        context.update(
            organisations=organisations, today=timezone.localdate(),
            form=kwargs.get("form") or OrganisationForm(organisations=organisations),
        )  # fmt: skip
        return context

    def post(self, request, *args, **kwargs):
        organisations = queries.organisations_of(self.node)
        if "renew" in request.POST:
            return self.renew(request, organisations)
        form = OrganisationForm(request.POST, organisations=organisations)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form))
        data = dict(form.cleaned_data)
        data["parent"] = form.organisations.get(data["parent"])
        try:
            with self.schema():
                add_organisation(request.user, self.node, **data)
        except PartyAffairsError as error:
            return self.refused(form, error)
        return self.done(f"已建立{data['name']}。", node_url("xf_party_organisations", self.node))

    def renew(self, request, organisations):
        by_pk = {o.pk: o for o in organisations}
        try:
            organisation = by_pk[int(request.POST["renew"])]
        except (KeyError, ValueError):
            raise Http404 from None
        with self.schema():
            renew_term(request.user, self.node, organisation, timezone.localdate())
        return self.done(
            f"{organisation.name}已换届。", node_url("xf_party_organisations", self.node)
        )


class MeetingFormView(FormScreen):
    """Record a meeting with its attendees and photos: a village officer's everyday
    task, on a phone."""

    page_title = "记录会议"
    multipart = True

    def get_form(self):
        organisations = queries.organisations_of(self.node)
        members = queries.active_members_of(self.node)
        if self.request.method == "POST":
            return MeetingForm(self.request.POST, self.request.FILES,
                               organisations=organisations, members=members)  # fmt: skip
        initial = {"held_on": timezone.localdate()}
        return MeetingForm(initial=initial, organisations=organisations, members=members)

    def save(self, form):
        data = form.cleaned_data
        with transaction.atomic():  # photos and record together, or neither
            images = self.save_photos(data["photos"], data["topic"])
            record_meeting(
                self.request.user, self.node,
                organisation=form.organisations[data["organisation"]], kind=data["kind"],
                held_on=data["held_on"], topic=data["topic"], minutes=data["minutes"],
                attendees=[form.members[pk] for pk in data["attendees"]], images=images,
            )  # fmt: skip
        return "会议已记录。", node_url("xf_party_meetings", self.node)

    def save_photos(self, uploads, topic):
        checker = WagtailImageField()
        images = []
        for upload in uploads:
            try:
                checker.clean(upload)
            except ValidationError:
                raise PartyAffairsError(f"“{upload.name}”不是可用的照片。") from None
            images.append(get_image_model().objects.create(
                title=f"会议照片：{topic}", file=upload, collection_id=self.node.collection_id,
                uploaded_by_user=self.request.user,
            ))  # fmt: skip
        return images


class OrganisationView(FormScreen):
    """书记 and 委员 of one organisation."""

    page_title = "党组织书记和委员"

    def get_form(self):
        organisation, members, committee = queries.organisation_with_members(
            self.node, self.kwargs["uuid"]
        )
        if organisation is None:
            raise Http404("没有这个党组织。")
        self.organisation = organisation
        if self.request.method == "POST":
            return LeadershipForm(self.request.POST, members=members)
        initial = {"secretary": organisation.secretary_id, "committee": committee}
        return LeadershipForm(initial=initial, members=members)

    def get_page_subtitle(self):
        return self.organisation.name

    def save(self, form):
        data = form.cleaned_data
        set_leadership(
            self.request.user, self.node, self.organisation,
            secretary=form.members.get(data["secretary"]),
            committee=[form.members[pk] for pk in data["committee"]],
        )  # fmt: skip
        message = f"已更新{self.organisation.name}的书记和委员。"
        return message, node_url("xf_party_organisations", self.node)


class MeetingsView(PartyView):
    template_name = "partyaffairs/admin/meetings.html"
    page_title = "会议记录"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["meetings"] = queries.meetings_of(self.node)
        return context


class MeetingView(PartyView):
    template_name = "partyaffairs/admin/meeting.html"
    page_title = "会议记录"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["record"] = queries.meeting_record(self.node, kwargs["pk"])
        if context["record"] is None:
            raise Http404("没有这次会议。")
        return context


class ExportView(PartyView):
    def get(self, request, *args, **kwargs):
        rows = queries.export_rows(self.node)
        audit(request.user, self.node, AuditAction.EXPORT, None, f"导出党员名册{len(rows)}人")
        content = workbook_bytes("党员名册", list(COLUMNS), rows)
        return xlsx_response(
            content, f"{self.node.code}-党员名册-{timezone.localdate():%Y%m%d}.xlsx"
        )


class AuditView(PartyView):
    template_name = "partyaffairs/admin/audit.html"
    page_title = "党员信息操作记录"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["entries"] = queries.audit_trail(self.node)
        return context
