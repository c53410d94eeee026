"""Finding every listed word in a text in one pass, whatever the list's size: an
Aho-Corasick automaton (pyahocorasick, C), so a 10,000-character post is checked
against 20,000 words in linear time.

Text and words are compared after NFKC folding and lower-casing, so full-width
letters and digits (ＡＢＣ１２３) and capitals match the listed forms.
"""

import unicodedata
from dataclasses import dataclass, field

import ahocorasick


def fold(text: str) -> str:
    return unicodedata.normalize("NFKC", text).lower()


@dataclass(frozen=True)
class Findings:
    blocking: list[str] = field(default_factory=list)
    warning: list[str] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.blocking or self.warning)


class WordMatcher:
    """Built once from (word, kind) pairs; `find` is safe to call from any thread."""

    def __init__(self, words):
        self._automaton = ahocorasick.Automaton()
        for word, kind in words:
            key = fold(word).strip()
            if key:
                self._automaton.add_word(key, (key, kind))
        self._empty = len(self._automaton) == 0
        if not self._empty:
            self._automaton.make_automaton()

    def find(self, text: str) -> Findings:
        """Each listed word the text holds, once, in order of first appearance."""
        if self._empty or not text:
            return Findings()
        found = {}
        for _, (word, kind) in self._automaton.iter(fold(text)):
            found.setdefault(word, kind)
        return Findings(
            blocking=[word for word, kind in found.items() if kind == "block"],
            warning=[word for word, kind in found.items() if kind == "warn"],
        )
