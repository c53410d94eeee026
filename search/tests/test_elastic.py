"""The Elasticsearch backend: golden tests of what it sends, and a real-cluster suite
that runs only when ELASTICSEARCH_URL is set (otherwise reported as skipped)."""

import os
import uuid
from datetime import UTC, date, datetime

import pytest

from search import elastic, labelled
from search.models import SearchEntry
from search.query import Search


def test_index_settings_analyse_pre_segmented_text_by_whitespace_only(settings):
    body = elastic.index_body(ik=False)
    assert body["settings"]["analysis"]["analyzer"] == {
        "xf_grams": {"type": "custom", "tokenizer": "whitespace"},
        "xf_words": {"type": "custom", "tokenizer": "whitespace"},
    }
    properties = body["mappings"]["properties"]
    assert body["mappings"]["dynamic"] == "strict"
    assert {name: properties[name]["type"] for name in ("node", "site", "level", "column")} == {
        "node": "keyword", "site": "keyword", "level": "keyword", "column": "keyword",
    }  # fmt: skip
    assert properties["title_grams"]["analyzer"] == "xf_grams"
    assert "fields" not in properties["title"]


def test_ik_sub_fields_only_when_the_cluster_has_the_plugin():
    body = elastic.index_body(ik=True)
    assert body["settings"]["analysis"]["analyzer"]["xf_ik"] == {
        "type": "custom", "tokenizer": "ik_max_word",
    }  # fmt: skip
    assert body["mappings"]["properties"]["text"]["fields"]["ik"]["analyzer"] == "xf_ik"


@pytest.mark.django_db
def test_bulk_payload_is_node_prefixed_and_pre_segmented(net, settings):
    settings.XFNET_ES_INDEX = "xfnet-articles"
    entry = SearchEntry(
        node=net.village1, page_id=42, level="village", column_page_id=7, column_title="党务公开",
        title="党支部ＡＰＰ", url_path="/dang-wu/x/", summary="", text="三会一课",
        date=datetime(2026, 11, 1, tzinfo=UTC),
    )  # fmt: skip
    assert elastic.index_action(entry) == {
        "_op_type": "index",
        "_index": "xfnet-articles",
        "_id": "340111001001-42",
        "_source": {
            "node": "340111001001", "site": "village1.localhost", "level": "village",
            "column": "7", "page_id": 42, "network_visible": True,
            "date": "2026-11-01T00:00:00+00:00",
            "title_grams": "党支 支部 部 ap pp p",
            "body_grams": "三会 会一 一课 课",
            "title_key": "党支部app",
            "title_pinyin": "dang zhi bu | |",
            "title_initials": "dz zb b | |",
            "words": "支部 党支部 app 三会一课",
            "title": "党支部ＡＰＰ", "column_title": "党务公开", "url_path": "/dang-wu/x/",
            "summary": "", "text": "三会一课",
        },
    }  # fmt: skip
    assert elastic.delete_action("340111001001", 42) == {
        "_op_type": "delete", "_index": "xfnet-articles", "_id": "340111001001-42",
    }  # fmt: skip


def _must(request):
    """The groups the query must hold as typed (the first filter)."""
    return request.to_dict()["query"]["bool"]["filter"][0]["bool"]["must"]


def test_queries_mirror_the_postgres_phrase_queries(net, settings):
    settings.XFNET_ES_INDEX = "xfnet-articles"
    whole = _must(elastic.build_search(Search(q="三会一课")))
    assert whole[0]["bool"]["should"][0] == {"match_phrase": {"title_grams": "三会 会一 一课"}}
    single = _must(elastic.build_search(Search(q="党")))
    assert single[0]["bool"]["should"][1] == {
        "span_multi": {"match": {"prefix": {"body_grams": {"value": "党"}}}}
    }
    mixed = _must(elastic.build_search(Search(q="2026年")))
    assert mixed[0]["bool"]["should"][0] == {
        "span_near": {
            "clauses": [
                {"span_term": {"title_grams": "20"}},
                {"span_term": {"title_grams": "02"}},
                {"span_term": {"title_grams": "26"}},
                {"span_term": {"title_grams": "6"}},
                {"span_multi": {"match": {"prefix": {"title_grams": {"value": "年"}}}}},
            ],
            "slop": 0,
            "in_order": True,
        }
    }
    assert len(_must(elastic.build_search(Search(q="党建，工作")))) == 2  # both parts required
    assert elastic.build_search(Search(q="！？")) is None


@pytest.mark.django_db
def test_filters_and_order(net, settings):
    request = elastic.build_search(
        Search(q="党建", node=net.village1, levels=["village"], column_id=9,
               date_from=date(2026, 1, 1), date_to=date(2026, 6, 30), newest_first=True)
    ).to_dict()  # fmt: skip
    assert request["query"]["bool"]["filter"][1:] == [
        {"term": {"node": "340111001001"}},
        {"terms": {"level": ["village"]}},
        {"term": {"column": "9"}},
        {"range": {"date": {"gte": "2026-01-01", "lte": "2026-06-30"}}},
    ]
    # by date: the query's matches (score 1) before words apart (0), each newest first
    assert request["sort"] == ["_score", {"date": {"order": "desc"}}]
    assert request["query"]["bool"]["should"] == [
        {"constant_score": {"filter": request["query"]["bool"]["filter"][0], "boost": 1}}
    ]
    network = elastic.build_search(Search(q="党建")).to_dict()
    assert network["query"]["bool"]["filter"][1:] == [{"term": {"network_visible": True}}]


def test_traditional_text_is_sent_folded_as_postgres_indexes_it(net, settings):
    # 繁简: the document carries the folded stream, so a simplified query finds it
    entry = SearchEntry(node=net.village1, page_id=1, level="village", title="黨建引領",
                        url_path="/", text="強化黨組織", summary="")  # fmt: skip
    source = elastic.document(entry)
    assert source["title_grams"] == "党建 建引 引领 领"
    assert source["body_grams"] == "强化 化党 党组 组织 织"
    assert source["title_pinyin"] == "dang jian yin ling |"
    assert source["title"] == "黨建引領"  # shown as written
    whole = _must(elastic.build_search(Search(q="黨建")))
    assert whole[0]["bool"]["should"][0] == {"match_phrase": {"title_grams": "党建"}}


def test_pinyin_and_initials_become_spans_over_the_title_readings(settings):
    typed = elastic.build_search(Search(q="djwz")).to_dict()["query"]["bool"]["filter"][0]
    spelled = typed["bool"]["should"][1]["bool"]["should"]
    assert {
        "span_near": {
            "clauses": [
                {"span_term": {"title_initials": "dj"}},
                {"span_term": {"title_initials": "jw"}},
                {"span_term": {"title_initials": "wz"}},
            ],
            "slop": 0,
            "in_order": True,
        }
    } in spelled
    dangjian = elastic.build_search(Search(q="dangjian")).to_dict()["query"]["bool"]["filter"][0]
    assert dangjian["bool"]["should"][1]["bool"]["should"][0] == {
        "span_near": {
            "clauses": [
                {"span_term": {"title_pinyin": "dang"}},
                {"span_term": {"title_pinyin": "jian"}},
            ],
            "slop": 0,
            "in_order": True,
        }
    }


def test_tiers_score_above_each_other_and_words_apart_score_nothing(settings):
    request = elastic.build_search(Search(q="党员学习"), with_words_apart=True).to_dict()
    matching = request["query"]["bool"]["filter"][0]["bool"]["should"]
    assert matching[1] == {"match": {"words": {"query": "党员 学习", "operator": "and"}}}
    boosts = [tier["constant_score"]["boost"] for tier in request["query"]["bool"]["should"]]
    assert boosts == [elastic.TYPED_SCORE, elastic.TITLE_SCORE, elastic.EXACT_SCORE]
    assert request["query"]["bool"]["should"][2]["constant_score"]["filter"] == {
        "term": {"title_key": "党员学习"}
    }
    assert request["sort"] == ["_score", {"date": {"order": "desc"}}]
    # each tier's total is above every lower one: exact 13 > title 5 > text 1 > apart 0
    assert [elastic._tier(score) for score in (13, 5, 1, 0)] == [
        "exact", "title", "text", "words_apart",
    ]  # fmt: skip


@pytest.mark.django_db
def test_title_suggestions_ask_for_the_newest_titles_in_the_scope(net, settings):
    request = elastic.build_title_suggestions("dangj", net.village1, 5).to_dict()
    holding, scope = request["query"]["bool"]["filter"]
    assert scope == {"term": {"node": "340111001001"}}
    assert {
        "span_near": {
            "clauses": [
                {"span_term": {"title_pinyin": "dang"}},
                {"span_multi": {"match": {"prefix": {"title_pinyin": {"value": "j"}}}}},
            ],
            "slop": 0,
            "in_order": True,
        }
    } in holding["bool"]["should"]
    assert request["size"] == 5 and request["sort"] == [{"date": {"order": "desc"}}]
    network = elastic.build_title_suggestions("党建网", None, 5).to_dict()
    assert network["query"]["bool"]["filter"][1] == {"term": {"network_visible": True}}
    assert elastic.build_title_suggestions("党", None, 5) is None  # one character: too broad


needs_cluster = pytest.mark.skipif(
    not os.environ.get("ELASTICSEARCH_URL"),
    reason="no Elasticsearch here: set ELASTICSEARCH_URL to run the real-cluster suite",
)


@pytest.fixture
def cluster(settings):
    """A fresh index on the real cluster (ELASTICSEARCH_URL), deleted afterwards."""
    settings.ELASTICSEARCH_URL = os.environ["ELASTICSEARCH_URL"]
    settings.XFNET_ES_INDEX = f"xfnet-test-{uuid.uuid4().hex[:8]}"
    es = elastic.client()
    physical = f"{settings.XFNET_ES_INDEX}-1"
    elastic.create_index(es, physical)
    yield es
    es.indices.delete(index=physical)


@needs_cluster
@pytest.mark.django_db
def test_a_real_cluster_answers_the_labelled_queries_like_postgres(net, cluster):
    es = cluster
    truth_text = {}
    entries = []
    for i, (title, body) in enumerate(labelled.DOCUMENTS):
        entries.append(
            SearchEntry(node=net.village1, page_id=i + 1, level="village", title=title,
                        url_path=f"/{i}/", text=body, summary="")
        )  # fmt: skip
        truth_text[i + 1] = labelled.haystack(title, "", body)
    elastic.send([elastic.index_action(entry) for entry in entries])
    for query in labelled.QUERIES:
        truth = {pid for pid, text in truth_text.items() if labelled.answers(query, text)}
        hits = elastic.ElasticResults(Search(q=query), es=es)
        got = {entry.page_id for entry in hits[0 : len(entries)]}
        assert got == truth, query


@needs_cluster
@pytest.mark.django_db
def test_a_real_cluster_answers_issue_17s_queries_like_postgres(net, cluster):
    es = cluster
    documents = [
        ("黨建引領鄉村振興", "強化黨組織建設"),
        ("安徽先锋网党建网站", "正文"),
        ("组织党员学习", "正文"),
        ("支部动态", "全体党员参加集中学习"),
    ]
    entries = [
        SearchEntry(node=net.village1, page_id=i + 1, level="village", title=title,
                    url_path=f"/{i}/", text=body, summary="",
                    date=datetime(2026, 11, 1 + i, tzinfo=UTC))
        for i, (title, body) in enumerate(documents)
    ]  # fmt: skip
    elastic.send([elastic.index_action(entry) for entry in entries])

    def titles(q, **kwargs):
        hits = elastic.ElasticResults(Search(q=q), es=es, **kwargs)
        return [entry.title for entry in hits[0:10]]

    assert set(titles("党建")) == {"黨建引領鄉村振興", "安徽先锋网党建网站"}
    assert titles("dangjian") == ["安徽先锋网党建网站"]
    assert titles("djwz") == ["安徽先锋网党建网站"]
    assert titles("党员学习", with_words_apart=True) == ["组织党员学习", "支部动态"]
    assert elastic.count_matches(Search(q="党员学习"), es=es) == (1, 1)
    assert elastic.title_suggestions("dangj", None, 5, es=es) == ["安徽先锋网党建网站"]
