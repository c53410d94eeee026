"""个人中心 (/my/): a member's own record on the public site, read only.

Members log in here, not in the admin (their accounts hold no admin right). Nothing
here is cached, and a member reads only their own record (not audited: no one else's
data is disclosed).
"""

from dataclasses import dataclass
from datetime import timedelta

from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django_tenants.utils import schema_context

from notifications.queries import inbox_of

from ..errors import PartyAffairsError
from ..ledger.models import MemberAccount
from ..models import Meeting, Member, MemberStatus
from ..recruiting_rules import PROBATION
from ..research import my_research, research_columns, submit_research

QUIET_MONTHS = 3
INBOX_SHOWN = 10


class LoginView(auth_views.LoginView):
    template_name = "partyaffairs/my/login.html"
    redirect_authenticated_user = True
    next_page = "/my/"


@dataclass
class Own:
    member: Member
    meetings: list
    reminders: list


def own_record(account: MemberAccount) -> Own | None:
    node = account.node
    with schema_context(node.tenant.schema_name):
        member = (
            Member.objects.filter(uuid=account.member_uuid).select_related("organisation").first()
        )
        if member is None or member.status == MemberStatus.TRANSFERRED:
            return None
        meetings = list(member.meetings.order_by("-held_on")[:30])
        since = timezone.localdate() - timedelta(days=30 * QUIET_MONTHS)
        held = Meeting.objects.filter(organisation=member.organisation, held_on__gte=since).count()
    reminders = []
    if member.status == MemberStatus.PROBATIONARY:
        due = member.joined_on + PROBATION
        reminders.append(f"您的预备期将于{due:%Y年%m月%d日}届满，请提前向党组织提交转正申请。")
    attended = [m for m in meetings if m.held_on >= since]
    if held and not attended:
        reminders.append(
            f"近{QUIET_MONTHS}个月党组织召开了{held}次会议，您都未参加，请按时参加组织生活。"
        )
    return Own(member=member, meetings=meetings, reminders=reminders)


@never_cache
@login_required(login_url="/my/login/")
def my_home(request):
    account = MemberAccount.objects.filter(user=request.user).select_related("node__tenant").first()
    own = own_record(account) if account is not None else None
    context = {
        "account": account, "own": own, "node": getattr(request, "node", None),
        "inbox": list(inbox_of(request.user)[:INBOX_SHOWN]),
    }  # fmt: skip
    return render(request, "partyaffairs/my/home.html", context)


@never_cache
@login_required(login_url="/my/login/")
def my_research_view(request):
    """理论研究: the member's articles and the form to send one for review."""
    account = MemberAccount.objects.filter(user=request.user).select_related("node__tenant").first()
    if account is None:
        return render(request, "partyaffairs/my/research.html", {"account": None}, status=403)
    error, sent = None, False
    if request.method == "POST":
        try:
            submit_research(account, request.POST.get("title", ""), request.POST.get("text", ""),
                            request.POST.get("column"))  # fmt: skip
            sent = True
        except PartyAffairsError as refused:
            error = str(refused)
    context = {
        "account": account, "columns": research_columns(account.node), "error": error,
        "sent": sent, "typed": request.POST if error else {}, "mine": my_research(account),
    }  # fmt: skip
    return render(request, "partyaffairs/my/research.html", context, status=400 if error else 200)
