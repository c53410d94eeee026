"""Where syndication appears in the admin: a menu, article buttons, a publish action."""

from django.contrib import messages
from django.templatetags.static import static
from django.urls import path, reverse
from django.utils.html import format_html
from wagtail import hooks
from wagtail.admin.menu import Menu, SubmenuMenuItem
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.menus.pages import PageMenuItem

from network.roles import user_may_edit_content
from network.screens import NodeMenuItem
from sites.lookup import is_article, node_of_page

from .action_menu import PUBLISH_AND_SUBMIT, PublishAndSubmitMenuItem, arrange_for_grassroots
from .errors import SyndicationError
from .mapping import may_map_columns
from .models import Submission, SubmissionState
from .permissions import may_review_at
from .stories import story_for_article
from .submitting import submit_up
from .views.article import ArticleSyndicationView
from .views.inbox import InboxView, ReviewView
from .views.log import LogView
from .views.mapping import ColumnMappingView
from .views.points import PointsView
from .views.pushing import StoryPushView
from .views.received import ReceiptsView, ReceivedView


@hooks.register("register_admin_urls")
def register_syndication_urls():
    return [
        path("syndication/inbox/", InboxView.as_view(), name="xf_syndication_inbox"),
        path("syndication/inbox/<int:pk>/", ReviewView.as_view(), name="xf_syndication_review"),
        path("syndication/received/", ReceivedView.as_view(), name="xf_syndication_received"),
        path(
            "syndication/stories/<int:story_id>/push/",
            StoryPushView.as_view(),
            name="xf_syndication_push_story",
        ),
        path("syndication/receipts/", ReceiptsView.as_view(), name="xf_syndication_receipts"),
        path("syndication/log/", LogView.as_view(), name="xf_syndication_log"),
        path("syndication/mapping/", ColumnMappingView.as_view(), name="xf_syndication_mapping"),
        path("syndication/points/", PointsView.as_view(), name="xf_syndication_points"),
        path(
            "syndication/article/<int:page_id>/",
            ArticleSyndicationView.as_view(),
            name="xf_syndication_article",
        ),
    ]


class InboxMenuItem(NodeMenuItem):
    def get_context(self, request):
        context = super().get_context(request)
        node = getattr(request, "node", None)
        pending = node.inbox.filter(state=SubmissionState.PENDING).count() if node else 0
        if pending:
            context["label"] = f"{self.label}（{pending}）"
        return context


@hooks.register("register_admin_menu_item")
def register_syndication_menu():
    items = [
        InboxMenuItem(
            "报送审核",
            reverse("xf_syndication_inbox"),
            icon_name="tasks",
            order=100,
            shown_to=may_review_at,
        ),
        *(
            NodeMenuItem(
                label, reverse(url), icon_name=icon, order=order, shown_to=user_may_edit_content
            )
            for label, url, icon, order in (
                ("报送回执", "xf_syndication_receipts", "mail", 200),
                ("收到的稿件", "xf_syndication_received", "download", 300),
                ("积分排行", "xf_syndication_points", "pick", 400),
                ("流转日志", "xf_syndication_log", "history", 500),
            )
        ),
        NodeMenuItem(
            "栏目映射",
            reverse("xf_syndication_mapping"),
            icon_name="list-ul",
            order=600,
            shown_to=may_map_columns,
        ),
    ]
    return SubmenuMenuItem("稿件流转", Menu(items=items), icon_name="resubmit", order=250)


class SyndicationButton(PageMenuItem):
    label = "报送与下发"
    icon_name = "resubmit"

    @property
    def url(self):
        return reverse("xf_syndication_article", args=[self.page.pk])

    def is_shown(self, user):
        return is_article(self.page.specific_class)


@hooks.register("register_page_listing_more_buttons")
def syndication_listing_button(page, user, next_url=None):
    yield SyndicationButton(page=page, priority=45)


@hooks.register("register_page_header_buttons")
def syndication_header_button(page, user, view_name, next_url=None):
    yield SyndicationButton(page=page, priority=62)


@hooks.register("register_page_action_menu_item")
def register_publish_and_submit():
    return PublishAndSubmitMenuItem(order=15)


@hooks.register("construct_page_action_menu")
def arrange_grassroots_buttons(menu_items, request, context):
    arrange_for_grassroots(menu_items, request, context)


@hooks.register("insert_editor_js")
def confirm_surprising_buttons():
    return format_html('<script src="{}"></script>', static("syndication/confirm.js"))


def _submit_after_publish(request, page):
    asked = PUBLISH_AND_SUBMIT in (
        request.POST.get("action-publish"),
        request.POST.get("xf-submit-up"),
    )
    if not asked:
        return
    # An approval publishes through the workflow: the view's copy of the page is stale.
    page.refresh_from_db(fields=["live"])
    if not page.live:
        return
    node = node_of_page(page)
    try:
        story = story_for_article(page.specific, node, request.user)
        submit_up(user=request.user, node=node, story=story)
    except SyndicationError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, f"已报送{node.get_parent().name}，等待审核。")


@hooks.register("after_edit_page")
def submit_after_edit(request, page):
    _submit_after_publish(request, page)


@hooks.register("after_create_page")
def submit_after_create(request, page):
    _submit_after_publish(request, page)


class SyndicationPanel(Component):
    """On the dashboard: what waits for this node's reviewers, and recent decisions."""

    name = "xf_syndication"
    order = 50
    template_name = "syndication/admin/dashboard_panel.html"

    def __init__(self, node, may_review):
        self.node = node
        self.may_review = may_review

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        context["node"] = self.node
        context["pending"] = (
            self.node.inbox.filter(state=SubmissionState.PENDING).count() if self.may_review else 0
        )
        context["may_review"] = self.may_review
        context["recent"] = (
            Submission.objects.filter(story__origin_node=self.node, decided_at__isnull=False)
            .select_related("story", "to_node")
            .order_by("-decided_at")[:5]
        )
        return context


@hooks.register("construct_homepage_panels")
def add_syndication_panel(request, panels):
    node = getattr(request, "node", None)
    if node is not None and user_may_edit_content(request.user, node):
        panels.append(SyndicationPanel(node, may_review_at(request.user, node)))
