"""搜索建议 as a reader types, and 您是不是要找 when a search finds few.

Suggestions come from the words readers are likely to mean — the party-building
dictionary, the province's synonym list and the hot searches — matched by their start,
their 拼音 or their 首字母, then from the titles of the site (or network) holding
what was typed. 您是不是要找 tries three repairs and keeps those that find more: the
synonyms of the query (中组部 ↔ 中央组织部), a character swapped for one read alike
where that makes a dictionary word (the input method's typo: 党建网占 → 党建网站), and
the query's words in another order (建设网站 → 网站建设).
"""

from dataclasses import replace
from functools import cache, lru_cache
from itertools import permutations

from django.core.cache import cache as django_cache

from . import dictionary, pinyin
from .backend import uses_elasticsearch
from .hot import hot_searches
from .models import SYNONYMS_CACHE_KEY, SearchEntry, Synonym
from .query import capped_count, holds, newest_holding, planned
from .text import cut, grams_query, normalise, segments, title_key

LIMIT = 8
TITLE_SUGGESTIONS = 5
TITLE_CANDIDATES = 200
VOCABULARY_SECONDS = 300
MAX_WORDS_TO_REORDER = 4
MAX_HOMOPHONES = 5
# 您是不是要找 ranks the repairs by how much they find, counted up to this
REPAIR_COUNT_CAP = 100


def synonym_groups() -> list[list[str]]:
    groups = django_cache.get(SYNONYMS_CACHE_KEY)
    if groups is None:
        groups = [synonym.word_list() for synonym in Synonym.objects.all()]
        django_cache.set(SYNONYMS_CACHE_KEY, groups, VOCABULARY_SECONDS)
    return groups


def synonyms_of(query: str) -> list[str]:
    key = title_key(query)
    found = []
    for group in synonym_groups():
        if key and key in {title_key(word) for word in group}:
            found += [word for word in group if title_key(word) != key]
    return list(dict.fromkeys(found))


@lru_cache(maxsize=4096)
def _spelled(word: str) -> tuple[str, str, str]:
    """(key, 拼音 run together, 首字母) of a word."""
    key = title_key(word)
    read = [syllable for segment, is_han, _ in segments(word) if is_han
            for syllable in pinyin.readings(segment)]  # fmt: skip
    return key, "".join(read), "".join(s[0] for s in read)


def heteronyms(char: str) -> list[str]:
    from pypinyin import Style, pinyin  # 55 MB, loaded when first asked (search.pinyin)

    return pinyin(char, style=Style.NORMAL, heteronym=True)[0]


def vocabulary(node=None) -> list[str]:
    words = list(dictionary.terms())
    for group in synonym_groups():
        words += group
    words += hot_searches(node, limit=50)
    return list(dict.fromkeys(words))


def _starts_with(query: str, words) -> list[str]:
    key = title_key(query)
    letters = pinyin.letters_of(query)
    found = []
    for word in words:
        word_key, spelled, initials = _spelled(word)
        if (key and word_key.startswith(key) and word_key != key) or (
            letters and (spelled.startswith(letters) or initials.startswith(letters))
        ):
            found.append(word)
    return found


def _titles_holding(query: str, node, limit: int) -> list[str]:
    """The newest titles holding what was typed (two characters or more), or read as
    the typed 拼音, in the scope."""
    if uses_elasticsearch():
        # the Elasticsearch client is 25 MB: imported where the cluster is used
        from .elastic import title_suggestions

        return title_suggestions(query, node, limit)
    letters = pinyin.letters_of(query)
    if letters is not None:
        tsquery = pinyin.pinyin_query(query, prefix_last=True)
    elif len(title_key(query)) >= 2:
        tsquery = grams_query(query)
    else:
        return []
    if tsquery is None:
        return []
    newest = newest_holding(
        _in_scope(SearchEntry.objects.all(), node), "title_vector", tsquery, limit
    )
    if len(newest) == limit:  # common (党建, da…): found among the newest rows
        return [title for _, title in newest]
    entries = _in_scope(SearchEntry.objects.filter(holds("title_vector", tsquery, node)), node)
    # rare: the newest of the first TITLE_CANDIDATES found, from the GIN index
    with planned(enable_seqscan="off"):
        found = list(entries.values_list("date", "pk", "title")[:TITLE_CANDIDATES])
    found.sort(key=lambda row: (row[0] is not None, row[0] and row[0].timestamp(), row[1]))
    return [title for _, _, title in reversed(found)][:limit]


def _in_scope(entries, node):
    return entries.filter(node=node) if node is not None else entries.filter(network_visible=True)


def suggestions(query: str, node=None) -> list[str]:
    """Up to LIMIT suggestions for what a reader has typed so far."""
    if not normalise(query).strip():
        return []
    words = _starts_with(query, vocabulary(node))[: LIMIT - TITLE_SUGGESTIONS]
    titles = _titles_holding(query, node, LIMIT - len(words))
    return list(dict.fromkeys(words + titles))[:LIMIT]


@cache
def _homophone_table() -> dict[str, tuple[str, ...]]:
    """Each syllable to the common characters (GB2312's 6,763) read so; ~0.1 s once."""
    table: dict[str, list[str]] = {}
    for code in range(0x4E00, 0x9FA6):
        char = chr(code)
        try:
            char.encode("gb2312")
        except UnicodeEncodeError:
            continue
        for reading in heteronyms(char):
            table.setdefault(reading, []).append(char)
    return {reading: tuple(chars) for reading, chars in table.items()}


def _homophones(search) -> list[str]:
    """The query with one character swapped for one read alike where that makes a
    dictionary word of what was not one (党建网占: 网占 → 网站): the typo an input
    method makes. Only the dictionary is asked, never the index."""
    found = []
    for segment, is_han, _ in segments(search.q):
        if not is_han:
            continue
        for length in (4, 3, 2):
            for start in range(len(segment) - length + 1):
                span = segment[start : start + length]
                if dictionary.has_word(span):
                    continue
                for word in _words_read_alike(span):
                    found.append(normalise(search.q).replace(span, word, 1))
    return list(dict.fromkeys(found))[:MAX_HOMOPHONES]


def _words_read_alike(span: str) -> list[str]:
    table, words = _homophone_table(), []
    for index, char in enumerate(span):
        for reading in heteronyms(char):
            for other in table.get(reading, ()):
                word = span[:index] + other + span[index + 1 :]
                if other != char and dictionary.has_word(word):
                    words.append(word)
    return words


def _reorderings(search) -> list[str]:
    words = [word for segment, is_han, _ in segments(search.q) if is_han for word in cut(segment)]
    if not 2 <= len(words) <= MAX_WORDS_TO_REORDER:
        return []
    typed = "".join(words)
    return [order for order in map("".join, permutations(words)) if order != typed]


def did_you_mean(search, found: int, limit: int = 3) -> list[str]:
    """Other queries that find more than `found` in the same scope, best first."""
    candidates = synonyms_of(search.q) + _homophones(search) + _reorderings(search)
    scored = []
    for candidate in dict.fromkeys(candidates):
        count = capped_count(replace(search, q=candidate).matches(), REPAIR_COUNT_CAP)
        if count > found:
            scored.append((count, candidate))
    scored.sort(key=lambda pair: -pair[0])
    return [candidate for _, candidate in scored[:limit]]
