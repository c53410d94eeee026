import math
import sys

from django.conf import settings
from django.db import InterfaceError, OperationalError
from django.http import Http404, HttpResponse, HttpResponseServerError
from django.shortcuts import render
from django.template import loader
from django.template.response import TemplateResponse
from django.urls import reverse
from django.views.static import serve

from sites.visibility import public_pages

from .site import site_home

# What a database restart raises (connection refused or dropped).
DATABASE_UNREACHABLE = (OperationalError, InterfaceError)


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


def sitemap(request, section=None):
    """This site's public pages only: live, not behind a view restriction, under its
    own home page (a county's schema holds other sites too). Stories shown here from
    other sites are left out: their canonical address is at their origin.

    Past the protocol's limit per file, /sitemap.xml is an index of /sitemap-1.xml,
    /sitemap-2.xml … each holding that many pages in tree order."""
    home = site_home(request)
    if home is None:
        raise Http404
    per_file = settings.XFNET_SITEMAP_URLS
    pages = public_pages(home.get_descendants(inclusive=True))
    ordered = pages.only("url_path", "last_published_at", "depth").order_by("path")
    if section is not None and section < 1:
        raise Http404
    start = ((section or 1) - 1) * per_file
    # one row past the file tells /sitemap.xml whether it must be an index; only then
    # are the pages counted
    chunk = list(ordered[start : start + per_file + (section is None)])
    if section is None and len(chunk) > per_file:
        return _sitemap_index(request, math.ceil(pages.count() / per_file))
    if not chunk and section not in (None, 1):
        raise Http404
    urlset = [
        {
            "location": request.build_absolute_uri(page.get_url(request=request)),
            "lastmod": page.last_published_at,
        }
        for page in chunk
    ]
    return TemplateResponse(
        request, "sitemap.xml", {"urlset": urlset}, content_type="application/xml; charset=utf-8"
    )


def _sitemap_index(request, files: int):
    sitemaps = [
        {"location": request.build_absolute_uri(reverse("sitemap_section", args=[n]))}
        for n in range(1, files + 1)
    ]
    return TemplateResponse(
        request,
        "sitemap_index.xml",
        {"sitemaps": sitemaps},
        content_type="application/xml; charset=utf-8",
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
