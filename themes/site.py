"""The site a public request is for: its home page and its settings, read once per request."""

from wagtail.models import Site

from .models import SiteTheme


def site_home(request):
    """The home page of the request's site (None on a host with no site)."""
    if not hasattr(request, "_xf_site_home"):
        site = Site.find_for_request(request)
        request._xf_site_home = site.root_page.specific if site else None
    return request._xf_site_home


def theme_for(request) -> SiteTheme | None:
    """The site's settings; unsaved defaults if the webmaster never opened them."""
    if not hasattr(request, "_xf_theme"):
        site = Site.find_for_request(request)
        theme = None
        if site is not None:
            theme = SiteTheme.objects.select_related("logo", "banner").filter(
                site=site
            ).first() or SiteTheme(site=site)
        request._xf_theme = theme
    return request._xf_theme


def site_title(request) -> str:
    theme = theme_for(request)
    if theme is not None and theme.site_name:
        return theme.site_name
    home = site_home(request)
    return home.title if home is not None else "先锋网"
