"""下载次数: one upsert per document served, read back for the 资料中心 listings."""

from django.db import connection

from .models import DocumentDownloads

PREVIEW = "preview"  # the query flag the PDF preview fetches a file with


def record_download(node_id: int, document_id: int) -> None:
    table = DocumentDownloads._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO public.{table} (node_id, document_id, downloads) VALUES (%s, %s, 1) "
            "ON CONFLICT (node_id, document_id) DO UPDATE "
            f"SET downloads = public.{table}.downloads + 1",
            [node_id, document_id],
        )


def downloads_of(node_id: int, document_ids) -> dict[int, int]:
    rows = DocumentDownloads.objects.filter(node_id=node_id, document_id__in=list(document_ids))
    return dict(rows.values_list("document_id", "downloads"))


def on_document_served(sender, instance, request, **kwargs):
    """Wagtail's document_served signal: a reader's download on a site, counted."""
    node = getattr(request, "node", None)
    if node is None or request.GET.get(PREVIEW):
        return
    record_download(node.pk, instance.pk)
