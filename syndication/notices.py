"""Notices of the workflow (a review request, a receipt, a revocation), sent through
the network's one channel (notifications): each account's inbox line, and its e-mail
and text message from that outbox, after the delivery's transaction commits.

A delivery's notice is made once: it is written in the delivery's own transaction
(a delivery run again after a worker died finds nothing of it, or all of it) and
named by the delivery (its topic), which the 流转日志 reads back."""

from network.models import Node
from notifications.models import InboxItem
from notifications.sending import notify


def notice_topic(delivery_id: int) -> str:
    return f"syndication.delivery.{delivery_id}"


def queue_notice(delivery, accounts, subject: str, body: str, node: Node | None = None) -> int:
    """The delivery's notice to these accounts, made once; returns how many lines.
    `node` is where the link in it leads (its admin), when given."""
    topic = notice_topic(delivery.pk)
    accounts = list({account.pk: account for account in accounts}.values())
    if not accounts or InboxItem.objects.filter(topic=topic).exists():
        return 0
    link = node.link_for_mail("/admin/syndication/") if node is not None else ""
    return len(notify(accounts, subject, body, link=link, topic=topic))
