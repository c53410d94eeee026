"""Photos from a phone: checked, turned upright, made no larger than a page needs."""

import io
from pathlib import Path

from django.core.files.base import ContentFile
from PIL import Image, ImageOps, UnidentifiedImageError

MOST_BYTES = 20 * 1024 * 1024
# Longest side kept: the article shows 800 px, a retina screen twice that.
LONGEST_SIDE = 2000


class PhotoRefused(ValueError):
    """A file that is no usable photo; the message says why, in Chinese."""


def prepared_photo(upload) -> ContentFile:
    """The upload as a JPEG (or PNG with transparency), upright, at most 2000 px."""
    if upload.size > MOST_BYTES:
        raise PhotoRefused(f"照片“{upload.name}”超过 20 MB，请换一张或先压缩。")
    try:
        image = Image.open(upload)
        image.load()
    except (UnidentifiedImageError, OSError, Image.DecompressionBombError):
        raise PhotoRefused(f"“{upload.name}”不是图片，只能上传 JPG、PNG 等照片。") from None
    image = ImageOps.exif_transpose(image)
    image.thumbnail((LONGEST_SIDE, LONGEST_SIDE))
    keeps_alpha = image.mode in ("RGBA", "LA", "P") and upload.name.lower().endswith(".png")
    out = io.BytesIO()
    if keeps_alpha:
        image.save(out, "PNG", optimize=True)
        suffix = ".png"
    else:
        image.convert("RGB").save(out, "JPEG", quality=85, optimize=True)
        suffix = ".jpg"
    return ContentFile(out.getvalue(), name=Path(upload.name).stem[:60] + suffix)
