from django.conf import settings
from django.contrib.staticfiles.urls import staticfiles_urlpatterns
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail import views as wagtail_views
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls
from wagtail.documents.views import serve as document_views

from search.views import search_page, suggest
from syndication.views.public import story_page
from themes.feeds import feed
from themes.throttling import password_throttled
from themes.views import media_file, robots_txt, sitemap

# Wagtail's password forms for pages and document collections, with guessing throttled
# per protected item (restriction ids are per schema).
page_password = password_throttled("页面密码", "page_view_restriction_id")(
    wagtail_views.authenticate_with_password
)
document_password = password_throttled("文档密码", "restriction_id")(
    document_views.authenticate_with_password
)

urlpatterns = [
    path(
        "_util/authenticate_with_password/<int:page_view_restriction_id>/<int:page_id>/",
        page_password,
        name="wagtailcore_authenticate_with_password",
    ),
    path(
        "documents/authenticate_with_password/<int:restriction_id>/",
        document_password,
        name="wagtaildocs_authenticate_with_password",
    ),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("syndicated/<uuid:uuid>/", story_page, name="syndicated_story"),
    path("search/", search_page, name="site_search"),
    path("search/suggest/", suggest, name="search_suggest"),
    # 个人中心: party members' own records (partyaffairs), never cached.
    # 我的学习积分 (learning), before the rest of 个人中心 (partyaffairs).
    path("my/points/", include("learning.urls")),
    path("my/", include("partyaffairs.urls")),
    # 网络直通车: the public's messages and the answers shown (messageboard), never cached.
    path("messages/", include("messageboard.urls")),
    # 调查投票: questionnaires and votes (surveys), never cached (answers per browser).
    path("surveys/", include("surveys.urls")),
    # 论坛议事: each node's boards (forums), never cached (pages depend on the reader).
    path("forum/", include("forums.urls")),
    # 网上考试: members' exams (exams), never cached.
    path("exams/", include("exams.urls")),
    # 网上课堂: courses and lessons, members' progress (classroom), never cached.
    path("classroom/", include("classroom.urls")),
    path("sitemap.xml", sitemap, name="sitemap"),
    path("sitemap-<int:section>.xml", sitemap, name="sitemap_section"),
    path("robots.txt", robots_txt, name="robots_txt"),
    # Wagtail's own URLs take no dots, so feeds are routed here.
    path("rss.xml", feed, name="site_feed"),
    re_path(r"^(?P<column_path>(?:[\w\-]+/)+)rss\.xml$", feed, name="column_feed"),
]

if settings.DEBUG:
    urlpatterns += staticfiles_urlpatterns()
# Images in development; never a document (nginx serves /media/ in production).
urlpatterns += [re_path(r"^media/(?P<path>.+)$", media_file, name="media_file")]

urlpatterns += [path("", include(wagtail_urls))]

handler404 = "themes.views.page_not_found"
handler500 = "themes.views.server_error"
