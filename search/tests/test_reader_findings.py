"""Issue 17's findings, as a reader meets them: text across blocks, entities, marks
where folding changes lengths, and 繁简."""

import pytest
from django.db import connection
from django_tenants.utils import schema_context
from wagtail.rich_text import RichText

from search.indexing import index_article, plain_text
from search.models import SearchEntry
from search.query import Search, snippet, title_html
from search.text import highlight, normalise
from sites.factories import ArticlePageFactory, node_column

pytestmark = pytest.mark.django_db


def publish(node, title, blocks):
    with schema_context(node.tenant.schema_name):
        article = ArticlePageFactory(
            parent=node_column(node, "通知公告"), title=title, summary="",
            body=[("paragraph", RichText(html)) for html in blocks],
        )  # fmt: skip
        index_article(article, node)
    connection.set_schema_to_public()
    return article


def titles(q, node):
    return {entry.title for entry in Search(q=q, node=node).entries()}


def test_a_phrase_across_two_blocks_is_found_as_across_two_paragraphs(net):
    publish(net.village1, "两段", ["<p>全面推进基层</p><p>党建工作</p>"])
    publish(net.village1, "两块", ["<p>全面推进基层</p>", "<p>党建工作</p>"])
    assert titles("基层党建", net.village1) == {"两段", "两块"}


def test_entities_are_text_not_words(net):
    publish(net.village1, "符号", ["<p>A&amp;B、&lt;c&gt;与党建</p>"])
    entry = SearchEntry.objects.get(title="符号")
    assert entry.text == "A&B、<c>与党建"
    assert titles("amp", net.village1) == set() and titles("lt", net.village1) == set()
    assert "A&amp;B、&lt;c&gt;与<mark>党建</mark>" in snippet(entry, "党建")
    assert plain_text(RichText("<p>&quot;两学一做&quot;</p>")) == '"两学一做"'


@pytest.mark.parametrize(
    ("text", "query", "marked"),
    [
        ("学习……党建工作", "党建", "学习……<mark>党建</mark>工作"),
        ("气温25℃，党建活动照常", "党建", "气温25℃，<mark>党建</mark>活动照常"),
        ("㈠党建引领", "党建", "㈠<mark>党建</mark>引领"),
        ("½ 党建", "党建", "½ <mark>党建</mark>"),
        ("ＡＢＣ党建", "abc", "<mark>ＡＢＣ</mark>党建"),
    ],
)
def test_marks_stay_on_their_words_where_folding_changes_lengths(text, query, marked):
    assert highlight(text, query) == marked


def test_traditional_and_simplified_find_each_other_and_marks_keep_the_original(net):
    publish(net.village1, "黨建引領鄉村振興", ["<p>強化黨組織建設</p>"])
    publish(net.village1, "党建引领乡村振兴", ["<p>强化党组织建设</p>"])
    assert titles("党建", net.village1) == {"黨建引領鄉村振興", "党建引领乡村振兴"}
    assert titles("黨組織", net.village1) == {"黨建引領鄉村振興", "党建引领乡村振兴"}
    entry = SearchEntry.objects.get(title="黨建引領鄉村振興")
    assert title_html(entry, "党建") == "<mark>黨建</mark>引領鄉村振興"
    assert normalise("臺灣發展") == "台湾发展"


def test_a_snippet_starts_near_the_first_hit_after_lengthening_characters(net):
    body = "……" * 200 + "中间党建工作" + "。" * 300
    publish(net.village1, "长文", [f"<p>{body}</p>"])
    piece = snippet(SearchEntry.objects.get(title="长文"), "党建")
    assert "<mark>党建</mark>" in piece and piece.startswith("…")
