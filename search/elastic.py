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

from .models import SearchEntry
from .text import dictionary_words, gram_lexemes, segments

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


def document(entry) -> dict:
    """The _source of one SearchEntry."""
    body = "\n".join(filter(None, [entry.summary, entry.text]))
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


def build_search(search) -> Search | None:
    """The Elasticsearch request for a search.query.Search (same filters, same order)."""
    groups = query_groups(search.q)
    if not groups:
        return None
    must = [
        Q(
            "bool",
            should=[
                _group_query("title_grams", group),
                _group_query("body_grams", group),
            ],
            minimum_should_match=1,
        )
        for group in groups
    ]
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
    ranking = [
        Q("bool", should=[_group_query("title_grams", g) for g in groups], boost=10),
        Q("match", words={"query": _words(search.q)}),
    ]
    query = Q("bool", must=must, filter=filters, should=ranking)
    request = Search(index=index_name()).query(query).source(
        ["node", "page_id", "level", "title", "column_title", "url_path", "summary", "text",
         "date", "network_visible"]
    )  # fmt: skip
    if search.newest_first:
        return request.sort({"date": {"order": "desc"}}, "_score")
    return request.sort("_score", {"date": {"order": "desc"}})


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
    """Search hits as a sequence the Paginator can slice; each hit is an unsaved
    SearchEntry, so templates and snippets treat both backends alike."""

    def __init__(self, search, es=None):
        self.request = build_search(search)
        self.es = es or client()
        self._total = None

    def count(self) -> int:
        if self.request is None:
            return 0
        if self._total is None:
            self._total = self.request.using(self.es).count()
        return self._total

    __len__ = count

    def __getitem__(self, index):
        if self.request is None:
            return []
        if isinstance(index, int):
            return self[index : index + 1][0]
        sources = [hit.to_dict() for hit in self.request[index].using(self.es).execute()]
        nodes = Node.objects.in_bulk([source["node"] for source in sources], field_name="code")
        return [_entry(source, nodes[source["node"]]) for source in sources]


def _entry(source, node):
    return SearchEntry(
        node=node, page_id=source["page_id"], level=source["level"], title=source["title"],
        column_title=source.get("column_title", ""), url_path=source["url_path"],
        summary=source.get("summary", ""), text=source.get("text", ""),
        date=source.get("date"), network_visible=source["network_visible"],
    )  # fmt: skip
