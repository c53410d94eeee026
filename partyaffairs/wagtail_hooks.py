from django.urls import include, path, reverse
from wagtail import hooks
from wagtail.admin.ui.components import Component

from network.screens import NodeMenuItem

from . import queries
from .access import may_keep_register, may_see_figures
from .views.figures import FiguresExportView, FiguresView
from .views.pipeline import (
    ImportView,
    IndexView,
    RecruitsView,
    TemplateDownloadView,
    TransfersInboxView,
    TransferView,
)  # fmt: skip
from .views.register import (
    AuditView,
    ExportView,
    MeetingFormView,
    MeetingsView,
    MeetingView,
    MemberFormView,
    MembersView,
    MemberView,
    OrganisationsView,
    OrganisationView,
    OverviewView,
)  # fmt: skip

node_urls = [
    path("", OverviewView.as_view(), name="xf_party_overview"),
    path("members/", MembersView.as_view(), name="xf_party_members"),
    path("members/add/", MemberFormView.as_view(), name="xf_party_member_add"),
    path("members/export/", ExportView.as_view(), name="xf_party_export"),
    path("members/<uuid:uuid>/", MemberView.as_view(), name="xf_party_member"),
    path("members/<uuid:uuid>/edit/", MemberFormView.as_view(), name="xf_party_member_edit"),
    path("members/<uuid:uuid>/transfer/", TransferView.as_view(), name="xf_party_transfer"),
    path("organisations/", OrganisationsView.as_view(), name="xf_party_organisations"),
    path("organisations/<uuid:uuid>/", OrganisationView.as_view(), name="xf_party_organisation"),
    path("meetings/", MeetingsView.as_view(), name="xf_party_meetings"),
    path("meetings/add/", MeetingFormView.as_view(), name="xf_party_meeting_add"),
    path("meetings/<int:pk>/", MeetingView.as_view(), name="xf_party_meeting"),
    path("recruits/", RecruitsView.as_view(), name="xf_party_recruits"),
    path("transfers/", TransfersInboxView.as_view(), name="xf_party_transfers"),
    path("import/", ImportView.as_view(), name="xf_party_import"),
    path("import/template/", TemplateDownloadView.as_view(), name="xf_party_import_template"),
    path("figures/", FiguresView.as_view(), name="xf_party_figures"),
    path("figures/export/", FiguresExportView.as_view(), name="xf_party_figures_export"),
    path("audit/", AuditView.as_view(), name="xf_party_audit"),
]


@hooks.register("register_admin_urls")
def register_party_urls():
    return [
        path("party/", IndexView.as_view(), name="xf_party"),
        path("party/<slug:code>/", include(node_urls)),
    ]


@hooks.register("register_admin_menu_item")
def register_party_menu():
    return NodeMenuItem(
        "党务管理", reverse("xf_party"), icon_name="group", order=250, shown_to=may_see_figures
    )


class PartyRemindersPanel(Component):
    """On the dashboard of those who keep the node's register: what is due."""

    name = "xf_party_reminders"
    order = 50
    template_name = "partyaffairs/admin/dashboard_panel.html"

    def __init__(self, node, notes):
        self.node, self.notes = node, notes

    def get_context_data(self, parent_context=None):
        notes = [(text, reverse(name, args=[self.node.code])) for text, name in self.notes]
        return {"notes": notes}


@hooks.register("construct_homepage_panels")
def add_party_reminders(request, panels):
    node = getattr(request, "node", None)
    if node is not None and may_keep_register(request.user, node):
        notes = queries.reminders(node)
        if notes:
            panels.append(PartyRemindersPanel(node, notes))
