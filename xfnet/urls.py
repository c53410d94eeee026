from django.conf import settings
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from search.views import search_page
from sites.feeds import feed
from syndication.views.public import story_page
from themes.views import media_file, robots_txt, sitemap

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("syndicated/<uuid:uuid>/", story_page, name="syndicated_story"),
    path("search/", search_page, name="site_search"),
    path("sitemap.xml", sitemap, name="sitemap"),
    path("robots.txt", robots_txt, name="robots_txt"),
    # Wagtail's own URLs take no dots, so feeds are routed here.
    path("rss.xml", feed, name="site_feed"),
    re_path(r"^(?P<column_path>(?:[\w\-]+/)+)rss\.xml$", feed, name="column_feed"),
]

if settings.DEBUG:
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()
# Images in development; never a document (nginx serves /media/ in production).
urlpatterns += [re_path(r"^media/(?P<path>.+)$", media_file, name="media_file")]

urlpatterns += [path("", include(wagtail_urls))]

handler404 = "themes.views.page_not_found"
handler500 = "themes.views.server_error"
