"""The province edits the holiday calendar (节假日安排) in the admin."""

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import CalendarDay


class CalendarDayViewSet(SnippetViewSet):
    model = CalendarDay
    icon = "date"
    menu_label = "节假日安排"
    menu_order = 280
    add_to_admin_menu = True
    list_display = ["day", "kind", "name"]
    list_filter = ["kind"]


register_snippet(CalendarDayViewSet)
