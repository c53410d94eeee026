"""Counting what readers search for (热门搜索): one row per site, day and query.

Only the normalised query is kept: no address, session or account. Queries that look
personal (long digit runs such as an identity or phone number, an e-mail address)
are not counted at all, and search.hot lists a query only once several searches
made it.
"""

import re

from django.db import connection
from django.utils import timezone

from .text import normalise

MAX_QUERY = 30
_PERSONAL = re.compile(r"\d{6,}|@")


def countable(query: str) -> str | None:
    """The query as counted, or None when it is not to be counted."""
    folded = " ".join(normalise(query).split())
    if not folded or len(folded) > MAX_QUERY or _PERSONAL.search(folded):
        return None
    return folded


def record_search(node, query: str) -> None:
    """One more search for `query` on the node's site today (a single upsert)."""
    counted = countable(query)
    if node is None or counted is None:
        return
    with connection.cursor() as cursor:
        cursor.execute(
            """
            INSERT INTO public.xfsearch_querycount (node_id, day, query, count)
            VALUES (%s, %s, %s, 1)
            ON CONFLICT (node_id, day, query)
            DO UPDATE SET count = xfsearch_querycount.count + 1
            """,
            [node.pk, timezone.localdate(), counted],
        )
