"""Wagtail's 用户 screens at the size of the network: five role groups per site make
some 100,000 groups, which Wagtail would offer as checkboxes (half a minute to draw
one page). Only the network-wide groups are offered here; a site's roles are given in
its 站点成员 screen (or `manage.py network grant`), and an account edited here keeps
the ones it holds.

Registered as Wagtail's users viewset by `UsersConfig` (network.wagtail_users).
"""

from django.contrib.auth.models import Group
from wagtail.users.forms import UserCreationForm, UserEditForm
from wagtail.users.views.users import UserFilterSet, UserViewSet

ROLES_HELP = "各站点的角色（编辑、审核、站长等）请在该站点的“站点成员”中分配。"


def network_wide_groups():
    return Group.objects.filter(node_role__isnull=True).order_by("name")


class NetworkWideGroupsMixin:
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "groups" in self.fields:
            self.fields["groups"].queryset = network_wide_groups()
            self.fields["groups"].help_text = ROLES_HELP

    def _save_m2m(self):
        # the form sets the groups it offers; the site roles it does not offer stay
        site_roles = []
        if self.instance.pk and "groups" in self.fields:
            site_roles = list(self.instance.groups.filter(node_role__isnull=False))
        super()._save_m2m()
        if site_roles:
            self.instance.groups.add(*site_roles)


class NetworkUserCreationForm(NetworkWideGroupsMixin, UserCreationForm):
    pass


class NetworkUserEditForm(NetworkWideGroupsMixin, UserEditForm):
    pass


class NetworkUserFilterSet(UserFilterSet):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.filters["group"].queryset = network_wide_groups()


class NetworkUserViewSet(UserViewSet):
    filterset_class = NetworkUserFilterSet

    def get_form_class(self, for_update=False):
        return NetworkUserEditForm if for_update else NetworkUserCreationForm
