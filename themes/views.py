from django.conf import settings
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.template.response import TemplateResponse
from django.views.static import serve

from sites.visibility import public_pages

from .site import site_home

# The sitemap protocol's limit for one file.
SITEMAP_LIMIT = 50_000


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


def server_error(request):
    # No context processors that touch the database: this page must render when it is down.
    from django.http import HttpResponseServerError
    from django.template import loader

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
