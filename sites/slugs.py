"""Readable ASCII slugs for Chinese titles, written in pinyin."""

import re

from django.utils.text import slugify
from pypinyin import Style, lazy_pinyin

MAX_SLUG_LENGTH = 60


def pinyin_slug(title: str, max_length: int = MAX_SLUG_LENGTH) -> str:
    """党建要闻 -> dang-jian-yao-wen; Latin words and digits are kept as they are."""
    syllables = lazy_pinyin(title, style=Style.NORMAL, errors=lambda chars: chars)
    slug = slugify(" ".join(syllables), allow_unicode=False)
    slug = re.sub(r"-{2,}", "-", slug).strip("-")
    if len(slug) > max_length:
        # keep whole syllables: cut at the last hyphen within the limit
        slug = slug[: max_length + 1].rsplit("-", 1)[0]
    return slug or "page"
