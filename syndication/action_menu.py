"""The full editor's buttons for an article, saying exactly what each does.

At a grassroots site (township, village) an article is written to be 报送 up: the
main button publishes and submits, approving an editor's article does too, and the
two that only publish here say so and ask once. Above grassroots Wagtail's own
buttons stay, with 发布并报送上级 beside 发布.
"""

from wagtail.admin.action_menu import ActionMenuItem, PublishMenuItem, WorkflowMenuItem

from network.levels import is_grassroots
from sites.lookup import is_article

# The value a submit button sends (as action-publish or xf-submit-up) to ask that the
# article be submitted to the parent's inbox once it is published.
PUBLISH_AND_SUBMIT = "submit-up"

ONLY_HERE_QUESTION = "只在本站发布，不报送上级？要同时报送，请选“{}”。"


class PublishAndSubmitMenuItem(PublishMenuItem):
    """发布并报送上级: publish, then send the article to the parent's review inbox."""

    label = "发布并报送上级"
    name = "action-publish-submit"
    template_name = "syndication/admin/publish_and_submit.html"
    icon_name = "resubmit"

    def is_shown(self, context):
        return article_at_child_node(context) and super().is_shown(context)


class ApproveAndSubmitMenuItem(WorkflowMenuItem):
    """批准、发布并报送上级: the reviewer's one step for an editor's article."""

    template_name = "syndication/admin/approve_and_submit.html"

    label = "批准、发布并报送上级"

    def __init__(self, order):
        super().__init__("approve", self.label, False, icon_name="resubmit", order=order)


class ApproveOnlyHereMenuItem(WorkflowMenuItem):
    """Wagtail's 批准并发布, saying that it does not 报送, and asking once."""

    template_name = "syndication/admin/approve_only_here.html"

    label = "批准并发布（不报送）"

    def __init__(self, order):
        super().__init__("approve", self.label, False, icon_name="success", order=order)

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        context["question"] = ONLY_HERE_QUESTION.format(ApproveAndSubmitMenuItem.label)
        return context


class PublishOnlyHereMenuItem(PublishMenuItem):
    """Wagtail's 发布, saying that it does not 报送, and asking once."""

    label = "仅在本站发布（不报送）"
    template_name = "syndication/admin/publish_only_here.html"

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        context["question"] = ONLY_HERE_QUESTION.format(PublishAndSubmitMenuItem.label)
        return context


def article_at_child_node(context) -> bool:
    """The editor is open on an article of a site that has a parent to 报送 to."""
    request = context["request"]
    if context["view"] == "create":
        kwargs = request.resolver_match.kwargs if request.resolver_match else {}
        for_article = kwargs.get("content_type_model_name") == "articlepage"
    else:
        for_article = is_article(context["page"].specific_class)
    node = getattr(request, "node", None)
    return for_article and node is not None and not node.is_root()


def grassroots_article(request, context) -> bool:
    node = getattr(request, "node", None)
    return node is not None and is_grassroots(node.level) and article_at_child_node(context)


def arrange_for_grassroots(menu_items: list[ActionMenuItem], request, context) -> None:
    """Replace and reorder in place (the first item becomes the main button)."""
    if not grassroots_article(request, context):
        return
    in_review = any(isinstance(item, WorkflowMenuItem) for item in menu_items)
    main, others = [], []
    for item in menu_items:
        if isinstance(item, WorkflowMenuItem) and item.name == "approve":
            if item.launch_modal:
                continue  # 带评论批准: the same approval, one more button to read
            main.append(ApproveAndSubmitMenuItem(order=item.order))
            others.append(ApproveOnlyHereMenuItem(order=item.order))
        elif isinstance(item, PublishMenuItem) and in_review:
            continue  # publishing over a pending review would cancel it: approve instead
        elif isinstance(item, PublishAndSubmitMenuItem):
            main.append(item)
        elif type(item) is PublishMenuItem:
            others.append(PublishOnlyHereMenuItem(order=item.order))
        else:
            others.append(item)
    menu_items[:] = main + others
