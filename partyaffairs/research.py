"""理论研究: a party member sends a research article from 个人中心 to a 理论研究 column
of their own site; it waits as a draft in the site's review workflow (the node's
reviewers approve and publish it, or send it back) — the members never publish."""

from django.db import transaction
from django.utils import timezone
from django.utils.html import escape, strip_tags
from django_tenants.utils import schema_context
from wagtail.models import Page
from wagtail.rich_text import RichText

from sensitivewords.checking import check_text, refusal
from sites.models import ArticlePage, ColumnPage
from sites.models.column import ColumnKind

from .errors import PartyAffairsError

MAX_TEXT = 20000


def research_columns(node) -> list[ColumnPage]:
    """The 理论研究 columns of the node's own site (in its schema)."""
    with schema_context(node.tenant.schema_name):
        home = Page.objects.only("path").get(pk=node.root_page_id)
        below = ColumnPage.objects.filter(kind=ColumnKind.RESEARCH, path__startswith=home.path)
        return list(below)


def submit_research(account, title: str, text: str, column_id=None) -> ArticlePage:
    """The member's article, a draft sent for review in their site's workflow."""
    node = account.node
    title, text = strip_tags(title or "").strip(), strip_tags(text or "").strip()
    if not title or not text:
        raise PartyAffairsError("请填写标题和正文。")
    if len(title) > 100 or len(text) > MAX_TEXT:
        raise PartyAffairsError(f"标题不超过100字，正文不超过{MAX_TEXT}字。")
    if (sentence := refusal(check_text(title, text))) is not None:
        raise PartyAffairsError(sentence)
    columns = {column.pk: column for column in research_columns(node)}
    if not columns:
        raise PartyAffairsError("本站还没有开设“理论研究”栏目，请联系站长。")
    column = columns.get(int(column_id)) if str(column_id or "").isdigit() else None
    column = column or next(iter(columns.values()))
    user = account.user
    paragraphs = [line.strip() for line in text.splitlines() if line.strip()]
    with transaction.atomic(), schema_context(node.tenant.schema_name):
        article = ArticlePage(
            title=title, date=timezone.now(), source=node.name,
            author=user.get_full_name() or user.get_username(), owner=user, live=False,
            body=[("paragraph", RichText(f"<p>{escape(p)}</p>")) for p in paragraphs],
        )  # fmt: skip
        column.add_child(instance=article)
        article.save_revision(user=user, log_action=True)
        workflow = article.get_workflow()
        if workflow is None:
            raise PartyAffairsError("本站没有设置审核流程，请联系站长。")
        workflow.start(article, user)
    return article


def my_research(account) -> list[tuple[str, str, object]]:
    """(title, state, date) of the member's own research articles, newest first."""
    node = account.node
    with schema_context(node.tenant.schema_name):
        articles = ArticlePage.objects.filter(owner=account.user).order_by("-pk")
        rows = []
        for article in articles[:50]:
            state = article.current_workflow_state
            if article.live:
                label = "已发布"
            elif state is not None and state.status == "in_progress":
                label = "审核中"
            else:
                label = "未通过（已退回）"
            rows.append((article.title, label, article.latest_revision_created_at))
    return rows
