"""Reading and writing the member spreadsheets a 组织部 keeps (xlsx, or csv from Excel).

The columns, by header (order free, aliases accepted; starred ones required): 姓名*
性别* 民族 出生日期* 身份证号码 学历* 入党日期* 转正日期 所在党组织* 所属站点 联系电话 党籍状态.
所属站点 (the village's name or 行政区划代码) tells apart organisations of the same name
in different villages; without it the organisation's name must be unique in the scope.
"""

import csv
import io
import re
from datetime import date, datetime

from network.exports import as_text

from .errors import PartyAffairsError

COLUMNS = {
    "姓名": "name", "性别": "gender", "民族": "ethnicity", "出生日期": "birth_date",
    "身份证号码": "id_number", "学历": "education", "入党日期": "joined_on",
    "转正日期": "full_member_on", "所在党组织": "organisation", "所属站点": "node",
    "联系电话": "phone", "党籍状态": "status",
}  # fmt: skip
REQUIRED = ("姓名", "性别", "出生日期", "学历", "入党日期", "所在党组织")
ALIASES = {
    "身份证号": "身份证号码", "公民身份号码": "身份证号码", "党组织": "所在党组织",
    "所在支部": "所在党组织", "所在党支部": "所在党组织", "手机号码": "联系电话",
    "电话": "联系电话", "手机": "联系电话", "文化程度": "学历", "加入党组织日期": "入党日期",
    "转为正式党员日期": "转正日期", "人员类别": "党籍状态", "站点": "所属站点",
}  # fmt: skip
_DATE = re.compile(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})(?:\s*[-/.月]\s*(\d{1,2})\s*日?)?\s*月?$")


def header_name(cell) -> str:
    text = re.sub(r"[\s*＊]", "", str(cell or ""))
    return ALIASES.get(text, text)


def parse_date(value) -> date | None:
    """2001-07-01, 2001/7/1, 2001.07.01, 2001年7月1日, or 2001.07 (the 1st); a
    spreadsheet's own date cells too. None when blank; ValueError when not a date."""
    if value in (None, ""):
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    match = _DATE.match(str(value).strip())
    if not match:
        raise ValueError(value)
    year, month, day = (int(part) if part else 1 for part in match.groups())
    return date(year, month, day)


def _decode(content: bytes) -> str:
    # Excel in China saves CSV as GBK; anything else is UTF-8 (with or without BOM).
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return content.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise PartyAffairsError("无法识别文件的文字编码，请另存为 Excel 文件（.xlsx）后再导入。")


def read_table(file_name: str, content: bytes) -> list[list]:
    """Every row of the first sheet (header first), blank rows kept for the numbering."""
    name = file_name.lower()
    if name.endswith(".csv"):
        return list(csv.reader(io.StringIO(_decode(content))))
    if name.endswith(".xlsx"):
        # openpyxl is 15 MB: loaded for the first spreadsheet, not by every worker
        from openpyxl import load_workbook

        try:
            workbook = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
        except Exception:  # openpyxl raises many kinds for a damaged file
            raise PartyAffairsError("文件无法打开，请确认是 Excel 文件（.xlsx）。") from None
        sheet = workbook.worksheets[0]
        return [list(row) for row in sheet.iter_rows(values_only=True)]
    raise PartyAffairsError("只能导入 Excel 文件（.xlsx）或 CSV 文件（.csv）。")


def header_map(header: list) -> dict[str, int]:
    """{field: column index}; refuses a header without the required columns."""
    names = [header_name(cell) for cell in header]
    missing = [column for column in REQUIRED if column not in names]
    if missing:
        raise PartyAffairsError(
            f"表格缺少必填列：{'、'.join(missing)}。请按导入模板的表头填写（第一行为表头）。"
        )
    return {COLUMNS[name]: index for index, name in enumerate(names) if name in COLUMNS}


def workbook_bytes(title: str, header: list[str], rows) -> bytes:
    """An xlsx of one sheet; text cells are written so none runs as a formula."""
    # openpyxl is 15 MB: loaded for the first spreadsheet, not by every worker
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title)
    sheet.append(header)
    for row in rows:
        sheet.append([as_text(cell) if isinstance(cell, str) else cell for cell in row])
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def template_bytes() -> bytes:
    example = ["王秀英", "女", "汉族", "1980-05-12", "", "大学专科", "2005-07-01",
               "2006-07-01", "义城村党支部", "", "13800000000", "正式党员"]  # fmt: skip
    return workbook_bytes("党员信息", list(COLUMNS), [example])
