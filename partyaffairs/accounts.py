"""Member accounts: a login for the public site's 个人中心, never for the admin."""

from django.contrib.auth import get_user_model, password_validation
from django.core.exceptions import ValidationError
from django.db import transaction
from django_tenants.utils import schema_context

from network.models import Node

from .access import audit, require_register
from .errors import PartyAffairsError
from .ledger.models import AuditAction, MemberAccount
from .models import Member, MemberStatus


def member_account(user):
    """The 个人中心 account of a logged-in member, else None."""
    if user is None or not user.is_authenticated:
        return None
    return getattr(user, "member_account", None)


def organisation_of(account) -> str:
    """The name of the member's own organisation in the register, for results and
    rankings by organisation (a name, nothing personal); empty when not found."""
    with schema_context(account.node.tenant.schema_name):
        member = Member.objects.filter(uuid=account.member_uuid).select_related("organisation")
        member = member.first()
    return member.organisation.name if member is not None else ""


def give_account(user, node: Node, member, *, username: str, password: str):
    """Open a member's 个人中心 login. The account holds no group, so it cannot
    enter the admin."""
    require_register(user, node)
    if member.status == MemberStatus.TRANSFERRED:
        raise PartyAffairsError("该党员已转出，请由接收站点开通。")
    if MemberAccount.objects.filter(member_uuid=member.uuid).exists():
        raise PartyAffairsError("该党员已开通账号。")
    User = get_user_model()
    if User.objects.filter(username=username).exists():
        raise PartyAffairsError(f"登录名“{username}”已被使用，请换一个。")
    account_user = User(username=username, first_name=member.name)
    try:
        password_validation.validate_password(password, account_user)
    except ValidationError as error:
        raise PartyAffairsError(error.messages[0]) from None
    with transaction.atomic():
        account_user.set_password(password)
        account_user.save()
        account = MemberAccount.objects.create(
            user=account_user, node=node, member_uuid=member.uuid
        )
        audit(user, node, AuditAction.CHANGE, member, f"开通个人中心账号 {username}")
    return account
