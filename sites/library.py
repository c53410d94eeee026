"""资料中心: a column of kind LIBRARY holds documents, one article per document (title,
summary, source, date, tags, the file as its first attachment); its sub-columns are
the categories (党建实务, 制度汇编, 会议材料, 文献资料 to start with, renamed or added
like any column). Being articles, the items are searched, hidden and syndicated like
any: a province or county item pushed down (下发) is listed in the 资料中心 of every
site it reaches, its file served once, from the origin.

Read side for the column page (which imports this: items are found as pages with an
article row, `articlepage__…`, so this module needs no page model); the categories are
made by library_setup."""

from dataclasses import dataclass

from wagtail.models import Page

from readership.downloads import downloads_of
from syndication.reach import pushes_reaching

from .visibility import is_public_document, public_pages

DEFAULT_CATEGORIES = ["党建实务", "制度汇编", "会议材料", "文献资料"]
PREVIEWABLE = {"pdf"}


@dataclass
class Item:
    article: Page  # the ArticlePage
    document: object | None
    downloads: int


def library_file(article):
    """The item's file: the first attachment an anonymous reader may download."""
    for block in article.body:
        if block.block_type == "attachment" and is_public_document(block.value["document"]):
            return block.value["document"]
    return None


def in_library(page) -> bool:
    return Page.objects.ancestor_of(page).filter(columnpage__kind="library").exists()


def categories(library):
    return public_pages(library.get_children()).in_menu().specific()


def _articles(root):
    return public_pages(Page.objects.descendant_of(root).filter(articlepage__isnull=False))


def items(library, *, category=None, tag="", year=None):
    """Public items of the library (or one category), newest first, filtered."""
    root = library
    if category:
        root = categories(library).filter(slug=category).first() or library
    articles = _articles(root)
    if tag:
        articles = articles.filter(articlepage__tags__name=tag)
    if year:
        articles = articles.filter(articlepage__date__year=year)
    return articles.order_by("-articlepage__date", "-pk").specific()


def rows(articles, node) -> list[Item]:
    """One page of items with their file and its 下载次数 on this site."""
    found = [(article, library_file(article)) for article in articles]
    counts = downloads_of(node.pk, [doc.pk for _, doc in found if doc is not None]) if node else {}
    return [Item(a, doc, counts.get(doc.pk, 0) if doc else 0) for a, doc in found]


def shared_with(node, limit=50):
    """Library items pushed down (下发) from the sites above that reach this one."""
    if node is None:
        return []
    pushes = pushes_reaching(node).filter(story__is_resource=True).order_by("-created_at")
    seen, shared = set(), []
    for push in pushes[: limit * 2]:
        if push.story_id not in seen:
            seen.add(push.story_id)
            shared.append(push)
    return shared[:limit]


def years(library) -> list[int]:
    dates = _articles(library).values_list("articlepage__date", flat=True)
    return sorted({d.year for d in dates if d is not None}, reverse=True)


def tags(library, limit=30) -> list[str]:
    names = _articles(library).filter(articlepage__tags__isnull=False)
    return sorted(set(names.values_list("articlepage__tags__name", flat=True)))[:limit]
