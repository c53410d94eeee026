"""网络直通车, the write side: a message left on a site, let in from moderation or
turned away, answered, referred up to the parent node (which then owns it), and a
staff member's read of the asker's phone number. Views and tasks call these; each
checks who may act and writes the message's history in the same transaction."""

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.html import strip_tags

from network.models import Node, Role
from network.people import person
from network.roles import accounts_with_roles, user_may_edit_content
from notifications.models import Channel
from notifications.sending import notify
from sensitivewords.checking import check_text, refusal

from .clock import due_date
from .guarding import Refused, take_rate_slot
from .models import Message, MessageState, MessageStep, StepKind

NOT_STAFF = "您不是该站点的工作人员，不能办理这条留言。"
MAX_TEXT = 2000
MAX_REPLY = 5000


@dataclass(frozen=True)
class Posting:
    name: str
    phone: str
    category: str
    text: str


def plain(text: str) -> str:
    """What a person typed, as plain text: markup is dropped, not rendered (the pages
    escape it again on output)."""
    return strip_tags(text or "").replace("\x00", "").strip()


def post_message(node: Node, posting: Posting, address: str) -> Message:
    """A message to `node`'s staff. Blocking words refuse it (the words named);
    warning words hold it for moderation. Raises Refused with one sentence."""
    name, text = plain(posting.name), plain(posting.text)
    if not name or not text:
        raise Refused("请填写姓名和留言内容。")
    if len(text) > MAX_TEXT:
        raise Refused(f"留言内容不能超过{MAX_TEXT}字。")
    findings = check_text(name, text)
    if (sentence := refusal(findings)) is not None:
        raise Refused(sentence)
    take_rate_slot(address)
    held = bool(findings.warning)
    today = timezone.localdate()
    with transaction.atomic():
        message = Message.objects.create(
            node=node, origin=node, name=name, phone=plain(posting.phone),
            category=posting.category, text=text, address=address or None,
            state=MessageState.HELD if held else MessageState.WAITING,
            clock_from=None if held else today,
            due_on=None if held else due_date(node, today),
        )  # fmt: skip
        note = f"含提示词：{'、'.join(findings.warning)}，转人工审核" if held else ""
        record_step(message, StepKind.POSTED, None, note)
        tell_staff(message, "待审核" if held else f"请于{message.due_on:%Y-%m-%d}前答复")
    return message


def tell_staff(message: Message, what: str) -> None:
    """The owning node's reviewers and webmasters: in their inbox and by e-mail."""
    staff = accounts_with_roles(message.node, [Role.REVIEWER, Role.WEBMASTER])
    notify(staff, f"【网络直通车】{message.node.name}收到一条留言（{what}）",
           message.text[:200], link=message.node.link_for_mail(f"/admin/messages/{message.pk}/"),
           topic="messageboard.new", channels=(Channel.EMAIL,))  # fmt: skip


def require_staff(user, message: Message) -> None:
    """Only the owning node's staff act on a message (its editors, reviewers and
    webmasters, and webmasters reaching it), and not once it is settled."""
    if not user_may_edit_content(user, message.node):
        raise PermissionDenied(NOT_STAFF)


def _locked(message: Message, user, states) -> Message:
    current = Message.objects.select_for_update().select_related("node").get(pk=message.pk)
    require_staff(user, current)
    if current.state not in states:
        raise Refused(f"这条留言现在是“{current.get_state_display()}”，不能再这样办理。")
    return current


def admit(message: Message, user) -> Message:
    """A held message let in: the clock starts today."""
    with transaction.atomic():
        message = _locked(message, user, [MessageState.HELD])
        today = timezone.localdate()
        message.state, message.clock_from = MessageState.WAITING, today
        message.due_on = due_date(message.node, today)
        message.save(update_fields=["state", "clock_from", "due_on"])
        record_step(message, StepKind.ADMITTED, user)
    return message


def hide(message: Message, user, reason: str) -> Message:
    """不予受理: spam or abuse, never shown, off the clock. The reason is recorded."""
    reason = plain(reason)
    if not reason:
        raise Refused("请写明不予受理的理由。")
    with transaction.atomic():
        message = _locked(message, user, [MessageState.HELD, MessageState.WAITING])
        message.state, message.public = MessageState.HIDDEN, False
        message.save(update_fields=["state", "public"])
        record_step(message, StepKind.HIDDEN, user, reason)
    return message


def answer(message: Message, user, reply: str, public: bool) -> Message:
    """The node's reply, shown on its board (the asker's name masked) when `public`."""
    reply = plain(reply)
    if not reply:
        raise Refused("请填写答复内容。")
    if len(reply) > MAX_REPLY:
        raise Refused(f"答复内容不能超过{MAX_REPLY}字。")
    if (sentence := refusal(check_text(reply))) is not None:
        raise Refused(sentence)
    with transaction.atomic():
        message = _locked(message, user, [MessageState.WAITING])
        message.state, message.reply, message.public = MessageState.ANSWERED, reply, public
        message.replied_at, message.replied_by = timezone.now(), user
        message.save(update_fields=["state", "reply", "public", "replied_at", "replied_by"])
        record_step(message, StepKind.REPLIED, user, "公开答复" if public else "不公开答复")
    return message


def refer_up(message: Message, user, note: str) -> Message:
    """转上级办理: the parent node owns it from now, with a full reply period of its own
    from today (the parent cannot answer for days the child spent)."""
    note = plain(note)
    if not note:
        raise Refused("请写明转上级办理的理由。")
    with transaction.atomic():
        message = _locked(message, user, [MessageState.WAITING])
        parent = message.node.get_parent()
        if parent is None:
            raise Refused("省级站点没有上级，不能转办。")
        today = timezone.localdate()
        message.node, message.clock_from = parent, today
        message.due_on, message.escalated_at = due_date(parent, today), None
        message.save(update_fields=["node", "clock_from", "due_on", "escalated_at"])
        record_step(message, StepKind.REFERRED, user, f"转{parent.name}：{note}")
        tell_staff(message, f"由{message.origin.name}转来，请于{message.due_on:%Y-%m-%d}前答复")
    return message


def read_phone(message: Message, user) -> str:
    """The asker's phone number for the owning node's staff; every read is recorded."""
    require_staff(user, message)
    if message.phone:
        record_step(message, StepKind.PHONE_READ, user)
    return message.phone


def record_step(message: Message, kind: str, user, note: str = "") -> MessageStep:
    return MessageStep.objects.create(
        message=message, kind=kind, node=message.node,
        actor=user if user is not None and user.is_authenticated else None,
        actor_name=person(user) if user is not None else "",
        note=note[:500],
    )  # fmt: skip
