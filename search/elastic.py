"""The scale-out backend: one Elasticsearch index (behind an alias) for the network.

Text is sent pre-segmented, as the same bigram stream and dictionary words the
PostgreSQL index uses (search.text), and analysed by whitespace only, so both
backends tokenise alike and a query finds the same documents in either. Document
ids carry the node code: page ids repeat across schemas. If the cluster has the IK
plugin (XFNET_ES_IK), titles and bodies also get an `ik_max_word` sub-field.

PostgreSQL stays the record (search.models.SearchEntry); this index mirrors it.
"""

from django.conf import settings
from elasticsearch import Elasticsearch
from elasticsearch.dsl import Q, Search
from elasticsearch.helpers import bulk

from network.models import Node

from . import pinyin
from .models import SearchEntry
from .query import EXACT, TEXT, TITLE, WORDS_APART
from .text import dictionary_words, gram_lexemes, segments, title_key, words_apart

WHITESPACE = {"type": "custom", "tokenizer": "whitespace"}


def index_name() -> str:
    return settings.XFNET_ES_INDEX


def index_body(ik: bool | None = None) -> dict:
    """Settings and mappings of a new physical index (the alias points at it)."""
    ik = settings.XFNET_ES_IK if ik is None else ik
    analyzers = {"xf_grams": WHITESPACE, "xf_words": WHITESPACE}
    grams = {"type": "text", "analyzer": "xf_grams", "norms": True}
    text_fields = {}
    if ik:
        analyzers["xf_ik"] = {"type": "custom", "tokenizer": "ik_max_word"}
        text_fields = {"fields": {"ik": {"type": "text", "analyzer": "xf_ik"}}}
    return {
        "settings": {"number_of_shards": 1, "analysis": {"analyzer": analyzers}},
        "mappings": {
            "dynamic": "strict",
            "properties": {
                "node": {"type": "keyword"},
                "site": {"type": "keyword"},
                "level": {"type": "keyword"},
                "column": {"type": "keyword"},
                "page_id": {"type": "integer"},
                "network_visible": {"type": "boolean"},
                "date": {"type": "date"},
                "title_grams": grams,
                "body_grams": grams,
                "title_key": {"type": "keyword"},
                "title_pinyin": {"type": "text", "analyzer": "xf_grams"},
                "title_initials": {"type": "text", "analyzer": "xf_grams"},
                "words": {"type": "text", "analyzer": "xf_words"},
                "title": {"type": "text", "index": False, **text_fields},
                "column_title": {"type": "keyword", "index": False},
                "url_path": {"type": "keyword", "index": False},
                "summary": {"type": "text", "index": False},
                "text": {"type": "text", "index": False, **text_fields},
            },
        },
    }


def document_id(node_code: str, page_id: int) -> str:
    return f"{node_code}-{page_id}"


def _stream(text: str) -> str:
    return " ".join(lexeme for lexeme, _ in gram_lexemes(text))


def _words(text: str) -> str:
    """Dictionary words, space-separated (the whitespace analyser keeps them whole)."""
    return " ".join(dictionary_words(text))


def _spelling(title: str) -> tuple[str, str]:
    """The title's syllables and initial bigrams as two token streams, with a "|"
    wherever a run of Han characters ends, so no phrase crosses two runs."""
    syllables, initials = [], []
    for segment, is_han, _ in segments(title):
        if is_han:
            read = pinyin.readings(segment)
            syllables += read
            initials += ["".join(s[0] for s in read[i : i + 2]) for i in range(len(read))]
        syllables.append("|")
        initials.append("|")
    return " ".join(syllables), " ".join(initials)


def document(entry) -> dict:
    """The _source of one SearchEntry."""
    body = "\n".join(filter(None, [entry.summary, entry.text]))
    syllables, initials = _spelling(entry.title)
    return {
        "node": entry.node.code,
        "site": entry.node.primary_domain or "",
        "level": entry.level,
        "column": str(entry.column_page_id or ""),
        "page_id": entry.page_id,
        "network_visible": entry.network_visible,
        "date": entry.date.isoformat() if entry.date else None,
        "title_grams": _stream(entry.title),
        "body_grams": _stream(body),
        "title_key": title_key(entry.title),
        "title_pinyin": syllables,
        "title_initials": initials,
        "words": _words(f"{entry.title}\n{body}"),
        "title": entry.title,
        "column_title": entry.column_title,
        "url_path": entry.url_path,
        "summary": entry.summary,
        "text": entry.text,
    }


def index_action(entry) -> dict:
    return {
        "_op_type": "index",
        "_index": index_name(),
        "_id": document_id(entry.node.code, entry.page_id),
        "_source": document(entry),
    }


def delete_action(node_code: str, page_id: int) -> dict:
    return {"_op_type": "delete", "_index": index_name(), "_id": document_id(node_code, page_id)}


def _group_query(field: str, group: list[str]) -> Q:
    """One group of joined segments (e.g. 2026年) as positions in a row.

    A segment of n > 1 characters is its bigrams then, if another segment follows,
    its last character alone (the run ends there); a lone last character may begin
    a longer lexeme, so it is a prefix.
    """
    if len(group) == 1 and len(group[0]) > 1:
        return Q("match_phrase", **{field: _stream(group[0]).rsplit(" ", 1)[0]})
    clauses = []
    for index, segment in enumerate(group):
        last = index == len(group) - 1
        grams = [segment[i : i + 2] for i in range(len(segment) - 1)]
        clauses += [{"span_term": {field: gram}} for gram in grams]
        if not last:
            clauses.append({"span_term": {field: segment[-1]}})
        elif len(segment) == 1:
            clauses.append({"span_multi": {"match": {"prefix": {field: {"value": segment}}}}})
    if len(clauses) == 1:
        return Q(clauses[0])
    return Q("span_near", clauses=clauses, slop=0, in_order=True)


def query_groups(q: str) -> list[list[str]]:
    groups: list[list[str]] = []
    for segment, _, joined in segments(q):
        if joined and groups:
            groups[-1].append(segment)
        else:
            groups.append([segment])
    return groups


def _pinyin_query(q: str, prefix_last: bool = False) -> "Q | None":
    """The 拼音/首字母 readings of search.pinyin.readings_of, as spans."""
    fields = {pinyin.SYLLABLES: "title_pinyin", pinyin.INITIALS: "title_initials"}
    spans = []
    for kind, tokens in pinyin.readings_of(q, prefix_last):
        field = fields[kind]
        clauses = [
            {"span_multi": {"match": {"prefix": {field: {"value": token}}}}}
            if is_prefix
            else {"span_term": {field: token}}
            for token, is_prefix in tokens
        ]
        spans.append(
            Q(clauses[0])
            if len(clauses) == 1
            else Q("span_near", clauses=clauses, slop=0, in_order=True)
        )
    return Q("bool", should=spans, minimum_should_match=1) if spans else None


def _as_typed(search, fields: tuple[str, ...]) -> Q:
    """Every group of the query in one of the fields (or the title read as 拼音)."""
    groups = query_groups(search.q)
    phrase = Q(
        "bool",
        must=[
            Q("bool", should=[_group_query(f, group) for f in fields], minimum_should_match=1)
            for group in groups
        ],
    )
    spelled = _pinyin_query(search.q)
    if spelled is None:
        return phrase
    return Q("bool", should=[phrase, spelled], minimum_should_match=1)


def _words_apart(search) -> "Q | None":
    words = words_apart(search.q)
    if not words:
        return None
    return Q("match", words={"query": " ".join(words), "operator": "and"})


def _filters(search) -> list[Q]:
    filters = []
    if search.node is not None:
        filters.append(Q("term", node=search.node.code))
    else:
        filters.append(Q("term", network_visible=True))
    if search.levels:
        filters.append(Q("terms", level=list(search.levels)))
    if search.column_id:
        filters.append(Q("term", column=str(search.column_id)))
    if search.date_from or search.date_to:
        bounds = {}
        if search.date_from:
            bounds["gte"] = search.date_from.isoformat()
        if search.date_to:
            bounds["lte"] = search.date_to.isoformat()
        filters.append(Q("range", date=bounds))
    return filters


def _constant(query: Q, score: float) -> Q:
    return Q("constant_score", filter=query, boost=score)


# Tier scores: each tier's sum is above every lower tier's (13, 5, 1, 0).
EXACT_SCORE, TITLE_SCORE, TYPED_SCORE = 8, 4, 1


def build_search(search, with_words_apart: bool = False) -> Search | None:
    """The Elasticsearch request for a search.query.Search: the same matches, filters
    and tiers (exact title, title, text, words apart), each tier newest first."""
    if not query_groups(search.q):
        return None
    as_typed = _as_typed(search, ("title_grams", "body_grams"))
    apart = _words_apart(search) if with_words_apart else None
    matching = (
        as_typed if apart is None else Q("bool", should=[as_typed, apart], minimum_should_match=1)
    )
    tiers = [_constant(as_typed, TYPED_SCORE)]
    if not search.newest_first:
        tiers.append(_constant(_as_typed(search, ("title_grams",)), TITLE_SCORE))
        if title_key(search.q):
            tiers.append(_constant(Q("term", title_key=title_key(search.q)), EXACT_SCORE))
    query = Q("bool", filter=[matching, *_filters(search)], should=tiers)
    request = Search(index=index_name()).query(query).source(
        ["node", "page_id", "level", "title", "column_title", "url_path", "summary", "text",
         "date", "network_visible"]
    )  # fmt: skip
    return request.sort("_score", {"date": {"order": "desc"}})


def build_title_suggestions(q: str, node, limit: int) -> Search | None:
    """The newest titles holding what was typed, or read as the typed 拼音 (the last
    syllable may be unfinished), as search.suggest asks PostgreSQL."""
    if pinyin.letters_of(q) is not None:
        holding = _pinyin_query(q, prefix_last=True)
    elif len(title_key(q)) >= 2:
        holding = Q("bool", must=[_group_query("title_grams", g) for g in query_groups(q)])
    else:
        return None
    scope = Q("term", node=node.code) if node is not None else Q("term", network_visible=True)
    request = Search(index=index_name()).query(Q("bool", filter=[holding, scope]))
    return request.source(["title"]).sort({"date": {"order": "desc"}})[:limit]


def title_suggestions(q: str, node, limit: int, es=None) -> list[str]:
    request = build_title_suggestions(q, node, limit)
    if request is None:
        return []
    return [hit.title for hit in request.using(es or client()).execute()]


def count_matches(search, es=None) -> tuple[int, int]:
    """(as typed, words apart only): exact counts."""
    if not query_groups(search.q):
        return 0, 0
    es = es or client()
    base = Search(index=index_name()).using(es)
    typed = _as_typed(search, ("title_grams", "body_grams"))
    found = base.query(Q("bool", filter=[typed, *_filters(search)])).count()
    apart = _words_apart(search)
    if apart is None:
        return found, 0
    only_apart = Q("bool", filter=[apart, *_filters(search)], must_not=[typed])
    return found, base.query(only_apart).count()


def client():
    return Elasticsearch(settings.ELASTICSEARCH_URL, request_timeout=10)


def create_index(es, physical_name: str) -> None:
    """Create a physical index and point the alias at it (and only at it)."""
    es.indices.create(index=physical_name, **index_body())
    actions = [{"add": {"index": physical_name, "alias": index_name()}}]
    if es.indices.exists_alias(name=index_name()):
        for old in es.indices.get_alias(name=index_name()):
            actions.insert(0, {"remove": {"index": old, "alias": index_name()}})
    es.indices.update_aliases(actions=actions)


def send(actions) -> None:
    # deleting what is already gone (404) is not an error
    bulk(client(), actions, raise_on_error=True, refresh="wait_for", ignore_status=(404,))


class ElasticResults:
    """Search hits as a sequence that slices into pages; each hit is an unsaved
    SearchEntry, so templates and snippets treat both backends alike."""

    def __init__(self, search, es=None, with_words_apart: bool = False):
        self.request = build_search(search, with_words_apart)
        self.es = es or client()

    def __getitem__(self, index):
        if self.request is None:
            return []
        if isinstance(index, int):
            return self[index : index + 1][0]
        hits = self.request[index].using(self.es).execute()
        sources = [(hit.to_dict(), hit.meta.score) for hit in hits]
        nodes = Node.objects.in_bulk([source["node"] for source, _ in sources], field_name="code")
        entries = []
        for source, score in sources:
            entry = _entry(source, nodes[source["node"]])
            entry.tier = _tier(score)
            entries.append(entry)
        return entries


def _tier(score) -> str:
    score = score or 0
    if score >= EXACT_SCORE:
        return EXACT
    if score >= TITLE_SCORE:
        return TITLE
    return TEXT if score >= TYPED_SCORE else WORDS_APART


def _entry(source, node):
    return SearchEntry(
        node=node, page_id=source["page_id"], level=source["level"], title=source["title"],
        column_title=source.get("column_title", ""), url_path=source["url_path"],
        summary=source.get("summary", ""), text=source.get("text", ""),
        date=source.get("date"), network_visible=source["network_visible"],
    )  # fmt: skip
