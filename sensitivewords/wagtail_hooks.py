"""The province keeps the list (错敏词) in the admin; bulk lists load with
`manage.py sensitivewords load FILE`."""

from django.contrib import messages
from django.utils.html import strip_tags
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .checking import check_text
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


# Editors are shown the listed words their page holds when they save it (the list
# is offered for articles too; it refuses only public input).
def _page_texts(page) -> list[str]:
    body = getattr(page, "body", None)
    return [
        page.title,
        getattr(page, "summary", "") or "",
        strip_tags(str(body)) if body is not None else "",
    ]


@hooks.register("after_create_page")
@hooks.register("after_edit_page")
def tell_the_editor_of_listed_words(request, page):
    found = check_text(*_page_texts(page))
    if found.blocking:
        messages.error(
            request, f"请注意：本页含有错敏词“{'、'.join(found.blocking)}”，发布前请修改。"
        )
    if found.warning:
        messages.warning(request, f"本页含有需核实的词语：{'、'.join(found.warning)}。")
