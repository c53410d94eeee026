"""调查结果 as a spreadsheet: the totals, responses per site, and the free-text answers."""

from network.exports import as_text, xlsx_bytes


def workbook(survey, tally, sites, answers) -> bytes:
    summary = [[as_text(survey.title), f"共 {tally.responses} 份"]]
    for result in tally.questions:
        summary += [[], [as_text(result.question.text), "人数", "比例"]]
        summary += [[as_text(label), n, f"{percent}%"] for label, n, percent in result.rows]
        if result.average is not None:
            summary.append(["平均分", result.average])
    header = ["站点", "代码", "份数"]
    for result in tally.questions:
        header += [as_text(f"{result.question.text}：{label}") for label in result.labels]
    per_site = [header]
    for row in sites:
        cells = [as_text(row.node.name), row.node.code, row.responses]
        for result in tally.questions:
            cells += row.counts[result.question.id]
        per_site.append(cells)
    written = [["站点", "题目", "回答"]] + [
        [as_text(site), as_text(question), as_text(text)] for site, question, text in answers
    ]
    return xlsx_bytes([("汇总", summary), ("分站点", per_site), ("文字回答", written)])
