"""Forum images: what a member uploads is opened by Pillow and written again as a
fresh JPEG or PNG (no metadata, no trailing bytes, at most MAX_SIDE px), or refused
with one sentence. Kept under XFNET_FORUM_IMAGE_ROOT, outside what nginx serves."""

import uuid
from io import BytesIO
from pathlib import Path

from django.conf import settings
from PIL import Image, UnidentifiedImageError

MAX_BYTES = 5 * 1024 * 1024
MAX_IMAGES = 4
MAX_SIDE = 1600
Image.MAX_IMAGE_PIXELS = 40_000_000  # a decompression bomb is refused, not opened


class ImageRefused(Exception):
    pass


def clean(upload) -> tuple[bytes, str, int, int]:
    """(bytes, extension, width, height) of the re-encoded image."""
    if upload.size > MAX_BYTES:
        raise ImageRefused(f"图片“{upload.name}”超过 5 MB，请压缩后再上传。")
    try:
        with Image.open(upload) as image:
            image.load()
            kind = image.format
            image.thumbnail((MAX_SIDE, MAX_SIDE))
            keep_alpha = kind == "PNG" and image.mode in ("RGBA", "LA", "P")
            image = image.convert("RGBA" if keep_alpha else "RGB")
    except (UnidentifiedImageError, OSError, Image.DecompressionBombError):
        raise ImageRefused(f"“{upload.name}”不是可以识别的图片，请上传 JPG 或 PNG。") from None
    if kind not in ("JPEG", "PNG", "GIF", "WEBP"):
        raise ImageRefused(f"“{upload.name}”不是支持的图片格式，请上传 JPG 或 PNG。")
    out = BytesIO()
    if keep_alpha:
        image.save(out, "PNG", optimize=True)
        return out.getvalue(), "png", image.width, image.height
    image.save(out, "JPEG", quality=85)
    return out.getvalue(), "jpg", image.width, image.height


def write(content: bytes, extension: str) -> str:
    root = Path(settings.XFNET_FORUM_IMAGE_ROOT)
    root.mkdir(parents=True, exist_ok=True)
    name = f"{uuid.uuid4().hex}.{extension}"
    (root / name).write_bytes(content)
    return name


def path_of(name: str) -> Path:
    return Path(settings.XFNET_FORUM_IMAGE_ROOT) / Path(name).name
