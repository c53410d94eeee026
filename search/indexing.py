"""Building index entries from articles, and removing them."""

from html import unescape

from django.db import connection
from django.utils.html import strip_tags
from wagtail.rich_text import RichText

from network.models import Node
from sites.lookup import node_of_page
from sites.visibility import is_public

from . import dictionary
from .backend import mirror, unmirror, uses_elasticsearch
from .models import SearchEntry
from .pinyin import title_lexemes
from .text import (
    gram_lexemes,
    quote_lexeme,
    site_lexeme,
    title_key,
    tsvector_literal,
    words_vector,
)

# Body positions start well after the title's, so no phrase spans the two.
_BODY_OFFSET_GAP = 10
MAX_TEXT = 20000  # characters of body kept for snippets and the index


def _text_of_html(html: str) -> str:
    # tags out, then entities decoded (&amp; is "&", not the word "amp")
    return unescape(strip_tags(html))


def plain_text(value) -> str:
    """The readable text of a StreamField value (or any block value), no markup.

    Blocks are joined the way paragraphs inside one rich-text block are (with
    nothing): a reader sees both as paragraphs, so a phrase across two blocks is
    found exactly when one across two paragraphs is.
    """
    if value is None:
        return ""
    if isinstance(value, RichText):
        return _text_of_html(value.source)
    if isinstance(value, str):
        return _text_of_html(value)
    if hasattr(value, "raw_data") and hasattr(value, "__iter__"):  # StreamValue
        return "".join(plain_text(child.value) for child in value)
    if isinstance(value, dict):  # StructValue
        return "".join(plain_text(v) for v in value.values())
    if isinstance(value, list | tuple):
        return "".join(plain_text(v) for v in value)
    if hasattr(value, "bound_blocks"):  # ListValue
        return "".join(plain_text(block.value) for block in value.bound_blocks)
    return ""


def grams_field(title: str, body: str) -> str:
    title_lexemes = gram_lexemes(title)
    offset = (max((p for _, p in title_lexemes), default=0)) + _BODY_OFFSET_GAP
    body_lexemes = [(lexeme, position + offset) for lexeme, position in gram_lexemes(body)]
    # a lexeme in both keeps both position lists (PostgreSQL merges them on input)
    return f"{tsvector_literal(title_lexemes, 'A')} {tsvector_literal(body_lexemes)}".strip()


def title_vector(title: str) -> str:
    """The title's bigrams, 拼音 syllables and 首字母 at the same positions."""
    return tsvector_literal(gram_lexemes(title) + title_lexemes(title))


def text_fields(title: str, text: str, node_id: int) -> dict:
    """The searchable fields of a site's title and text (summary and body)."""
    site = " " + quote_lexeme(site_lexeme(node_id))
    return {
        "title_key": title_key(title),
        "title_vector": title_vector(title) + site,
        "grams": grams_field(title, text) + site,
        "words": words_vector(f"{title}\n{text}") + site,
    }


def entry_fields(article, node: Node) -> dict:
    """Run in the article's schema."""
    column = article.get_parent()
    body = plain_text(article.body)[:MAX_TEXT]
    index_text = "\n".join(filter(None, [article.summary, body]))
    url_parts = article.get_url_parts()
    return {
        "level": node.level,
        "column_page_id": column.pk if column else None,
        "column_title": column.title if column else "",
        "title": article.title,
        "url_path": url_parts[2] if url_parts else "",
        "summary": article.summary,
        "text": body,
        "date": article.date,
        **text_fields(article.title, index_text, node.pk),
        "dictionary_version": dictionary.version(),
    }


def index_article(article, node: Node) -> SearchEntry | None:
    """Add or refresh the entry of one article, or drop it if it is not public."""
    if not is_public(article):
        remove_page(node, article.pk)
        return None
    fields = entry_fields(article, node)
    entry, _ = SearchEntry.objects.update_or_create(node=node, page_id=article.pk, defaults=fields)
    mirror([entry])
    return entry


def index_articles(articles) -> int:
    """Index articles of the current schema (any sites); how many are in the index after."""
    indexed, nodes = 0, {}
    for article in articles:
        site_path = article.path[: 2 * article.steplen]  # every home page sits under the root
        if site_path not in nodes:
            nodes[site_path] = node_of_page(article)
        indexed += index_article(article, nodes[site_path]) is not None
    return indexed


def remove_page(node: Node, page_id: int) -> int:
    return _remove(SearchEntry.objects.filter(node=node, page_id=page_id))


def entries_here():
    """The entries of the current schema's sites (page ids repeat across schemas)."""
    return SearchEntry.objects.filter(node__tenant__schema_name=connection.schema_name)


def remove_pages_here(page_ids) -> int:
    """Remove by page ids within the current schema."""
    if not page_ids:
        return 0
    return _remove(entries_here().filter(page_id__in=page_ids))


def _remove(entries) -> int:
    # only Elasticsearch needs to know which entries went; PostgreSQL just deletes
    if uses_elasticsearch():
        for node_code, page_id in entries.values_list("node__code", "page_id"):
            unmirror(node_code, page_id)
    deleted, _ = entries.delete()
    return deleted


def hide_from_network(node: Node, page_id: int) -> int:
    """A revoked story (撤稿) leaves network-wide results; its own site keeps its page."""
    entries = SearchEntry.objects.filter(node=node, page_id=page_id)
    hidden = entries.update(network_visible=False)
    mirror(list(entries.select_related("node")))
    return hidden
