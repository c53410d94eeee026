"""What every spreadsheet the network writes does to a text cell (the leaderboard,
the party registers): one a spreadsheet could run as a formula is written as text;
and how one is handed to the browser."""

from urllib.parse import quote

from django.http import HttpResponse

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

# What makes a spreadsheet read a cell as a formula (CSV injection, OWASP).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def as_text(value: str) -> str:
    """A name as a cell shows it: one that could start a formula gets a leading '."""
    return f"'{value}" if value.startswith(FORMULA_STARTS) else value


def xlsx_response(content: bytes, name: str) -> HttpResponse:
    """A workbook as a download named `name` (Chinese names survive: RFC 5987)."""
    response = HttpResponse(content, content_type=XLSX)
    response["Content-Disposition"] = f"attachment; filename*=UTF-8''{quote(name)}"
    return response
