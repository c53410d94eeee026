"""Accent colours a webmaster may choose: white text on them must stay readable.

WCAG 2.1 AA asks for a contrast ratio of at least 4.5:1 for normal text.
"""

import re

from django.core.exceptions import ValidationError

HEX = re.compile(r"^#[0-9a-fA-F]{6}$")
MIN_CONTRAST = 4.5
DEFAULT_ACCENT = "#b0120a"
# Suggestions shown in the admin; each passes the check below (tested).
SUGGESTED = {
    "#b0120a": "党建红",
    "#8b0000": "深红",
    "#9a2a12": "赭红",
    "#1d4e89": "藏青",
    "#1f5e3b": "墨绿",
}


def _channel(value: int) -> float:
    c = value / 255
    return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4


def luminance(hex_colour: str) -> float:
    r, g, b = (int(hex_colour[i : i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * _channel(r) + 0.7152 * _channel(g) + 0.0722 * _channel(b)


def contrast(first: str, second: str) -> float:
    lighter, darker = sorted((luminance(first), luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def validate_accent(value: str) -> None:
    if not HEX.match(value or ""):
        raise ValidationError("请填写形如 #b0120a 的颜色值。")
    ratio = contrast(value, "#ffffff")
    if ratio < MIN_CONTRAST:
        raise ValidationError(
            f"这个颜色太浅，白色文字在上面看不清（对比度 {ratio:.1f}:1，至少需要 4.5:1），"
            "请选深一些的颜色。"
        )
