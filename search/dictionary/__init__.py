"""The party-building dictionary: one versioned file, loaded into the segmenter once.

`party_terms.txt` is the file the provincial centre edits; its content hash is the
dictionary's version, stored on every index entry and every finished node, so
`search reindex --resume` redoes exactly the nodes an edit left behind.
"""

import hashlib
from functools import cache
from pathlib import Path

import rjieba
from django.conf import settings

TERMS_FILE = Path(__file__).with_name("party_terms.txt")


def terms_file() -> Path:
    """The bundled file, or the deployment's own (setting XFNET_SEARCH_DICTIONARY)."""
    return Path(getattr(settings, "XFNET_SEARCH_DICTIONARY", None) or TERMS_FILE)


@cache
def terms() -> tuple[str, ...]:
    lines = terms_file().read_text(encoding="utf-8").splitlines()
    return tuple(line.strip() for line in lines if line.strip() and not line.startswith("#"))


@cache
def version() -> str:
    return hashlib.sha1("\n".join(terms()).encode()).hexdigest()[:12]


@cache
def _segmenter():
    for term in terms():
        # a high frequency keeps the term whole even where the statistics would split it
        rjieba.add_word(term, 100000, None)
    return rjieba


def cut_for_search(text: str) -> list[str]:
    return [word for word in _segmenter().cut_for_search(text) if word.strip()]


def cut(text: str) -> list[str]:
    """Precise mode: each character in one word (党员学习 -> 党员, 学习)."""
    return [word for word in _segmenter().cut(text) if word.strip()]


def has_word(word: str) -> bool:
    """Whether the segmenter's dictionary (jieba's and ours) holds the word."""
    return _segmenter().has_word(word)


def reload() -> None:
    """Read the file again (after an edit, in a long-running process)."""
    terms.cache_clear()
    version.cache_clear()
    _segmenter.cache_clear()
