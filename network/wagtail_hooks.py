from wagtail import hooks

from .admin_scope import within_roots

# Schema-wide statistics: meaningful to the provincial centre, not to a village editor.
SUPERUSER_REPORTS = ("page-types-usage",)


@hooks.register("construct_page_chooser_queryset")
def limit_page_chooser_to_own_sites(pages, request):
    return pages.filter(within_roots(request.user))


@hooks.register("construct_explorer_page_queryset")
def limit_explorer_to_own_sites(parent_page, pages, request):
    return pages.filter(within_roots(request.user))


@hooks.register("construct_reports_menu")
def hide_schema_wide_reports(request, menu_items):
    if not request.user.is_superuser:
        menu_items[:] = [item for item in menu_items if item.name not in SUPERUSER_REPORTS]
