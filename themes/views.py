import sys

from django.conf import settings
from django.db import InterfaceError, OperationalError
from django.http import Http404, HttpResponse, HttpResponseServerError
from django.shortcuts import render
from django.template import loader
from django.template.response import TemplateResponse
from django.views.static import serve

from sites.visibility import public_pages

from .site import site_home

# What a database restart raises (connection refused or dropped).
DATABASE_UNREACHABLE = (OperationalError, InterfaceError)
# The sitemap protocol's limit for one file.
SITEMAP_LIMIT = 50_000


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


def server_error(request):
    """500, or 503 when the database cannot be reached (a restart: worth a retry).

    No context processors that touch the database: this page renders when it is down.
    Django calls this inside its exception handler, so the exception is at hand."""
    error = sys.exc_info()[1]
    if isinstance(error, DATABASE_UNREACHABLE):
        response = HttpResponse(loader.get_template("503.html").render(), status=503)
        response["Retry-After"] = "30"
        return response
    return HttpResponseServerError(loader.get_template("500.html").render())


def sitemap(request):
    """This site's public pages only: live, not behind a view restriction, under its
    own home page (a county's schema holds other sites too). Stories shown here from
    other sites are left out: their canonical address is at their origin."""
    home = site_home(request)
    if home is None:
        raise Http404
    pages = (
        public_pages(home.get_descendants(inclusive=True))
        .only("url_path", "last_published_at", "depth")
        .order_by("path")[:SITEMAP_LIMIT]
    )
    urlset = [
        {
            "location": request.build_absolute_uri(page.get_url(request=request)),
            "lastmod": page.last_published_at,
        }
        for page in pages
    ]
    return TemplateResponse(
        request, "sitemap.xml", {"urlset": urlset}, content_type="application/xml; charset=utf-8"
    )


def media_file(request, path):
    """Uploaded images while developing (nginx serves them in production). Documents
    are refused here whatever the setting: they are read at /documents/<id>/<name>,
    which checks the collection's privacy first."""
    if path.startswith("documents/") or not settings.DEBUG:
        raise Http404
    return serve(request, path, document_root=settings.MEDIA_ROOT)


def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /search/",
        f"Sitemap: {request.build_absolute_uri('/sitemap.xml')}",
        "",
    ]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")
