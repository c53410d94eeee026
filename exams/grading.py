"""Marking: what counts as the right answer to each kind of question, and a paper's
score (every question carries the same weight; a score is out of 100)."""

import unicodedata
from decimal import ROUND_HALF_UP, Decimal

from .models import LETTERS, QuestionKind

JUDGE = {"对": "对", "正确": "对", "√": "对", "T": "对", "TRUE": "对",
         "错": "错", "错误": "错", "×": "错", "F": "错", "FALSE": "错"}  # fmt: skip


def fold(text: str) -> str:
    """Full-width forms, case and spaces do not make an answer wrong."""
    return "".join(unicodedata.normalize("NFKC", text or "").upper().split())


def normalised(kind: str, value: str, options: int = len(LETTERS)) -> str | None:
    """The answer in its one written form, or None when it is not an answer of that
    kind at all (a forged or broken value): "B", "ACD", "对", or the text."""
    value = fold(value)
    if kind == QuestionKind.JUDGE:
        return JUDGE.get(value)
    if kind in (QuestionKind.SINGLE, QuestionKind.MULTIPLE):
        letters = "".join(sorted(set(value)))
        allowed = LETTERS[:options]
        if not letters or any(letter not in allowed for letter in letters):
            return None
        if kind == QuestionKind.SINGLE and len(letters) != 1:
            return None
        return letters
    return value[:200] if value else None


def accepted(kind: str, key: str) -> set[str]:
    """The forms the key accepts (a blank may accept several answers, one per line)."""
    if kind == QuestionKind.BLANK:
        return {fold(line) for line in key.splitlines() if fold(line)}
    found = normalised(kind, key)
    return {found} if found else set()


def mark(keys: dict[int, tuple[str, set[str]]], answers: dict[int, str]) -> tuple[int, Decimal]:
    """(correct, score) of a paper: `keys` {question id: (kind, accepted forms)} for
    every question on it, `answers` {question id: the saved answer}."""
    correct = sum(
        1 for qid, (kind, forms) in keys.items()
        if qid in answers and normalised(kind, answers[qid]) in forms
    )  # fmt: skip
    score = Decimal(100 * correct) / Decimal(len(keys)) if keys else Decimal(0)
    return correct, score.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
