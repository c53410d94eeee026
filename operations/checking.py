"""Broken internal links and missing media in a site's articles, found in the
background. Bounded: the newest MAX_ARTICLES live articles of each site per run.
Internal only: links to pages and documents of this install and files under /media/;
no request leaves the server (outside links are not followed)."""

import re

from django.core.files.storage import default_storage
from django.db import transaction
from django_tenants.utils import schema_context
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page

from network.models import Node
from sites.models import ArticlePage, HomePage

from .models import ProblemKind, SiteProblem

MAX_ARTICLES = 200
KINDS = ("page", "document", "image", "media")
LABELS = {
    "page": "链接的页面 #{}（已删除或未发布）",
    "document": "链接的文件 #{}（已删除或文件丢失）",
    "image": "图片 #{}（已删除或文件丢失）",
    "media": "/media/{}（文件不存在）",
}
_RICH_LINK = re.compile(r'<a\b[^>]*\blinktype="(page|document)"[^>]*>')
_RICH_IMAGE = re.compile(r'<embed\b[^>]*\bembedtype="image"[^>]*>')
_ID = re.compile(r'\bid="(\d+)"')
_MEDIA_HREF = re.compile(r'(?:href|src)="/media/([^"?#]+)"')


def references(value, found=None) -> dict[str, set]:
    """{'page'|'document'|'image'|'media': ids or paths} named anywhere in a body's raw
    data: rich-text links and embeds, image and file choosers, /media/ addresses."""
    found = found if found is not None else {kind: set() for kind in KINDS}
    if isinstance(value, dict):
        for key, item in value.items():
            if key == "image" and isinstance(item, int):
                found["image"].add(item)
            elif key in ("file", "document") and isinstance(item, int):
                found["document"].add(item)
            else:
                references(item, found)
    elif isinstance(value, list):
        for item in value:
            references(item, found)
    elif isinstance(value, str):
        for tag in _RICH_LINK.finditer(value):
            number = _ID.search(tag.group(0))
            if number:
                found[tag.group(1)].add(int(number.group(1)))
        for tag in _RICH_IMAGE.finditer(value):
            number = _ID.search(tag.group(0))
            if number:
                found["image"].add(int(number.group(1)))
        found["media"].update(_MEDIA_HREF.findall(value))
    return found


def check_schema(schema_name: str) -> int:
    """Replace the problems found in the schema's sites; returns how many."""
    with schema_context(schema_name):
        homes = list(HomePage.objects.all())
        found = [problem for home in homes for problem in _check_site(home)]
    codes = {home.node_code for home in homes}
    nodes = dict(Node.objects.filter(code__in=codes).values_list("code", "pk"))
    with transaction.atomic():
        SiteProblem.objects.filter(node_id__in=nodes.values()).delete()
        SiteProblem.objects.bulk_create(
            SiteProblem(node_id=nodes[code], kind=kind, page_id=pk, page_title=title[:255],
                        target=target[:500])
            for code, kind, pk, title, target in found
            if code in nodes
        )  # fmt: skip
    return len(found)


def _check_site(home) -> list[tuple]:
    """(node code, kind, article id, article title, what is missing) of one site."""
    articles = (
        ArticlePage.objects.live()
        .descendant_of(home)
        .order_by("-first_published_at")
        .only("pk", "title", "body")[:MAX_ARTICLES]
    )
    named = [(article, references(list(article.body.raw_data))) for article in articles]
    wanted = {kind: set() for kind in KINDS}
    for _, refs in named:
        for kind in KINDS:
            wanted[kind] |= refs[kind]
    present = {
        "page": set(
            Page.objects.filter(pk__in=wanted["page"], live=True).values_list("pk", flat=True)
        ),
        "document": _files_present(get_document_model(), wanted["document"]),
        "image": _files_present(get_image_model(), wanted["image"]),
        "media": {path for path in wanted["media"] if default_storage.exists(path)},
    }
    problems = []
    for article, refs in named:
        for kind in KINDS:
            for missing in sorted(refs[kind] - present[kind], key=str):
                problem = ProblemKind.BROKEN_LINK if kind == "page" else ProblemKind.MISSING_FILE
                what = LABELS[kind].format(missing)
                problems.append((home.node_code, problem, article.pk, article.title, what))
    return problems


def _files_present(model, ids) -> set[int]:
    """Ids of the documents or images that exist and whose file is in storage."""
    return {
        pk
        for pk, name in model.objects.filter(pk__in=ids).values_list("pk", "file")
        if name and default_storage.exists(name)
    }
