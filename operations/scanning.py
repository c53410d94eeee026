"""The timeliness scan: each schema's sites, column by column, in one grouped query.

A full scan reads every schema once; after it, only schemas where a page was
published, unpublished or deleted since (ScanState.changed_at, set by
operations.signals) are read again.
"""

from datetime import timedelta

from django.conf import settings
from django.db import connection, transaction
from django.db.models import Count, F, Max
from django.db.models.functions import Coalesce, Substr, TruncMonth
from django.utils import timezone
from django_tenants.utils import schema_context
from wagtail.models import Page

from network.models import Node, Tenant
from sites.models import ArticlePage, ColumnPage, HomePage

from .models import ColumnActivity, ScanState, SiteMonth

# homes sit under the root, their columns one step below
HOME_DEPTH, COLUMN_DEPTH = 2, 3
# 统计分析 goes back this far (articles per month, per site)
MONTHS_KEPT = 24


def site_schemas() -> list[str]:
    skip = [settings.TENANT_BASE_SCHEMA, "public"]
    return list(Tenant.objects.exclude(schema_name__in=skip).values_list("schema_name", flat=True))


def mark_schema_changed(schema_name: str) -> None:
    """A page changed in this schema: its next incremental scan reads it."""
    ScanState.objects.update_or_create(
        schema_name=schema_name, defaults={"changed_at": timezone.now()}
    )


def scan_schema(schema_name: str) -> int:
    """Rewrite the column activity of every site in the schema; returns the columns."""
    started = timezone.now()
    with schema_context(schema_name):
        homes = dict(HomePage.objects.values_list("path", "node_code"))
        rows = _column_rows(homes)
        months = _month_rows(homes)
    codes = {code for code, *_ in rows}
    nodes = dict(Node.objects.filter(code__in=codes).values_list("code", "pk"))
    with transaction.atomic():
        SiteMonth.objects.filter(node_id__in=nodes.values()).delete()
        SiteMonth.objects.bulk_create(
            SiteMonth(node_id=nodes[code], month=month, articles=count)
            for code, month, count in months
            if code in nodes
        )
        ColumnActivity.objects.filter(node_id__in=nodes.values()).delete()
        ColumnActivity.objects.bulk_create(
            ColumnActivity(
                node_id=nodes[code], column_page_id=pk, column_title=title[:100],
                articles=count, last_published_at=last,
            )
            for code, pk, title, count, last in rows
            if code in nodes
        )  # fmt: skip
        # a change while this scan ran is later than `started`: scanned again next time
        ScanState.objects.update_or_create(
            schema_name=schema_name, defaults={"scanned_at": started}
        )
    return len(rows)


def _column_rows(homes: dict[str, str]) -> list[tuple]:
    """(node code, column id, title, live articles, newest first-published) of every
    top column of the current schema's sites ({home path: node code}), empty ones
    included."""
    step = Page.steplen
    columns = ColumnPage.objects.filter(depth=COLUMN_DEPTH).values_list("path", "pk", "title")
    figures = {
        row["column_path"]: (row["count"], row["last"])
        for row in ArticlePage.objects.live()
        .annotate(column_path=Substr("path", 1, COLUMN_DEPTH * step))
        .values("column_path")
        # imported pages (and factories) were never published through a revision
        .annotate(count=Count("pk"), last=Max(Coalesce("first_published_at", "date")))
        .order_by()
    }
    rows = []
    for path, pk, title in columns:
        code = homes.get(path[: HOME_DEPTH * step])
        if code is not None:
            rows.append((code, pk, title, *figures.get(path, (0, None))))
    return rows


def _month_rows(homes: dict[str, str]) -> list[tuple]:
    """(node code, month, articles first published in it) of the current schema's
    sites ({home path: node code}), over the last MONTHS_KEPT months."""
    step = Page.steplen
    since = (timezone.localdate() - timedelta(days=31 * MONTHS_KEPT)).replace(day=1)
    published = Coalesce("first_published_at", "date")
    rows = (
        ArticlePage.objects.live()
        .annotate(at=published, home_path=Substr("path", 1, HOME_DEPTH * step))
        .filter(at__date__gte=since)
        .annotate(month=TruncMonth("at", tzinfo=timezone.get_current_timezone()))
        .values("home_path", "month")
        .annotate(count=Count("pk"))
        .order_by()
    )
    return [
        (homes[row["home_path"]], row["month"].date(), row["count"])
        for row in rows
        if row["home_path"] in homes
    ]


def scan_all() -> int:
    return sum(scan_schema(schema) for schema in site_schemas())


def scan_changed() -> int:
    """Scan the schemas changed since their last scan, and any never scanned."""
    schemas = site_schemas()
    done = set(
        ScanState.objects.filter(schema_name__in=schemas, scanned_at__isnull=False)
        .exclude(changed_at__gt=F("scanned_at"))
        .values_list("schema_name", flat=True)
    )
    return sum(scan_schema(schema) for schema in schemas if schema not in done)


def current_schema_changed() -> None:
    if connection.schema_name != "public":
        mark_schema_changed(connection.schema_name)
