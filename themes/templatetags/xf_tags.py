from django import template
from wagtail.models import Site

register = template.Library()


@register.simple_tag(takes_context=True)
def site_home(context):
    """The home page of the site this request is for (None on a page with no site)."""
    request = context.get("request")
    if request is None:
        return None
    if not hasattr(request, "_xf_site_home"):
        site = Site.find_for_request(request)
        request._xf_site_home = site.root_page.specific if site else None
    return request._xf_site_home


@register.inclusion_tag("themes/nav.html", takes_context=True)
def site_nav(context):
    home = site_home(context)
    current = context.get("page")
    columns = list(home.columns) if home else []
    current_path = current.path if current is not None else ""
    return {
        "request": context.get("request"),
        "home": home,
        "columns": [(column, current_path.startswith(column.path)) for column in columns],
        "at_home": current is not None and home is not None and current.pk == home.pk,
    }
