"""The labelled query set against the real index, and what each scope may show."""

from io import StringIO

import pytest
from django.db import connection
from django_tenants.utils import schema_context
from wagtail.models import PageViewRestriction
from wagtail.rich_text import RichText

from search import labelled
from search.indexing import index_article
from search.models import SearchEntry
from search.query import Search
from sites.factories import ArticlePageFactory, node_column
from sites.models import ArticlePage

pytestmark = pytest.mark.django_db


def publish(node, title, body, column="通知公告", **fields):
    with schema_context(node.tenant.schema_name):
        article = ArticlePageFactory(
            parent=node_column(node, column), title=title, summary="",
            body=[("paragraph", RichText(f"<p>{body}</p>"))], **fields,
        )  # fmt: skip
        index_article(article, node)
    connection.set_schema_to_public()
    return article


@pytest.fixture
def corpus(net):
    """The labelled documents spread over four sites of two counties."""
    sites = [net.village1, net.county1, net.town2, net.province]
    pages = {}
    for i, (title, body) in enumerate(labelled.DOCUMENTS):
        node = sites[i % len(sites)]
        article = publish(node, title, body)
        pages[(node.pk, article.pk)] = labelled.haystack(title, "", body)
    return pages


def test_the_labelled_queries_find_exactly_the_documents_that_contain_them(corpus):
    assert len(labelled.QUERIES) >= 40
    misses, extras, found = {}, {}, 0
    for query in labelled.QUERIES:
        truth = {key for key, text in corpus.items() if labelled.answers(query, text)}
        got = {(e.node_id, e.page_id) for e in Search(q=query).entries()}
        if truth - got:
            misses[query] = len(truth - got)
        if got - truth:
            extras[query] = len(got - truth)
        found += len(truth)
    assert found > len(labelled.QUERIES)  # the set is not trivially empty
    assert misses == {}, f"recall below 1.0 for {misses}"
    assert extras == {}, f"precision below 1.0 for {extras}"


def test_whole_terms_rank_titles_above_bodies(net):
    publish(net.village1, "村里的普通消息", "今天召开了党建工作会议。")
    publish(net.village1, "党建工作会议召开", "会议内容。")
    titles = [e.title for e in Search(q="党建工作", node=net.village1).entries()]
    assert titles == ["党建工作会议召开", "村里的普通消息"]


def test_a_site_search_shows_only_that_sites_public_pages(net):
    publish(net.village1, "甲村公开稿件", "支部活动")
    publish(net.village2, "乙村公开稿件", "支部活动")
    private = publish(net.village1, "甲村内部稿件", "支部活动")
    with schema_context(net.village1.tenant.schema_name):
        PageViewRestriction.objects.create(page=private, restriction_type="login")
        index_article(private, net.village1)  # a restricted page leaves the index
        draft = ArticlePageFactory(parent=node_column(net.village1, "通知公告"),
                                   title="甲村草稿支部", live=False)  # fmt: skip
        index_article(draft, net.village1)
    connection.set_schema_to_public()
    assert [e.title for e in Search(q="支部", node=net.village1).entries()] == ["甲村公开稿件"]
    network = {e.title for e in Search(q="支部").entries()}
    assert network == {"甲村公开稿件", "乙村公开稿件"}


def test_unpublishing_removes_at_once(net):
    article = publish(net.county2, "将要撤下的稿件", "党建")
    assert SearchEntry.objects.filter(title="将要撤下的稿件").exists()
    with schema_context(net.county2.tenant.schema_name):
        article.unpublish()
    assert not SearchEntry.objects.filter(title="将要撤下的稿件").exists()


def test_filters_by_level_column_and_date(net):
    from datetime import datetime

    from django.utils import timezone

    tz = timezone.get_current_timezone()
    publish(net.county1, "县级稿件", "党建", date=datetime(2026, 3, 1, tzinfo=tz))
    publish(net.village3, "村级稿件", "党建", column="党务公开",
            date=datetime(2026, 6, 1, tzinfo=tz))  # fmt: skip
    assert [e.title for e in Search(q="党建", levels=["village"]).entries()] == ["村级稿件"]
    from datetime import date

    assert [e.title for e in Search(q="党建", date_to=date(2026, 4, 1)).entries()] == ["县级稿件"]
    with schema_context(net.village3.tenant.schema_name):
        column = node_column(net.village3, "党务公开")
    by_column = Search(q="党建", node=net.village3, column_id=column.pk).entries()
    assert [e.title for e in by_column] == ["村级稿件"]


def test_reindex_rebuilds_drops_stale_entries_and_resumes(net):
    from io import StringIO

    from django.core.management import CommandError, call_command

    from search.models import IndexedNode

    with schema_context(net.village3.tenant.schema_name):
        ArticlePageFactory(parent=node_column(net.village3, "党务公开"), title="丙村未入索引")
    connection.set_schema_to_public()
    SearchEntry.objects.create(
        node=net.village3, page_id=999999, level="village", title="早已删除的页面",
        url_path="/gone/", grams="'早已':1", words="", dictionary_version="old",
    )  # fmt: skip
    out = StringIO()
    call_command("search", "reindex", "--node", net.county2.code, stdout=out, stderr=StringIO())
    assert "已重建 3 个站点" in out.getvalue()
    titles = set(SearchEntry.objects.filter(node=net.village3).values_list("title", flat=True))
    assert "丙村未入索引" in titles and "早已删除的页面" not in titles
    assert IndexedNode.objects.filter(node__path__startswith=net.county2.path).count() == 3
    # a resumed run skips the nodes already done with this dictionary
    call_command("search", "reindex", "--node", net.county2.code, "--resume", stdout=out,
                 stderr=StringIO())  # fmt: skip
    assert "已重建 0 个站点" in out.getvalue()
    with pytest.raises(CommandError, match="没有代码为 999 的节点"):
        call_command("search", "reindex", "--node", "999")


def test_an_unpublished_site_leaves_the_network_results(net):
    from wagtail.models import Page

    publish(net.village2, "乙村的稿件", "支部")
    assert len(Search(q="支部").entries()) == 1
    with schema_context(net.village2.tenant.schema_name):
        home = Page.objects.get(pk=net.village2.root_page_id)
        home.unpublish()  # the site only: its articles stay live but unreachable
        article = ArticlePage.objects.get(title="乙村的稿件")
        assert article.live
        index_article(article, net.village2)  # a later reindex must not bring it back
    connection.set_schema_to_public()
    assert len(Search(q="支部").entries()) == 0


def test_a_dictionary_edit_and_a_reindex_bring_the_index_in_line(net, settings, tmp_path):
    from django.core.management import call_command

    from search import dictionary

    publish(net.town1, "镇里的乡村网格员培训", "培训")
    before = SearchEntry.objects.get(title="镇里的乡村网格员培训")
    assert "'乡村网格员'" not in before.words
    extended = tmp_path / "terms.txt"
    extended.write_text(dictionary.TERMS_FILE.read_text(encoding="utf-8") + "乡村网格员\n")
    settings.XFNET_SEARCH_DICTIONARY = str(extended)
    dictionary.reload()
    try:
        call_command("search", "reindex", "--node", net.town1.code, stdout=StringIO(),
                     stderr=StringIO())  # fmt: skip
        after = SearchEntry.objects.get(title="镇里的乡村网格员培训")
        assert "'乡村网格员'" in after.words
        assert after.dictionary_version == dictionary.version() != before.dictionary_version
    finally:
        settings.XFNET_SEARCH_DICTIONARY = None
        dictionary.reload()
