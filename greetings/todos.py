"""待办提醒: once a day, each officer of a node with something to do gets one note
listing it (in the admin inbox and by e-mail): the 党务 dashboard's reminders (换届,
transfers to receive, recruits ready) and, in a quarter's last month, the
organisations with no meeting recorded this quarter (三会一课), for its organisers
and webmasters; the messages due or overdue (网络直通车) for its staff."""

from collections import defaultdict
from datetime import date

from messageboard.models import Message, MessageState
from network.models import Node, NodeGroup, Role
from network.roles import accounts_with_roles
from notifications.models import Channel, InboxItem
from notifications.sending import notify
from partyaffairs import queries as party

PARTY_ROLES = [Role.ORGANISER, Role.WEBMASTER]
MESSAGE_ROLES = [Role.EDITOR, Role.REVIEWER, Role.WEBMASTER]


def remind_officers(today: date) -> int:
    """One note per officer per day; returns how many were sent."""
    notes: dict[int, list[str]] = defaultdict(list)
    users = {}
    staffed = NodeGroup.objects.filter(group__user__isnull=False).values_list("node_id", "role")
    roles_by_node = defaultdict(set)
    for node_id, role in staffed.distinct():
        roles_by_node[node_id].add(role)
    messages = _messages_due(today)
    for node in Node.objects.filter(pk__in=roles_by_node).select_related("tenant"):
        roles = roles_by_node[node.pk]
        if roles & set(PARTY_ROLES):
            officers = accounts_with_roles(node, PARTY_ROLES)
            sentences = [sentence for sentence, _ in party.reminders(node)]
            if (quiet := _without_meetings(node, today)) is not None:
                sentences.append(quiet)
            for sentence in sentences:
                _add(notes, users, officers, f"{node.name}：{sentence}")
        due, overdue = messages.get(node.pk, (0, 0))
        if (due or overdue) and roles & set(MESSAGE_ROLES):
            sentence = (
                f"{node.name}：网络直通车有{due}条留言今天到期、{overdue}条已逾期，请及时答复。"
            )
            _add(notes, users, accounts_with_roles(node, MESSAGE_ROLES), sentence)
    topic, sent = f"greetings.todo.{today:%Y%m%d}", 0
    for user_id, lines in notes.items():
        user = users[user_id]
        if InboxItem.objects.filter(recipient=user, topic=topic).exists():
            continue
        notify([user], f"【待办提醒】{today:%m月%d日}有{len(lines)}项待办", "\n".join(lines),
               link="/admin/", topic=topic, channels=(Channel.EMAIL,))  # fmt: skip
        sent += 1
    return sent


def _add(notes, users, accounts, sentence: str) -> None:
    for account in accounts:
        users[account.pk] = account
        if sentence not in notes[account.pk]:
            notes[account.pk].append(sentence)


def _without_meetings(node: Node, today: date) -> str | None:
    """In a quarter's last month: how many of the node's organisations have recorded
    no meeting this quarter (they meet at least quarterly: 支部党员大会, 党课)."""
    if today.month % 3:
        return None
    _, rows = party.meetings_by_organisation(node, today, count=1)
    quiet = [name for name, counts in rows if not counts[-1]]
    if not quiet:
        return None
    return f"{len(quiet)}个党组织本季度还没有记录组织生活会议（三会一课），请在季度末前安排。"


def _messages_due(today: date) -> dict[int, tuple[int, int]]:
    """{node id: (due today, overdue)} of the messages waiting for an answer."""
    counts: dict[int, list[int]] = defaultdict(lambda: [0, 0])
    waiting = Message.objects.filter(state=MessageState.WAITING, due_on__lte=today)
    for node_id, due_on in waiting.values_list("node_id", "due_on"):
        counts[node_id][0 if due_on == today else 1] += 1
    return {node_id: (due, late) for node_id, (due, late) in counts.items()}
