"""论坛议事, the write side: topics and replies (text and images, checked against the
错敏词 list, capped per account), quotes, reports, and the moderators' hide, show,
let in, pin and lock. Each checks who may act; refusals are one sentence."""

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.html import strip_tags

from messageboard.clock import due_date
from network.limits import count_in_window
from notifications.sending import notify
from sensitivewords.checking import check_text, refusal

from . import images as forum_images
from .access import may_moderate, may_post, member_account
from .models import BoardKind, Post, PostImage, PostState, Report, Topic

MAX_BODY = 5000
NOT_MEMBER = "只有本站及下级站点的党员登录后才能发帖。"
NOT_MODERATOR = "您不是该站点的工作人员，不能管理论坛。"


class PostRefused(Exception):
    pass


def _text(value: str, limit: int, what: str) -> str:
    text = strip_tags(value or "").replace("\x00", "").strip()
    if not text:
        raise PostRefused(f"请填写{what}。")
    if len(text) > limit:
        raise PostRefused(f"{what}不能超过{limit}字。")
    return text


def _checked(*texts) -> str:
    """The state a post starts in: held when it has a warning word; refused when a
    blocking word is there."""
    findings = check_text(*texts)
    if (sentence := refusal(findings)) is not None:
        raise PostRefused(sentence)
    return PostState.HELD if findings.warning else PostState.VISIBLE


def _take_slot(user) -> None:
    posts, seconds = settings.XFNET_FORUM_RATE
    if count_in_window(f"xfforum:rate:{user.pk}", seconds) > posts:
        raise PostRefused(f"发帖过于频繁，请{max(seconds // 60, 1)}分钟后再试。")


def _cleaned_images(files) -> list:
    files = list(files or [])
    if len(files) > forum_images.MAX_IMAGES:
        raise PostRefused(f"每帖最多上传{forum_images.MAX_IMAGES}张图片。")
    try:
        return [forum_images.clean(upload) for upload in files]
    except forum_images.ImageRefused as refused:
        raise PostRefused(str(refused)) from None


def _attach(post: Post, cleaned) -> None:
    names = [forum_images.write(content, ext) for content, ext, _, _ in cleaned]
    PostImage.objects.bulk_create(
        PostImage(post=post, name=name, width=w, height=h)
        for name, (_, _, w, h) in zip(names, cleaned, strict=True)
    )


def start_topic(user, board, title: str, body: str, files=(), named=None) -> Topic:
    """A new topic with its opening post. In 点将台 `named` (a member account of the
    node or below) must answer within the reply deadline."""
    node = board.node
    if not may_post(user, node):
        raise PermissionDenied(NOT_MEMBER)
    title, body = _text(title, 80, "标题"), _text(body, MAX_BODY, "内容")
    if named is not None:
        if board.kind != BoardKind.NOMINATE or not may_moderate(user, node):
            raise PostRefused("只有在点将台、由本站工作人员才能点名作答。")
        if not named.node.path.startswith(node.path):
            raise PostRefused("只能点名本站及下级站点的党员。")
    state = _checked(title, body)
    cleaned = _cleaned_images(files)
    _take_slot(user)
    now = timezone.now()
    with transaction.atomic():
        topic = Topic.objects.create(
            board=board, node=node, title=title, author=user, state=state, last_post_at=now,
            named=named.user if named else None,
            named_due_on=due_date(node, timezone.localdate()) if named else None,
        )  # fmt: skip
        post = Post.objects.create(topic=topic, author=user, body=body, state=state)
        _attach(post, cleaned)
        if named is not None:
            notify([named.user], f"【点将台】{node.name}请您作答：{title}",
                   f"请于{topic.named_due_on:%Y-%m-%d}前在论坛回复。",
                   link=node.link_for_mail(f"/forum/t/{topic.pk}/"),
                   topic="forums.named")  # fmt: skip
    return topic


def reply(user, topic: Topic, body: str, files=(), quote_id=None) -> Post:
    node = topic.node
    if not may_post(user, node):
        raise PermissionDenied(NOT_MEMBER)
    if topic.locked:
        raise PostRefused("这个主题已锁定，不能再回复。")
    if topic.state != PostState.VISIBLE and not may_moderate(user, node):
        raise PostRefused("这个主题暂不能回复。")
    body = _text(body, MAX_BODY, "内容")
    quote = None
    if quote_id:
        quote = Post.objects.filter(pk=quote_id, topic=topic, state=PostState.VISIBLE).first()
        if quote is None:
            raise PostRefused("引用的内容不存在或已隐藏。")
    state = _checked(body)
    cleaned = _cleaned_images(files)
    _take_slot(user)
    with transaction.atomic():
        post = Post.objects.create(topic=topic, author=user, body=body, quote=quote, state=state)
        _attach(post, cleaned)
        changes = {"last_post_at": post.created_at, "replies": F("replies") + 1}
        if topic.named_id == user.pk and topic.named_answered_at is None:
            changes["named_answered_at"] = post.created_at
        Topic.objects.filter(pk=topic.pk).update(**changes)
    return post


def report(user, post: Post, reason: str) -> Report:
    if member_account(user, post.topic.node) is None and not may_moderate(user, post.topic.node):
        raise PermissionDenied(NOT_MEMBER)
    reason = _text(reason, 200, "举报理由")
    report, created = Report.objects.get_or_create(post=post, reporter=user,
                                                   defaults={"reason": reason})  # fmt: skip
    if not created:
        raise PostRefused("您已经举报过这条内容，工作人员会尽快处理。")
    return report


def _moderated(user, node) -> None:
    if not may_moderate(user, node):
        raise PermissionDenied(NOT_MODERATOR)


def set_post_state(user, post: Post, state: str, reason: str = "") -> Post:
    """Hide (with a reason), show again, or let in a held post; reports on it close."""
    _moderated(user, post.topic.node)
    if state == PostState.HIDDEN:
        reason = _text(reason, 200, "隐藏理由")
    with transaction.atomic():
        post.state, post.hidden_reason = state, reason if state == PostState.HIDDEN else ""
        post.save(update_fields=["state", "hidden_reason"])
        opening = post.topic.posts.order_by("created_at", "pk").first()
        if opening is not None and opening.pk == post.pk:  # the topic stands with its opening
            Topic.objects.filter(pk=post.topic_id).update(state=state)
        post.reports.filter(resolved_at__isnull=True).update(resolved_at=timezone.now())
    return post


def set_topic_flags(user, topic: Topic, *, pinned=None, locked=None) -> Topic:
    _moderated(user, topic.node)
    if pinned is not None:
        topic.pinned = pinned
    if locked is not None:
        topic.locked = locked
    topic.save(update_fields=["pinned", "locked"])
    return topic
