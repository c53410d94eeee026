"""The province edits the network-wide banner and links in the admin (as snippets)."""

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import AllianceLink, Campaign


class CampaignViewSet(SnippetViewSet):
    model = Campaign
    icon = "image"
    list_display = ["title", "starts_at", "ends_at", "active"]


class AllianceLinkViewSet(SnippetViewSet):
    model = AllianceLink
    icon = "link"
    list_display = ["name", "url", "sort_order"]


class NetworkContentGroup(SnippetViewSetGroup):
    items = (CampaignViewSet, AllianceLinkViewSet)
    menu_label = "全网共享板块"
    menu_icon = "site"
    menu_order = 260


register_snippet(NetworkContentGroup)
