"""专题 open to a node: the 专题 columns of its ancestors' sites still taking stories.
Read in each ancestor's schema (four at most: province, city, county, township)."""

from dataclasses import dataclass

from django.utils import timezone
from django_tenants.utils import schema_context

from network.models import Node
from sites.lookup import home_path
from sites.models import ColumnKind, ColumnPage
from sites.visibility import public_pages


@dataclass(frozen=True)
class Topic:
    node: Node
    column_id: int
    title: str

    @property
    def key(self) -> str:
        return f"{self.node.pk}:{self.column_id}"

    @property
    def label(self) -> str:
        return f"{self.node.name}：{self.title}"


def open_topics(node: Node) -> list[Topic]:
    """The public 专题 of the node's ancestors whose 征稿 has not ended, nearest first."""
    today = timezone.localdate()
    found = []
    for ancestor in reversed(node.get_ancestors().select_related("tenant")):
        with schema_context(ancestor.tenant.schema_name):
            columns = public_pages(
                ColumnPage.objects.filter(
                    path__startswith=home_path(ancestor), kind=ColumnKind.TOPIC
                )
            ).exclude(submissions_until__lt=today)
            found += [
                Topic(ancestor, pk, title) for pk, title in columns.values_list("pk", "title")
            ]
    return found


def topic_column(submission):
    """The 专题 column a topic submission is for, in the receiving node's site."""
    if not submission.topic_page_id:
        return None
    with schema_context(submission.to_node.tenant.schema_name):
        return ColumnPage.objects.filter(pk=submission.topic_page_id).first()
