import segno
from django import template
from django.utils import timezone
from django.utils.html import format_html, strip_tags
from django.utils.safestring import mark_safe

from network.mourning import is_mourning
from readership.downloads import downloads_of
from sites import library
from sites.models import ColumnPage
from sites.photo_titles import is_camera_file_name
from sites.variants import variant_for
from sites.visibility import public_pages

from .. import site as site_lookup
from ..colours import DEFAULT_ACCENT
from ..csp import READER_PREFERENCES_SCRIPT

register = template.Library()


@register.simple_tag
def reader_preferences_script():
    """The one inline script, as the Content-Security-Policy hashes it (themes.csp)."""
    return format_html("<script>{}</script>", mark_safe(READER_PREFERENCES_SCRIPT))


DESCRIPTION_LENGTH = 120


@register.simple_tag
def page_description(page, site_title):
    """The <meta name="description"> a search engine shows: what the page says of
    itself, else the start of an article's text, else what the page is."""
    if not hasattr(page, "search_description"):  # a search, tag or error page
        return site_title
    specific = getattr(page, "specific_deferred", page)
    text = (
        page.search_description or getattr(specific, "teaser", "") or getattr(specific, "intro", "")
    )
    if not text:
        for block in getattr(specific, "body", None) or []:
            if block.block_type == "paragraph":
                text = strip_tags(str(block.value)).strip()
                break
    if not text:
        text = (
            f"{site_title}{page.title}"
            if page.depth > 2
            else f"{site_title}：党建新闻、通知公告与基层动态"
        )
    text = " ".join(text.split())
    return text if len(text) <= DESCRIPTION_LENGTH else text[: DESCRIPTION_LENGTH - 1] + "…"


WEEKDAYS = "一二三四五六日"


@register.simple_tag
def date_line():
    """Today as a Chinese portal's header says it: 2026年11月23日 星期一."""
    today = timezone.localdate()
    return format_html(
        '<time datetime="{}">{}年{}月{}日 星期{}</time>',
        today.isoformat(), today.year, today.month, today.day, WEEKDAYS[today.weekday()],
    )  # fmt: skip


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


@register.simple_tag(takes_context=True)
def page_qr(context):
    """The QR code of this page's address as inline SVG, made here (no outside service),
    for a reader to scan with WeChat and share."""
    request = context["request"]
    code = segno.make(request.build_absolute_uri(request.path), error="m")
    svg = code.svg_inline(scale=1, border=2, omitsize=True)
    return mark_safe(svg.replace("<svg ", '<svg role="img" aria-label="本页网址的二维码" ', 1))


@register.filter
def photo_alt(image, caption=""):
    """What a screen reader says for a photo: its caption, else its title unless that
    is only the camera's file name (then nothing: the photo is not described)."""
    if caption:
        return caption
    title = getattr(image, "title", "")
    return "" if is_camera_file_name(title) else title


@register.simple_tag(takes_context=True)
def library_item(context, page):
    """资料中心: the item's file and its 下载次数 on this site, when the page is one
    (None otherwise, and for a file a reader may not download)."""
    # most articles attach nothing: known from the body, with no query
    has_file = any(block.block_type == "attachment" for block in page.body)
    if not has_file or not library.in_library(page):
        return None
    document = library.library_file(page)
    if document is None:
        return {"document": None}
    node = getattr(context.get("request"), "node", None)
    downloads = downloads_of(node.pk, [document.pk]).get(document.pk, 0) if node else 0
    extension = document.file_extension.lower()
    return {"document": document, "downloads": downloads, "extension": extension,
            "previewable": extension in library.PREVIEWABLE}  # fmt: skip
