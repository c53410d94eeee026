from django import template
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from network.mourning import is_mourning
from sites.models import ColumnPage
from sites.variants import variant_for
from sites.visibility import public_pages

from .. import site as site_lookup
from ..colours import DEFAULT_ACCENT
from ..csp import ELDER_MODE_SCRIPT

register = template.Library()


@register.simple_tag
def elder_mode_script():
    """The one inline script, as the Content-Security-Policy hashes it (themes.csp)."""
    return format_html("<script>{}</script>", mark_safe(ELDER_MODE_SCRIPT))


@register.simple_tag(takes_context=True)
def site_home(context):
    """The home page of the site this request is for (None on a page with no site)."""
    request = context.get("request")
    return site_lookup.site_home(request) if request is not None else None


@register.simple_tag(takes_context=True)
def site_theme(context):
    request = context.get("request")
    return site_lookup.theme_for(request) if request is not None else None


@register.simple_tag(takes_context=True)
def site_title(context):
    request = context.get("request")
    return site_lookup.site_title(request) if request is not None else "先锋网"


@register.simple_tag
def accent_colour(theme):
    return (theme.accent_colour if theme is not None else "") or DEFAULT_ACCENT


@register.simple_tag
def network_in_mourning():
    return is_mourning()


@register.simple_tag(takes_context=True)
def level_variant(context):
    request = context.get("request")
    return variant_for(getattr(request, "node", None))


@register.inclusion_tag("themes/nav.html", takes_context=True)
def site_nav(context):
    """Two levels of the site's columns, the one holding the current page marked."""
    home = site_home(context)
    current = context.get("page")
    current_path = current.path if current is not None else ""
    entries = []
    if home is not None:
        columns = (
            public_pages(ColumnPage.objects.descendant_of(home))
            .in_menu()
            .filter(depth__lte=home.depth + 2)
            .order_by("path")
        )
        by_path = {}
        for column in columns:
            entry = {
                "column": column,
                "current": current_path.startswith(column.path),
                "here": current_path == column.path,
                "children": [],
            }
            if column.depth == home.depth + 1:
                entries.append(entry)
                by_path[column.path] = entry
            elif column.path[: -column.steplen] in by_path:
                by_path[column.path[: -column.steplen]]["children"].append(entry)
    return {
        "request": context.get("request"),
        "entries": entries,
        "at_home": current is not None and home is not None and current.pk == home.pk,
    }
