"""The Content-Security-Policy of public pages: no script runs but the theme's own.

The one inline script (the reader's 字号, 高对比度 and 长辈模式 applied before the first
paint, so large text does not flash small) is allowed by its hash, computed from the
same text the template prints; nothing else inline can run, so injected markup
cannot run script. Inline styles stay allowed: a site's accent colour and banner are
set per site. The admin (Wagtail's own pages) is left to Wagtail.
"""

import base64
import hashlib

# Applied before paint; themes/static/themes/js/site.js has the toolbar that sets them.
READER_PREFERENCES_SCRIPT = (
    "try { var s = localStorage, c = document.documentElement.classList;"
    ' if (s.getItem("xf-elder") === "1") c.add("elder");'
    ' if (s.getItem("xf-contrast") === "1") c.add("contrast");'
    ' var f = s.getItem("xf-font"); if (f === "large" || f === "small") c.add("font-" + f);'
    " } catch (e) {}"
)


def script_hash(text: str) -> str:
    digest = hashlib.sha256(text.encode()).digest()
    return f"'sha256-{base64.b64encode(digest).decode()}'"


POLICY = "; ".join(
    [
        "default-src 'self'",
        f"script-src 'self' {script_hash(READER_PREFERENCES_SCRIPT)}",
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data:",
        # hls.js plays HLS through Media Source Extensions: the video's source is a blob:
        "media-src 'self' blob:",
        # embedded videos (EmbedBlock) come from video sites' players
        "frame-src 'self' https:",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'self'",
    ]
)
UNPOLICED_PREFIXES = ("/admin/", "/documents/")


class ContentSecurityPolicyMiddleware:
    """Inside the page cache, so cached pages carry the header too."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if not request.path.startswith(UNPOLICED_PREFIXES) and response.get(
            "Content-Type", ""
        ).startswith("text/html"):
            response.setdefault("Content-Security-Policy", POLICY)
        return response
