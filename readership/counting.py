"""Counting views: one cheap insert per view, folded into totals in the background."""

import re

from django.conf import settings
from django.db import connection

from network.models import Node

from .models import PageHit, PageViews, SiteDailyViews

# Crawlers are not readers.
BOT = re.compile(r"bot|spider|crawl|slurp|curl|wget|python-requests|headless", re.I)


def is_reader(user_agent: str) -> bool:
    return bool(user_agent) and not BOT.search(user_agent)


def record_view(node_id: int, page_id: int) -> None:
    """Append one hit. Called after the response is sent, in autocommit: never inside
    the request's transaction and never holding a row lock that readers contend for."""
    table = PageHit._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO public.{table} (node_id, page_id, viewed_at, views) "
            "VALUES (%s, %s, now(), 1)",
            [node_id, page_id],
        )


FOLD_HITS = """
WITH moved AS (
    DELETE FROM public.{hits} RETURNING node_id, page_id, viewed_at, views
), pages AS (
    INSERT INTO public.{pages} (node_id, page_id, views)
    SELECT node_id, page_id, sum(views) FROM moved WHERE node_id IN (SELECT id FROM public.{nodes})
    GROUP BY node_id, page_id
    ON CONFLICT (node_id, page_id) DO UPDATE SET views = {pages}.views + EXCLUDED.views
    RETURNING 1
), days AS (
    INSERT INTO public.{days} (node_id, day, views)
    SELECT node_id, (viewed_at AT TIME ZONE %s)::date, sum(views) FROM moved
    WHERE node_id IN (SELECT id FROM public.{nodes})
    GROUP BY 1, 2
    ON CONFLICT (node_id, day) DO UPDATE SET views = {days}.views + EXCLUDED.views
    RETURNING 1
)
SELECT (SELECT coalesce(sum(views), 0) FROM moved),
       (SELECT count(*) FROM pages), (SELECT count(*) FROM days)
"""


def fold_hits() -> int:
    """Move every waiting hit into the totals in one statement (atomic: a hit is
    counted once, whether or not another fold runs at the same time). Returns the
    number of hits folded. Hits of nodes removed meanwhile are dropped."""
    sql = FOLD_HITS.format(
        hits=PageHit._meta.db_table,
        pages=PageViews._meta.db_table,
        days=SiteDailyViews._meta.db_table,
        nodes=Node._meta.db_table,
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [settings.TIME_ZONE])
        folded, _, _ = cursor.fetchone()
    return folded


def views_of(node_id: int, page_id: int) -> int:
    row = PageViews.objects.filter(node_id=node_id, page_id=page_id).values("views").first()
    return row["views"] if row else 0
