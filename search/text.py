"""Chinese text for search: normalising, character bigrams and dictionary words.

Matching uses character bigrams: every substring of a run of Chinese characters is a
chain of adjacent bigrams, so a phrase query over bigrams finds 支部 inside 党支部
and 三会 inside 三会一课 with no false hits. Word segmentation (rjieba with the
party-building dictionary) only ranks: whole-word hits score above partial ones.

Positions: in a run c0..c(n-1) (Han, or letters and digits) the bigram c(i)c(i+1)
sits at position i and the last character alone at n-1, so every character begins
some lexeme (one-character queries use a prefix match) and the next run starts at n.
"""

import re
import unicodedata
from collections.abc import Sequence
from functools import cache

import opencc
from django.utils.html import escape

from .dictionary import cut, cut_for_search

# Han characters (basic, extension A, compatibility); everything else that is a
# letter or digit forms Latin/number words; the rest separates.
_HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_SEGMENT = re.compile(rf"[{_HAN}]+|[^\W_{_HAN}]+")
_IS_HAN = re.compile(rf"[{_HAN}]")
HAN_RUN = re.compile(rf"[{_HAN}]+")


_HAN_RANGES = ((0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF))


@cache
def _traditional_to_simplified() -> dict[int, str]:
    """繁简: each traditional character to its simplified one (OpenCC's t2s data), one
    character for one so positions and highlighting stay put. Built once (~10 ms);
    converted a character at a time so no phrase rule joins neighbours."""
    chars = [chr(code) for start, end in _HAN_RANGES for code in range(start, end + 1)]
    converted = opencc.OpenCC("t2s").convert("\n".join(chars)).split("\n")
    return {
        ord(char): simple
        for char, simple in zip(chars, converted, strict=True)
        if simple != char and len(simple) == 1
    }


def _fold_char(char: str) -> str:
    return unicodedata.normalize("NFKC", char).casefold().translate(_traditional_to_simplified())


def normalise(text: str) -> str:
    """Full-width to half-width, compatibility forms folded, case folded, traditional
    characters to simplified (黨建 is found by 党建 and the other way round)."""
    folded = unicodedata.normalize("NFKC", text or "").casefold()
    return folded.translate(_traditional_to_simplified())


def origin_of(text: str, position: int) -> int:
    """The index in `text` of the character that folds to `normalise(text)[position]`
    (walks only up to it, and not at all when folding kept every length)."""
    if len(normalise(text)) == len(text):
        return position
    length = 0
    for index, char in enumerate(text):
        length += len(_fold_char(char))
        if length > position:
            return index
    return len(text)


def fold_with_map(text: str) -> tuple[str, Sequence[int]]:
    """The text folded, and for each folded character the index of the original
    character it came from: …, ℃ or ½ fold to several characters, and a hit found in
    the folded text is marked on the original.

    Most text folds character for character (full-width commas, traditional
    characters): then the map is the identity and the text is folded in one call.
    """
    whole = normalise(text)
    if len(whole) == len(text or ""):
        return whole, range(len(whole))
    folded, origins = [], []
    for index, char in enumerate(text or ""):
        piece = _fold_char(char)
        folded.append(piece)
        origins.extend([index] * len(piece))
    return "".join(folded), origins


def segments(text: str) -> list[tuple[str, bool, bool]]:
    """(segment, is_han, joined_to_previous) for each run of Han or of letters/digits."""
    result, end = [], None
    for match in _SEGMENT.finditer(normalise(text)):
        result.append((match.group(), bool(_IS_HAN.match(match.group())), match.start() == end))
        end = match.end()
    return result


def quote_lexeme(lexeme: str) -> str:
    return "'" + lexeme.replace("'", "''").replace("\\", "\\\\") + "'"


def gram_lexemes(text: str) -> list[tuple[str, int]]:
    """(lexeme, position) pairs of the bigram index, positions from 1.

    Han runs and runs of letters/digits are treated alike, so 支部 is found inside
    党支部 and "agtail" inside "Wagtail"; they are separate runs, so 2026年 is
    "2026" then "年".
    """
    lexemes, position = [], 1
    for segment, _, _ in segments(text):
        for i in range(len(segment) - 1):
            lexemes.append((segment[i : i + 2], position + i))
        lexemes.append((segment[-1], position + len(segment) - 1))
        position += len(segment)
    return lexemes


# PostgreSQL keeps positions up to 16383; later ones all count as 16383, which only
# blurs phrase matches at the very end of a very long text.
_MAX_POSITION = 16383


def tsvector_literal(lexemes, weight: str = "") -> str:
    """A tsvector written out, so PostgreSQL's own parser never splits our tokens.

    weight: "A" marks every position (titles); empty leaves the default D.
    """
    positions: dict[str, list[int]] = {}
    for lexeme, position in lexemes:
        positions.setdefault(lexeme, []).append(min(position, _MAX_POSITION))
    return " ".join(
        f"{quote_lexeme(lexeme)}:{','.join(f'{p}{weight}' for p in sorted(set(places))[:256])}"
        for lexeme, places in positions.items()
    )


def site_lexeme(node_id: int) -> str:
    """The lexeme every vector of a site's entries carries, without a position (so no
    phrase ever meets it): one site's matches come straight from the GIN indexes
    instead of the network's matches filtered afterwards."""
    return f"@{node_id}"


def grams_vector(text: str) -> str:
    return tsvector_literal(gram_lexemes(text))


def dictionary_words(text: str) -> list[str]:
    """Han runs cut into dictionary words (search mode: 党支部 also gives 支部);
    letter/digit runs kept whole. What ranks results in both backends."""
    words = []
    for segment, is_han, _ in segments(text):
        words.extend(cut_for_search(segment) if is_han else [segment])
    return words


def words_vector(text: str) -> str:
    return tsvector_literal((word, i + 1) for i, word in enumerate(dictionary_words(text)))


def _segment_query(segment: str, weight: str) -> tuple[str, int]:
    """(tsquery, width) of one segment: width is how many positions it spans."""
    if len(segment) == 1:  # any lexeme starting with it: every character begins one
        return f"{quote_lexeme(segment)}:*{weight}", 1
    suffix = f":{weight}" if weight else ""
    grams = [f"{quote_lexeme(segment[i : i + 2])}{suffix}" for i in range(len(segment) - 1)]
    return " <-> ".join(grams), len(segment)


def grams_query(query: str, weight: str = "", operator: str = "&") -> str | None:
    """A tsquery finding every text that contains the query's words, whole or in part.

    Segments typed together (2026年) must stand together; segments apart (党建 工作)
    must each be present. None when the query has nothing searchable. weight "A"
    matches titles only.
    """
    groups: list[list[tuple[str, int]]] = []
    for segment, _, joined in segments(query):
        part = _segment_query(segment, weight)
        if joined and groups:
            groups[-1].append(part)
        else:
            groups.append([part])
    if not groups:
        return None
    clauses = []
    for group in groups:
        clause, width = group[0][0], group[0][1]
        for part, part_width in group[1:]:
            # a segment of n > 1 characters ends its bigrams at n-2 and the next
            # segment starts at n: the distance from its last bigram is 2
            gap = 2 if width > 1 else 1
            clause = f"({clause}) <{gap}> ({part})"
            width = part_width
        clauses.append(f"({clause})")
    return f" {operator} ".join(clauses)


def words_apart(query: str) -> list[str]:
    """The query's dictionary words (党员学习: 党员, 学习), for documents holding them
    apart; empty unless there are two or more (single characters are left out: every
    text holds 的 and 是)."""
    words = []
    for segment, is_han, _ in segments(query):
        words.extend(cut(segment) if is_han else [segment])
    kept = [word for word in dict.fromkeys(words) if len(word) > 1]
    return kept if len(kept) > 1 else []


def words_apart_query(query: str) -> str | None:
    """All of words_apart(query), anywhere, as a tsquery; None when there are none."""
    return " & ".join(quote_lexeme(word) for word in words_apart(query)) or None


def title_key(text: str) -> str:
    """A title (or query) folded, separators dropped: 《党建工作》 and 党建 工作 agree."""
    return "".join(segment for segment, _, _ in segments(text))[:255]


def query_words(query: str) -> list[str]:
    """The query's own words: what highlighting marks."""
    return [segment for segment, _, _ in segments(query)]


def highlight(text: str, query: str) -> str:
    """HTML-escaped text with the query's words wrapped in <mark>, case-insensitive
    and full-width-insensitive (the text is matched in its normalised form)."""
    words = sorted({w for w in query_words(query) if w}, key=len, reverse=True)
    if not words or not text:
        return escape(text or "")
    folded, origins = fold_with_map(text)
    pattern = re.compile("|".join(re.escape(word) for word in words))
    return mark(text, [m.span() for m in pattern.finditer(folded)], origins)


def mark(text: str, spans, origins: Sequence[int]) -> str:
    """HTML-escaped text with <mark> around the original characters of each
    (start, end) span of its folded form (origins: fold_with_map's map)."""
    parts, last = [], 0
    for folded_start, folded_end in sorted(spans):
        start, end = origins[folded_start], origins[folded_end - 1] + 1
        if start < last:  # inside a character already marked
            continue
        parts.append(escape(text[last:start]))
        parts.append(f"<mark>{escape(text[start:end])}</mark>")  # the original characters
        last = end
    parts.append(escape(text[last:]))
    return "".join(parts)
