"""A camera's or phone's file name is not a description of the photo: such a title
must never become the `alt` a screen reader reads out."""

import re

# IMG_20261123_093012, DSC01234, PXL_2026…, mmexport1700000000000, 微信图片_2026…, photo12
CAMERA_FILE_NAME = re.compile(
    r"^(img|dsc|dscn|dcim|pxl|mvimg|wp|photo|image|screenshot|mmexport|微信图片|屏幕截图|截图)"
    r"[\s_\-]*[\d_\-\s()（）]*(\.\w{2,5})?$",
    re.IGNORECASE,
)


def is_camera_file_name(title: str) -> bool:
    """True for a title that is only a device's file name (or only digits)."""
    stem = (title or "").strip()
    return bool(CAMERA_FILE_NAME.match(stem)) or bool(
        re.fullmatch(r"[\d_\-.\s]+(jpe?g|png)?", stem, re.I)
    )
