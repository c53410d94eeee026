import io
from datetime import date

import pytest
from django.db import connection
from django_tenants.utils import schema_context
from openpyxl import Workbook

from partyaffairs import idcards, importing
from partyaffairs.errors import PartyAffairsError
from partyaffairs.factories import OrganisationFactory, id_number
from partyaffairs.importing import ImportRefused, import_members, run_import, start_import
from partyaffairs.ledger.models import AuditEntry
from partyaffairs.models import ImportJob, Member
from partyaffairs.spreadsheets import template_bytes

HEADER = ["姓名", "性别", "民族", "出生日期", "身份证号", "文化程度", "入党日期", "转正日期",
          "所在党组织", "所属站点", "手机号码", "党籍状态"]  # fmt: skip


def row(name, birth, org="甲村党支部", site="", number=None, **overrides):
    values = {
        "姓名": name, "性别": "男", "民族": "汉族", "出生日期": birth, "身份证号": number or "",
        "文化程度": "高中", "入党日期": "2001.07", "转正日期": "2002年7月1日",
        "所在党组织": org, "所属站点": site, "手机号码": 13912345678.0, "党籍状态": "正式",
    }  # fmt: skip
    values.update(overrides)
    return [values[column] for column in HEADER]


def xlsx(rows, header=HEADER) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(header)
    for values in rows:
        sheet.append(values)
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def csv_gbk(rows) -> bytes:
    lines = [",".join(HEADER)] + [",".join(str(v) for v in values) for values in rows]
    return "\r\n".join(lines).encode("gb18030")


def test_a_county_imports_its_villages_members_from_xlsx_and_gbk_csv(net, officers, branches):
    number = id_number("340111", date(1980, 5, 12))
    rows = [
        row("王一", date(1980, 5, 12), number=number),
        row("王二", "1979/3/4", org="乙村党支部"),
        [],  # a blank line is skipped, not an error
        row("王三", "1979-03-04", site="340111001002", org="乙村党支部", 党籍状态="流动党员"),
    ]
    job = import_members(officers.county1, net.county1, "党员.xlsx", xlsx(rows))
    assert (job.state, job.rows_total, job.rows_done) == ("done", 3, 3)
    with schema_context(net.county1.tenant.schema_name):
        first = Member.objects.get(name="王一")
        assert (first.node_code, first.joined_on) == (net.village1.code, date(2001, 7, 1))
        assert idcards.decrypt(first.id_number_encrypted) == number
        assert first.phone == "13912345678"
        assert Member.objects.get(name="王三").status == "mobile"
        assert Member.objects.filter(node_code=net.village2.code).count() == 2
    assert AuditEntry.objects.filter(action="import").count() == 4  # 3 members + the file

    job = import_members(officers.village1, net.village1, "党员.csv",
                         csv_gbk([row("李四", "1975-01-02")]))  # fmt: skip
    assert job.rows_done == 1


def test_a_file_with_errors_writes_nothing_and_names_every_line(net, officers, branches):
    number = id_number("340111", date(1980, 5, 12))
    rows = [
        row("好人", "1980-05-12", number=number),
        row("坏日期", "1980-13-01"),
        row("重复", "1980-05-12", number=number),
        row("无组织", "1980-05-12", org="不存在党支部"),
        row("性别", "1980-05-12", 性别="M"),
        row("早转正", "1980-05-12", 转正日期="2001-08-01"),
    ]
    with pytest.raises(ImportRefused) as refused:
        import_members(officers.county1, net.county1, "党员.xlsx", xlsx(rows))
    assert refused.value.problems == [
        "第3行：出生日期“1980-13-01”不是有效日期（例：1980-05-12）。",
        "第4行：身份证号码与第2行重复。",
        "第5行：找不到党组织“不存在党支部”，请先在党组织管理中建立。",
        "第6行：性别应填“男”或“女”，不是“M”。",
        "第7行：转正日期应在入党（接收为预备党员）一年以后。",
    ]
    assert str(refused.value) == "文件中有5处错误，没有导入任何记录。请改正后重新导入。"
    with schema_context(net.county1.tenant.schema_name):
        assert not Member.objects.exists()
        assert not ImportJob.objects.exists()


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("党员.xlsx", xlsx([row("甲", "1980-01-01")], header=["姓名", "性别"]),
         "表格缺少必填列：出生日期、学历、入党日期、所在党组织。"),
        ("党员.docx", b"PK", "只能导入 Excel 文件（.xlsx）或 CSV 文件（.csv）。"),
        ("党员.xlsx", b"not a workbook", "文件无法打开，请确认是 Excel 文件（.xlsx）。"),
        ("党员.xlsx", xlsx([]), "文件中没有党员记录。"),
    ],
)  # fmt: skip
def test_wrong_files_are_refused_in_one_sentence(net, officers, branches, name, content, message):
    with pytest.raises(PartyAffairsError) as refused:
        import_members(officers.county1, net.county1, name, content)
    assert str(refused.value).startswith(message)


REFUSE_THE_FOURTH = """
CREATE FUNCTION refuse_fourth() RETURNS trigger AS $$
BEGIN
  IF NEW.name = '党员3' THEN RAISE EXCEPTION 'the disk is full'; END IF;
  RETURN NEW;
END $$ LANGUAGE plpgsql;
CREATE TRIGGER refuse_fourth BEFORE INSERT ON partyaffairs_member
  FOR EACH ROW EXECUTE FUNCTION refuse_fourth();
"""


def test_an_interrupted_import_resumes_where_it_stopped(net, officers, branches, monkeypatch):
    monkeypatch.setattr(importing, "BATCH", 2)
    numbers = [id_number("340111", date(1980, 1, day)) for day in range(1, 6)]
    rows = [row(f"党员{i}", date(1980, 1, i + 1), number=n) for i, n in enumerate(numbers)]
    content = xlsx(rows)
    with schema_context(net.county1.tenant.schema_name):
        job = start_import(officers.county1, net.county1, "党员.xlsx", content)
        with connection.cursor() as cursor:  # the database fails on the fourth row
            cursor.execute(REFUSE_THE_FOURTH)
        job = run_import(job, net.county1)
        assert (job.state, job.rows_done) == ("failed", 2)
        assert job.error.startswith("第4至5行写入时出错")
        assert Member.objects.count() == 2
        with connection.cursor() as cursor:
            cursor.execute("DROP TRIGGER refuse_fourth ON partyaffairs_member")
        resumed = start_import(officers.county1, net.county1, "党员.xlsx", content)
        assert resumed.pk == job.pk
        job = run_import(resumed, net.county1)
        assert (job.state, job.rows_done) == ("done", 5)
        assert sorted(Member.objects.values_list("name", flat=True)) == [
            f"党员{i}" for i in range(5)
        ]


def test_the_template_is_what_the_importer_reads(net, officers, branches):
    with schema_context(net.village1.tenant.schema_name):
        OrganisationFactory(node_code=net.village1.code, name="义城村党支部")
    job = import_members(officers.village1, net.village1, "模板.xlsx", template_bytes())
    assert job.rows_done == 1
