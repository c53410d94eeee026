"""What keeps floods and robots off the public message form, with no outside service:
a per-address rate limit, an arithmetic challenge signed by the server and good once,
and a honeypot field a person never sees."""

import secrets
from dataclasses import dataclass

from django.conf import settings
from django.core import signing
from django.core.cache import caches

from network.limits import count_in_window

CHALLENGE_SALT = "xfmessages.challenge"
# how long a form may stay open before its challenge expires
CHALLENGE_SECONDS = 2 * 3600
HONEYPOT = "website"
NUMERALS = "零一二三四五六七八九十"


class Refused(Exception):
    """A post turned away before it is looked at: the sentence says why."""


def _cache():
    # network-wide (keyed without the schema): a flood across many sites is one flood
    return caches["pages"]


@dataclass(frozen=True)
class Challenge:
    question: str
    token: str


def new_challenge() -> Challenge:
    """Two small numbers to add, asked in words (a robot must read Chinese); the
    answer travels signed in the form, with a nonce that makes it good once."""
    a, b = secrets.randbelow(9) + 1, secrets.randbelow(9) + 1
    token = signing.dumps({"sum": a + b, "nonce": secrets.token_hex(8)}, salt=CHALLENGE_SALT)
    return Challenge(
        question=f"{NUMERALS[a]}加{NUMERALS[b]}等于几？（请填阿拉伯数字）", token=token
    )


def check_challenge(token: str, answer: str) -> None:
    """Raise Refused unless `answer` solves the challenge in `token`, not used before."""
    try:
        signed = signing.loads(token, salt=CHALLENGE_SALT, max_age=CHALLENGE_SECONDS)
    except signing.SignatureExpired:
        raise Refused("验证题已过期，请重新作答。") from None
    except signing.BadSignature:
        raise Refused("验证题无效，请刷新页面后重新作答。") from None
    if (answer or "").strip() != str(signed["sum"]):
        raise Refused("验证题答案不对，请重新计算。")
    # good once: a replayed form (same token) is refused
    if not _cache().add(f"xfmsg:nonce:{signed['nonce']}", 1, CHALLENGE_SECONDS):
        raise Refused("这份表单已经提交过了，请刷新页面后再留言。")


def take_rate_slot(address: str) -> None:
    """Count one post from this address; Raise Refused past the limit
    (XFNET_MESSAGE_RATE: posts per window of seconds)."""
    posts, seconds = settings.XFNET_MESSAGE_RATE
    if count_in_window(f"xfmsg:rate:{address}", seconds) > posts:
        raise Refused(f"留言过于频繁，请{max(seconds // 60, 1)}分钟后再试。")
