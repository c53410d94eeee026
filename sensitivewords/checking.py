"""Checking text against the network's list: what the forms that take public input
(and editors, for articles) call. Each process keeps one automaton and rebuilds it
when the list's version in the shared cache changes."""

import threading
import uuid

from .matching import Findings, WordMatcher
from .models import VERSION_CACHE_KEY, SensitiveWord, shared_cache

_lock = threading.Lock()
_built: dict[str, object] = {"version": None, "matcher": None}


def current_matcher() -> WordMatcher:
    version = shared_cache().get(VERSION_CACHE_KEY)
    if version is None:
        version = uuid.uuid4().hex
        shared_cache().add(VERSION_CACHE_KEY, version, timeout=None)
        version = shared_cache().get(VERSION_CACHE_KEY, version)
    with _lock:
        if _built["version"] != version:
            _built["matcher"] = WordMatcher(SensitiveWord.objects.values_list("word", "kind"))
            _built["version"] = version
        return _built["matcher"]


def check_text(*texts: str) -> Findings:
    """The listed words in these texts (a post's title and body, say)."""
    return current_matcher().find("\n".join(text for text in texts if text))


def refusal(findings: Findings) -> str | None:
    """The one sentence a form shows for blocking words (None when there are none)."""
    if not findings.blocking:
        return None
    return f"内容含有不允许发布的词语：{'、'.join(findings.blocking)}，请修改后再提交。"
