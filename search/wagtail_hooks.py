"""The province edits the search synonym list (搜索同义词) in the admin."""

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Synonym


class SynonymViewSet(SnippetViewSet):
    model = Synonym
    icon = "search"
    menu_label = "搜索同义词"
    menu_order = 270
    add_to_admin_menu = True
    list_display = ["words", "updated_at"]
    search_fields = ["words"]


register_snippet(SynonymViewSet)
