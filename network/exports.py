"""What every spreadsheet the network writes does to a text cell (the leaderboard,
the party registers): one a spreadsheet could run as a formula is written as text;
and how one is handed to the browser."""

from io import BytesIO
from urllib.parse import quote

from django.http import HttpResponse

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

# What makes a spreadsheet read a cell as a formula (CSV injection, OWASP).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def as_text(value: str) -> str:
    """A name as a cell shows it: one that could start a formula gets a leading '."""
    return f"'{value}" if value.startswith(FORMULA_STARTS) else value


def xlsx_bytes(sheets) -> bytes:
    """A workbook of (title, rows) sheets, in that order, as the bytes of an .xlsx."""
    # openpyxl is 15 MB: loaded for the first spreadsheet, not by every worker
    from openpyxl import Workbook

    book = Workbook()
    book.remove(book.active)
    for title, rows in sheets:
        sheet = book.create_sheet(title)
        for row in rows:
            sheet.append(row)
    out = BytesIO()
    book.save(out)
    return out.getvalue()


def xlsx_response(content: bytes, name: str) -> HttpResponse:
    """A workbook as a download named `name` (Chinese names survive: RFC 5987)."""
    response = HttpResponse(content, content_type=XLSX)
    response["Content-Disposition"] = f"attachment; filename*=UTF-8''{quote(name)}"
    return response
