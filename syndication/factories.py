"""Stories for tests and the demo: a published article at a node, in the ledger."""

from django.db import connection
from django_tenants.utils import schema_context
from wagtail.models import Page

from sites.factories import ArticlePageFactory
from sites.models import ColumnPage

from .stories import story_for_article


def publish_article(node, *, column_title=None, **fields):
    """A live article in one of the node's columns (the first, unless named)."""
    with schema_context(node.tenant.schema_name):
        columns = ColumnPage.objects.child_of(Page.objects.get(pk=node.root_page_id))
        column = columns.get(title=column_title) if column_title else columns.first()
        fields.setdefault("org", node.name)
        article = ArticlePageFactory(parent=column, **fields)
    connection.set_schema_to_public()
    return article


def story_at(node, user=None, **fields):
    """A published article at the node and its ledger entry."""
    article = publish_article(node, **fields)
    with schema_context(node.tenant.schema_name):
        story = story_for_article(article, node, user)
    return story
