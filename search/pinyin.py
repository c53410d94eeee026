"""拼音 and 首字母 for titles: `dangjian`, `xianfengwang` and `djwz` find 党建网站.

A title's Han runs become two lexeme streams in its title vector, beside its
bigrams, each character at its bigram position: the character's syllable ("~dang")
and the bigram of its and the next character's initials ("^dj", the last alone).
The marks keep them apart from Latin bigrams ("an" the syllable is not "an" the
letters). A query of letters only is split into syllables every way the syllable
table allows (the last piece may be a prefix: the reader is still typing) and into
initials; any split found in a title matches.
"""

import re
from functools import cache

from .text import HAN_RUN, normalise, quote_lexeme, segments

SYLLABLE_MARK = "~"
INITIALS_MARK = "^"
_LETTERS = re.compile(r"[a-z]+")
# splits tried per query: the fewest pieces first (dang-jian before dang-ji-an)
MAX_SPLITS = 3
# interjections (嗯 n, 呣 m, 哼 hng): as pieces of a split they only add noise
_INTERJECTIONS = {"n", "m", "ng", "hm", "hng"}
MAX_INITIALS = 6
MAX_QUERY_LETTERS = 40


def _lazy_pinyin(text, **options):
    # pypinyin's phrase dictionary is 55 MB: loaded by a process that searches or
    # indexes, not by every web worker that only serves pages
    from pypinyin import lazy_pinyin

    return lazy_pinyin(text, **options)


@cache
def syllables() -> frozenset[str]:
    """Every toneless syllable pypinyin knows (about 410), read once (~0.4 s)."""
    from pypinyin.pinyin_dict import pinyin_dict  # see _lazy_pinyin

    chars = "".join(chr(code) for code in pinyin_dict)
    read = _lazy_pinyin(chars, errors="ignore")
    return frozenset(s for s in read if s.isascii() and s.isalpha()) - _INTERJECTIONS


@cache
def _prefixes() -> frozenset[str]:
    return frozenset(s[:i] for s in syllables() for i in range(1, len(s) + 1))


def readings(text: str) -> list[str]:
    """One toneless syllable per character of a Han run (pypinyin reads words in
    context: 银行 is yin hang); a character it cannot read keeps itself."""
    read = _lazy_pinyin(text, errors=lambda chars: list(chars))
    return read if len(read) == len(text) else [_lazy_pinyin(c)[0] for c in text]


def title_lexemes(title: str, start: int = 1) -> list[tuple[str, int]]:
    """(lexeme, position) of the syllables and initial bigrams of a title's Han runs,
    at the positions search.text.gram_lexemes gives the same characters."""
    lexemes, position = [], start
    for segment, is_han, _ in segments(title):
        if is_han:
            read = readings(segment)
            initials = [s[0] for s in read]
            for i, syllable in enumerate(read):
                lexemes.append((SYLLABLE_MARK + syllable, position + i))
                lexemes.append((INITIALS_MARK + "".join(initials[i : i + 2]), position + i))
        position += len(segment)
    return lexemes


def letters_of(query: str) -> str | None:
    """The query's letters when it is letters only (spaces allowed): a pinyin query."""
    folded = normalise(query).replace(" ", "").replace("'", "")
    if 2 <= len(folded) <= MAX_QUERY_LETTERS and _LETTERS.fullmatch(folded):
        return folded
    return None


def splits(letters: str) -> list[list[str]]:
    """Ways to read the letters in the fewest syllables (dang-jian, not dang-ji-an:
    every extra way is another posting list to read); the last piece may be the start
    of a syllable. At most MAX_SPLITS."""
    table, prefixes = syllables(), _prefixes()

    @cache
    def rest(start: int) -> tuple[tuple[str, ...], ...]:
        found = []
        for end in range(len(letters), start, -1):
            piece = letters[start:end]
            if end == len(letters):
                if piece in prefixes:
                    found.append((piece,))
            elif piece in table:
                found.extend((piece, *tail) for tail in rest(end))
        return tuple(found)

    found = sorted(rest(0), key=len)
    return [list(split) for split in found if len(split) == len(found[0])][:MAX_SPLITS]


SYLLABLES, INITIALS = "syllables", "initials"


def readings_of(query: str, prefix_last: bool = True) -> list[tuple[str, list[tuple[str, bool]]]]:
    """The ways a letters-only query reads, each (SYLLABLES or INITIALS, [(token,
    is_prefix)]) in a row: each syllable split (the last piece a prefix when the reader
    may still be typing, or when it is no whole syllable), then the initials (two
    letters or more: a title's abbreviation). Empty for any other query; both
    backends build their queries from this."""
    letters = letters_of(query)
    if letters is None:
        return []
    ways = []
    for split in splits(letters):
        if len(split) == 1 and len(split[0]) < 2:
            continue
        last_prefix = prefix_last or split[-1] not in syllables()
        tokens = [(piece, False) for piece in split[:-1]] + [(split[-1], last_prefix)]
        ways.append((SYLLABLES, tokens))
    if len(letters) <= MAX_INITIALS:
        grams = [letters[i : i + 2] for i in range(len(letters) - 1)]
        ways.append((INITIALS, [(gram, False) for gram in grams]))
    return ways


def pinyin_query(query: str, prefix_last: bool = True) -> str | None:
    """A tsquery over title vectors for a letters-only query: any of its readings
    (readings_of), in a row. None for any other query."""
    marks = {SYLLABLES: SYLLABLE_MARK, INITIALS: INITIALS_MARK}
    alternatives = []
    for kind, tokens in readings_of(query, prefix_last):
        last = ""
        if kind == SYLLABLES and len(tokens) > 1 and tokens[-1] == (tokens[-1][0][:1], True):
            # one letter begun after a syllable (xianf): "the next character's initial
            # is f" is the initials bigram at the syllable's place, one posting list,
            # where ~f:* would read every syllable starting with f (~80 ms at a million)
            before, letter = tokens[-2][0], tokens[-1][0]
            last = " <0> " + quote_lexeme(INITIALS_MARK + before[0] + letter)
            tokens = tokens[:-1]
        alternatives.append(
            " <-> ".join(
                quote_lexeme(marks[kind] + token) + (":*" if is_prefix else "")
                for token, is_prefix in tokens
            )
            + last
        )
    return " | ".join(f"({alternative})" for alternative in alternatives) or None


def marked_spans(title: str, query: str) -> list[tuple[int, int]]:
    """Where a pinyin query matches a title, as (start, end) indexes into the title's
    normalised text: what highlighting marks."""
    letters = letters_of(query)
    if letters is None:
        return []
    spans = []
    folded = normalise(title)
    for match in HAN_RUN.finditer(folded):
        run = match.group()
        read = readings(run)
        for i in range(len(run)):
            length = _length_read(read[i:], letters)
            if length:
                spans.append((match.start() + i, match.start() + i + length))
    return spans


def _length_read(read: list[str], letters: str) -> int:
    """How many characters, from the first, spell the letters (syllables, the last
    one possibly begun, or initials); 0 when they do not."""
    initials = "".join(s[0] for s in read[: len(letters)])
    if len(letters) <= MAX_INITIALS and initials == letters:
        return len(letters)
    rest, count = letters, 0
    for syllable in read:
        if rest.startswith(syllable):
            rest, count = rest[len(syllable) :], count + 1
            if not rest:
                return count
        elif syllable.startswith(rest):
            return count + 1
        else:
            return 0
    return 0
