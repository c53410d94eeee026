"""Loading a word list from a file (one word per line), all or nothing."""

from pathlib import Path

from django.db import transaction

from .models import SensitiveWord, WordKind, list_changed

MAX_LENGTH = SensitiveWord._meta.get_field("word").max_length


class ListRefused(Exception):
    """The file cannot be loaded; the message is one plain sentence."""


def read_words(path: Path) -> list[str]:
    if not path.is_file():
        raise ListRefused(f"文件 {path} 不存在。")
    try:
        lines = path.read_text(encoding="utf-8-sig").splitlines()
    except UnicodeDecodeError:
        raise ListRefused(f"文件 {path} 不是 UTF-8 编码的文本。") from None
    words = []
    for number, line in enumerate(lines, 1):
        word = line.strip()
        if len(word) > MAX_LENGTH:
            raise ListRefused(f"第 {number} 行的词语超过 {MAX_LENGTH} 个字，未做任何修改。")
        if word and not word.startswith("#"):
            words.append(word)
    return list(dict.fromkeys(words))


def load_words(words: list[str], kind: str) -> int:
    """Add the words (or set their kind if listed already); returns how many."""
    if kind not in WordKind.values:
        raise ListRefused(f"处理方式“{kind}”无效，应为 block 或 warn。")
    with transaction.atomic():
        SensitiveWord.objects.bulk_create(
            [SensitiveWord(word=word, kind=kind) for word in words],
            update_conflicts=True,
            unique_fields=["word"],
            update_fields=["kind", "changed_at"],
            batch_size=2000,
        )
    list_changed()
    return len(words)
