"""我的学习积分 in 个人中心 (/my/points/): the member's total, rank in their
organisation, and each award. Never cached."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.views.decorators.cache import never_cache

from partyaffairs.accounts import member_account, organisation_of

from ..standing import standing


@never_cache
@login_required(login_url="/my/login/")
def my_points(request):
    account = member_account(request.user)
    mine = standing(account, organisation_of(account)) if account is not None else None
    return render(request, "learning/my_points.html", {"account": account, "standing": mine})
