"""调查结果 as a spreadsheet: the totals, responses per site, and the free-text answers."""

from io import BytesIO

from network.exports import as_text


def workbook(survey, tally, sites, answers) -> bytes:
    # openpyxl is 15 MB: loaded for the first spreadsheet, not by every worker
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = "汇总"
    sheet.append([as_text(survey.title), f"共 {tally.responses} 份"])
    for result in tally.questions:
        sheet.append([])
        sheet.append([as_text(result.question.text), "人数", "比例"])
        for label, n, percent in result.rows:
            sheet.append([as_text(label), n, f"{percent}%"])
        if result.average is not None:
            sheet.append(["平均分", result.average])
    per_site = book.create_sheet("分站点")
    header = ["站点", "代码", "份数"]
    for result in tally.questions:
        header += [as_text(f"{result.question.text}：{label}") for label in result.labels]
    per_site.append(header)
    for row in sites:
        cells = [as_text(row.node.name), row.node.code, row.responses]
        for result in tally.questions:
            cells += row.counts[result.question.id]
        per_site.append(cells)
    written = book.create_sheet("文字回答")
    written.append(["站点", "题目", "回答"])
    for site, question, text in answers:
        written.append([as_text(site), as_text(question), as_text(text)])
    out = BytesIO()
    book.save(out)
    return out.getvalue()
