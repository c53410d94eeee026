"""题库 import from a spreadsheet, all or nothing: a header row naming the columns
(题型, 题目, 选项A…选项F, 答案, 解析), then one question a row. A missing column or a
bad row refuses the file with one sentence per problem; nothing is written then."""

from dataclasses import dataclass

from django.db import transaction

from network.models import Node

from .grading import accepted
from .models import LETTERS, BankQuestion, QuestionKind

KINDS = {label: value for value, label in QuestionKind.choices} | {
    "单选": QuestionKind.SINGLE, "多选": QuestionKind.MULTIPLE, "判断": QuestionKind.JUDGE,
    "填空": QuestionKind.BLANK,
}  # fmt: skip
REQUIRED = ("题型", "题目", "答案")
MAX_ROWS = 5000
MAX_BYTES = 10 * 1024 * 1024


class BankRefused(Exception):
    pass


@dataclass
class Imported:
    count: int


def _rows(upload):
    # openpyxl is 15 MB: loaded for the first import, not by every worker
    from openpyxl import load_workbook

    if upload.size > MAX_BYTES:
        raise BankRefused("文件超过 10 MB，请分成几个文件导入。")
    try:
        book = load_workbook(upload, read_only=True, data_only=True)
    except Exception:  # openpyxl raises many kinds for a file that is not xlsx
        raise BankRefused("无法读取这个文件，请上传 Excel（.xlsx）格式的题库。") from None
    return list(book.active.iter_rows(values_only=True))


def _cell(row, column):
    value = row[column] if column is not None and column < len(row) else None
    return "" if value is None else str(value).strip()


def import_bank(node: Node, upload) -> Imported:
    rows = _rows(upload)
    if not rows:
        raise BankRefused("文件是空的。")
    header = [_cell(rows[0], i) for i in range(len(rows[0]))]
    missing = [name for name in REQUIRED if name not in header]
    if missing:
        raise BankRefused(f"第1行缺少“{'”“'.join(missing)}”列，请按模板填写表头。")
    where = {name: header.index(name) for name in header if name}
    option_columns = [where.get(f"选项{letter}") for letter in LETTERS[:6]]
    made, problems = [], []
    for number, row in enumerate(rows[1:], start=2):
        if not any(_cell(row, i) for i in range(len(row))):
            continue
        kind = KINDS.get(_cell(row, where["题型"]))
        text, key = _cell(row, where["题目"]), _cell(row, where["答案"])
        options = [_cell(row, column) for column in option_columns]
        options = [option for option in options if option]
        problem = _problem(kind, text, key, options)
        if problem:
            problems.append(f"第{number}行：{problem}")
            continue
        explanation = _cell(row, where.get("解析"))
        made.append(BankQuestion(node=node, kind=kind, text=text, options="\n".join(options),
                                 answer=key, explanation=explanation))  # fmt: skip
    if problems:
        raise BankRefused("；".join(problems[:20]) + ("……" if len(problems) > 20 else "") + "。")
    if not made:
        raise BankRefused("文件中没有试题。")
    if len(made) > MAX_ROWS:
        raise BankRefused(f"一次最多导入 {MAX_ROWS} 道题，请分成几个文件。")
    with transaction.atomic():
        BankQuestion.objects.bulk_create(made)
    return Imported(len(made))


def _problem(kind, text, key, options) -> str | None:
    if kind is None:
        return "题型应为单选题、多选题、判断题或填空题"
    if not text:
        return "题目为空"
    if not key:
        return "答案为空"
    if kind in (QuestionKind.SINGLE, QuestionKind.MULTIPLE):
        if len(options) < 2:
            return "选择题至少要有两个选项"
        forms = accepted(kind, key)
        if not forms or any(letter not in LETTERS[: len(options)] for letter in next(iter(forms))):
            return f"答案“{key}”不是选项中的字母"
    if kind == QuestionKind.JUDGE and not accepted(kind, key):
        return f"判断题答案应为“对”或“错”，不是“{key}”"
    return None
