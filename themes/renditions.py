"""The renditions public pages show, made when an image is saved.

Wagtail makes a rendition the first time a page asks for it, inside that reader's
request (a resize costs tens to hundreds of milliseconds). Every size the themes'
templates use is listed here and made by a Celery task once the image is saved, so a
reader's render only looks one up (and, with fragments, rarely even that).
"""

# Every `{% image %}` filter in themes/ and shared_blocks/ templates (a test checks).
PUBLIC_RENDITIONS = (
    "fill-960x540",  # portal home: 图片新闻 carousel
    "fill-480x270",  # portal home: 视频
    "fill-800x450",  # home headline, lead
    "fill-400x225",  # home headlines
    "fill-400x300",  # campaign banner and lists
    "fill-1920x240",  # site banner
    "fill-96x96",  # site logo
    "max-800x800",  # images in an article
)


def make_public_renditions(image) -> int:
    """Make whichever of them the image lacks; returns how many it now has."""
    return len(image.get_renditions(*PUBLIC_RENDITIONS))
