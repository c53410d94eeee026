"""Issue 17's findings, as a reader meets them: text across blocks, entities, marks
where folding changes lengths, 繁简, ranking every match, 拼音 and 首字母, and words
typed together found apart. Suggestions and hot searches: test_suggest, test_hot."""

from datetime import timedelta

import pytest
from django.db import connection
from django.utils import timezone
from django_tenants.utils import schema_context
from wagtail.rich_text import RichText

from search import dictionary
from search.indexing import index_article, plain_text, text_fields
from search.models import SearchEntry
from search.query import COUNT_CAP, FEW, Search, snippet, title_html
from search.suggest import suggestions
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


def bulk_index(node, documents, start=700_000):
    """Entries straight into the index through the same text pipeline (hundreds of
    Wagtail pages would only slow the test): (title, text, date) each."""
    SearchEntry.objects.bulk_create(
        SearchEntry(
            node=node,
            page_id=start + i,
            level=node.level,
            title=title,
            url_path=f"/t/{i}/",
            text=text,
            date=when,
            dictionary_version=dictionary.version(),
            **text_fields(title, text, node.pk),
        )
        for i, (title, text, when) in enumerate(documents)
    )


def test_relevance_ranks_every_match_and_lists_them_all(net):
    # 4: 210 newer articles mention 党建 in their text; an older one has it in its title
    now = timezone.now()
    bulk_index(
        net.village1,
        [(f"工作动态{i}", "推进党建工作", now - timedelta(days=i)) for i in range(210)]
        + [("党建引领乡村振兴", "正文", now - timedelta(days=400))],
    )
    found = Search(q="党建", node=net.village1).entries()
    assert len(found) == 211
    assert found[0].title == "党建引领乡村振兴"
    assert [entry.title for entry in found[1:4]] == ["工作动态0", "工作动态1", "工作动态2"]
    newest = Search(q="党建", node=net.village1, newest_first=True).entries()
    assert len(newest) == 211 and newest[-1].title == "党建引领乡村振兴"


def test_an_exact_title_comes_before_titles_that_only_hold_the_query(net):
    now = timezone.now()
    bulk_index(
        net.village1,
        [("党建工作会议召开", "", now), ("党建工作", "", now - timedelta(days=30))],
    )
    assert [e.title for e in Search(q="党建 工作", node=net.village1).entries()] == [
        "党建工作", "党建工作会议召开",
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("query", "marked"),
    [
        ("dangjian", "安徽先锋网<mark>党建</mark>网站"),
        ("xianfengwang", "安徽<mark>先锋网</mark>党建网站"),
        ("djwz", "安徽先锋网<mark>党建网站</mark>"),
        ("Dang Jian", "安徽先锋网<mark>党建</mark>网站"),
    ],
)
def test_pinyin_and_initials_find_titles_and_mark_the_characters(net, query, marked):
    # 6: 拼音 and 首字母
    publish(net.village1, "安徽先锋网党建网站", ["<p>正文</p>"])
    publish(net.village1, "乡村振兴", ["<p>dangjian 写在正文里的字母</p>"])
    found = Search(q=query, node=net.village1).entries()
    assert found[0].title == "安徽先锋网党建网站"
    assert title_html(found[0], query) == marked


def test_pinyin_does_not_match_unrelated_titles(net):
    publish(net.village1, "安徽先锋网党建网站", ["<p>正文</p>"])
    publish(net.village1, "乡村振兴战略", ["<p>正文</p>"])
    assert titles("dangjian", net.village1) == {"安徽先锋网党建网站"}
    assert titles("xczx", net.village1) == {"乡村振兴战略"}
    assert titles("wagtail", net.village1) == set()


def test_words_typed_together_also_find_them_apart_below(client, net):
    # 7: 党员学习 as typed finds one; ten more hold 党员 and 学习 apart
    now = timezone.now()
    bulk_index(
        net.village1,
        [("组织党员学习", "", now - timedelta(days=20))]
        + [
            (f"支部动态{i}", f"全体党员参加集中学习{i}", now - timedelta(days=i)) for i in range(10)
        ],
    )
    found = Search(q="党员学习", node=net.village1).entries()
    assert len(found) == 11 and found[0].title == "组织党员学习"
    assert {e.tier for e in found[1:]} == {"words_apart"}
    html = client.get("/search/", {"q": "党员学习"}, HTTP_HOST="village1.localhost").content
    html = html.decode()
    assert "本站找到 1 条结果，另有 10 条包含其中的词" in html
    heading = html.index("以下结果包含“党员学习”中的词，但不连在一起")
    assert html.index("组织") < heading < html.index("支部动态0")


def test_many_matches_leave_words_apart_out(net):
    now = timezone.now()
    bulk_index(
        net.village1,
        [(f"党员学习{i}", "", now) for i in range(FEW)] + [("党员和学习", "", now)],
    )
    assert len(Search(q="党员学习", node=net.village1).entries()) == FEW


def test_a_word_common_in_the_scope_still_ranks_an_old_title_first(net):
    # past COUNT_CAP the tiers are read along the date index: same order, every match
    now = timezone.now()
    bulk_index(
        net.village1,
        [(f"工作动态{i}", "推进党建工作", now - timedelta(hours=i)) for i in range(COUNT_CAP + 10)]
        + [("党建引领乡村振兴", "正文", now - timedelta(days=400))],
    )
    search = Search(q="党建", node=net.village1)
    page, total, _ = search.find(1, 20)
    assert total == COUNT_CAP + 1  # "1000+"
    assert [e.title for e in page.object_list[:3]] == ["党建引领乡村振兴", "工作动态0", "工作动态1"]
    last, _, _ = search.find(51, 20)  # 1,011 results: the last page holds the oldest 11
    assert [e.title for e in last.object_list][-1] == f"工作动态{COUNT_CAP + 9}"
    assert len(last.object_list) == 11 and not last.has_next


def test_common_titles_are_walked_in_order_and_suggested_newest_first(net):
    # more than a page of titles among the newest rows: read along the date index
    now = timezone.now()
    bulk_index(
        net.village1,
        [(f"党建动态{i}", "正文", now - timedelta(hours=i)) for i in range(30)]
        + [(f"工作{i}", "推进党建工作", now - timedelta(minutes=i)) for i in range(COUNT_CAP)]
        + [("党建", "正文", now - timedelta(days=500))],
    )
    search = Search(q="党建", node=net.village1)
    first, total, _ = search.find(1, 20)
    assert total == COUNT_CAP + 1
    titles = [e.title for e in first.object_list]
    assert titles == ["党建"] + [f"党建动态{i}" for i in range(19)]
    second, _, _ = search.find(2, 20)
    assert [e.title for e in second.object_list] == (
        [f"党建动态{i}" for i in range(19, 30)] + [f"工作{i}" for i in range(9)]
    )
    assert suggestions("党建动", net.village1)[:3] == ["党建动态0", "党建动态1", "党建动态2"]
