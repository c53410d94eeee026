"""RSS 2.0 for a site or a column: the newest articles, with absolute links."""

from django.http import Http404, HttpResponse
from django.utils.feedgenerator import Rss201rev2Feed

from sites.models import ColumnPage
from sites.visibility import public_pages

from .site import site_home, site_title

FEED_LENGTH = 20


def _absolute(request, page) -> str:
    return request.build_absolute_uri(page.get_url(request=request))


def rss_response(request, page, articles) -> HttpResponse:
    site = site_title(request)
    title = site if page.depth <= 2 else f"{page.title} - {site}"
    feed = Rss201rev2Feed(
        title=title,
        link=_absolute(request, page),
        description=getattr(page, "intro", "") or f"{title}最新文章",
        language="zh-cn",
        feed_url=request.build_absolute_uri(),
    )
    for article in articles:
        link = _absolute(request, article)
        feed.add_item(
            title=article.title,
            link=link,
            unique_id=link,
            description=article.teaser,
            pubdate=article.date,
            author_name=article.author or None,
            categories=[article.source] if article.source else None,
        )
    response = HttpResponse(content_type="application/rss+xml; charset=utf-8")
    feed.write(response, "utf-8")
    return response


def feed(request, column_path=""):
    """`/rss.xml` for the whole site, `/<column path>/rss.xml` for one column (its
    sub-columns included). Only public pages have feeds, and list only public articles."""
    home = site_home(request)
    if home is None:
        raise Http404
    if not column_path:
        page = home
    else:
        page = (
            public_pages(ColumnPage.objects.descendant_of(home))
            .filter(url_path=home.url_path + column_path)
            .first()
        )
        if page is None:
            raise Http404("没有这个栏目")
    return rss_response(request, page, page.feed_items()[:FEED_LENGTH])
