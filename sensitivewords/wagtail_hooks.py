"""The province keeps the list (错敏词) in the admin; bulk lists load with
`manage.py sensitivewords load FILE`."""

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import SensitiveWord


class SensitiveWordViewSet(SnippetViewSet):
    model = SensitiveWord
    icon = "warning"
    menu_label = "错敏词"
    menu_order = 285
    add_to_admin_menu = True
    list_display = ["word", "kind", "note", "changed_at"]
    list_filter = ["kind"]
    search_fields = ["word", "note"]


register_snippet(SensitiveWordViewSet)
