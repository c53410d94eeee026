"""Documents through nginx: Django decides who may read a file, nginx sends its bytes.

Wagtail's document view checks the collection's privacy, then calls the
`SENDFILE_BACKEND` with the file's path. This backend answers with an
`X-Accel-Redirect` to an `internal` nginx location (deploy/nginx/xfnet.conf), so
no document is ever reachable at a public address of its own.
"""

from pathlib import Path
from urllib.parse import quote

from django.conf import settings
from django.http import Http404, HttpResponse


def sendfile(request, filename, mimetype="application/octet-stream", **kwargs):
    try:
        relative = Path(filename).resolve().relative_to(Path(settings.MEDIA_ROOT).resolve())
    except ValueError:
        raise Http404("不在媒体目录中的文件不能下载。") from None
    response = HttpResponse(content_type=mimetype)
    response["X-Accel-Redirect"] = quote(f"{settings.XFNET_PROTECTED_MEDIA_URL}{relative}")
    return response
