"""Leaders' figures: each node's own counts, rolled up the tree on change.

A node's `own` figures are counted in its schema; its `subtree` figures are its own
plus its children's subtrees, kept in the public schema, so a province-wide table
reads one row per node shown and never visits a tenant schema.
"""

from collections import Counter, defaultdict

from django.db import transaction
from django.db.models import Count
from django.db.models.functions import ExtractYear
from django.utils import timezone
from django_tenants.utils import schema_context

from network.models import Node

from .ledger.models import NodeFigures
from .models import Meeting, Member, MemberStatus, Organisation, Recruit
from .models.member import ACTIVE_STATUSES


def _counts(queryset, field) -> dict[str, int]:
    rows = queryset.order_by().values(field).annotate(n=Count("pk"))
    return {str(row[field]): row["n"] for row in rows if row[field] is not None}


def count_own(node: Node) -> dict[str, dict[str, int]]:
    """The node's own figures, counted in its schema."""
    with schema_context(node.tenant.schema_name):
        members = Member.objects.filter(node_code=node.code)
        active = members.filter(status__in=ACTIVE_STATUSES)
        organisations = Organisation.objects.filter(node_code=node.code)
        meetings = Meeting.objects.filter(node_code=node.code)
        quarters = Counter(
            f"{held.year}Q{(held.month - 1) // 3 + 1}"
            for held in meetings.values_list("held_on", flat=True)
        )
        return {
            "status": _counts(members.exclude(status=MemberStatus.TRANSFERRED), "status"),
            "gender": _counts(active, "gender"),
            "education": _counts(active, "education"),
            "ethnicity": _counts(active, "ethnicity"),
            "birth_year": _counts(active.annotate(y=ExtractYear("birth_date")), "y"),
            "join_year": _counts(active.annotate(y=ExtractYear("joined_on")), "y"),
            "organisation_kind": _counts(organisations, "kind"),
            "term_ends_on": _counts(organisations.exclude(term_ends_on=None), "term_ends_on"),
            "recruit_stage": _counts(Recruit.objects.filter(node_code=node.code), "stage"),
            "meeting_quarter": dict(quarters),
        }


def add_figures(total: dict, more: dict) -> dict:
    merged = defaultdict(Counter)
    for figures in (total, more):
        for figure, counts in figures.items():
            merged[figure].update(counts)
    return {figure: dict(counts) for figure, counts in merged.items()}


def _roll(node: Node, own: dict) -> None:
    children = Node.objects.filter(path__startswith=node.path, depth=node.depth + 1)
    subtree = own
    for row in NodeFigures.objects.filter(node__in=children).only("subtree"):
        subtree = add_figures(subtree, row.subtree)
    NodeFigures.objects.filter(node=node).update(
        own=own, subtree=subtree, refreshed_at=timezone.now()
    )


def refresh_figures(node: Node) -> None:
    """Recount the node, then each ancestor's subtree, bottom up.

    Each row is locked before it is rolled: of two refreshes under one parent, the
    later waits for the earlier to commit and so sums both children.
    """
    own = count_own(node)
    chain = [node, *list(node.get_ancestors())[::-1]]
    with transaction.atomic():
        for member in chain:
            NodeFigures.objects.get_or_create(node=member)
        for position, member in enumerate(chain):
            row = NodeFigures.objects.select_for_update().get(node=member)
            _roll(member, own if position == 0 else row.own)
