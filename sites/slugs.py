"""Readable ASCII slugs for Chinese titles, written in pinyin."""

import re

from django.utils.text import slugify

MAX_SLUG_LENGTH = 60


def pinyin_slug(title: str, max_length: int = MAX_SLUG_LENGTH) -> str:
    """党建要闻 -> dang-jian-yao-wen; Latin words and digits are kept as they are."""
    # pypinyin's phrase dictionary is 55 MB: loaded by a process that writes pages,
    # not by every web worker that only serves them
    from pypinyin import Style, lazy_pinyin

    syllables = lazy_pinyin(title, style=Style.NORMAL, errors=lambda chars: chars)
    slug = slugify(" ".join(syllables), allow_unicode=False)
    slug = re.sub(r"-{2,}", "-", slug).strip("-")
    if len(slug) > max_length:
        # keep whole syllables: cut at the last hyphen within the limit
        slug = slug[: max_length + 1].rsplit("-", 1)[0]
    return slug or "page"


CHINESE = re.compile(r"[\u3400-\u9fff]")


def is_browser_slug(slug: str, title: str) -> bool:
    """Wagtail's editor fills the slug while the title is typed, keeping ASCII only: a
    Chinese title leaves its digits alone ("2026年第一季度…" -> "2026"). Such a slug
    was never chosen by anyone, and is replaced by the pinyin one."""
    return bool(slug) and bool(CHINESE.search(title or "")) and slug == slugify(title)
