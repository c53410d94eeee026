"""Wagtail's users app with the network's users viewset (network.users), the way
Wagtail documents replacing it: this config stands in INSTALLED_APPS for
"wagtail.users"."""

from wagtail.users.apps import WagtailUsersAppConfig


class UsersConfig(WagtailUsersAppConfig):
    user_viewset = "network.users.NetworkUserViewSet"
