import csv
import io

import pytest
from django.core.management import CommandError, call_command

from network.models import Node

pytestmark = pytest.mark.django_db

HEADER = ["code", "parent_code", "level", "name", "domain"]
ROWS = [
    # deliberately not in tree order: the importer sorts parents first
    ["340123100201", "340123100", "village", "义城村", "yicheng.localhost"],
    ["340123", "340100", "county", "肥西县", "feixi.localhost"],
    ["340123100", "340123", "township", "上派镇", "shangpai.localhost"],
    ["340123100001", "340123100", "village", "新城社区", "xincheng.localhost"],
]


def write_csv(path, rows, header=HEADER):
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        writer.writerows(rows)
    return path


def run_import(path):
    out, err = io.StringIO(), io.StringIO()
    call_command("network", "import", str(path), stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_import_creates_the_tree_and_shows_progress(net, tmp_path):
    out, err = run_import(write_csv(tmp_path / "nodes.csv", ROWS))
    assert "新增 4 个节点" in out
    assert "4/4" in err  # the progress bar
    village = Node.objects.get(code="340123100201")
    assert [a.code for a in village.get_ancestors()] == ["340000", "340100", "340123", "340123100"]
    assert village.tenant.schema_name == "n340123"


def test_rerunning_an_import_resumes_and_never_duplicates(net, tmp_path):
    # a first run that stopped after the county and township
    run_import(write_csv(tmp_path / "part.csv", ROWS[1:3]))
    out, _ = run_import(write_csv(tmp_path / "all.csv", ROWS))
    assert "新增 2 个节点" in out and "跳过已存在的 2 个" in out
    out, _ = run_import(tmp_path / "all.csv")
    assert "新增 0 个节点" in out and "跳过已存在的 4 个" in out
    assert Node.objects.filter(code__startswith="340123").count() == 4


@pytest.mark.parametrize(
    ("rows", "message"),
    [
        ([*ROWS, ["340123100202", "340199", "village", "孤村", "gu.localhost"]],
         "上级节点 340199 不存在"),
        ([*ROWS, ["340123100202", "340123", "village", "越级村", "yue.localhost"]],
         "只能建在乡镇（街道）级节点之下"),
        ([*ROWS, ["340123100202", "340123100", "village", "重名村", "yicheng.localhost"]],
         "域名 yicheng.localhost 已被其他节点使用"),
        ([*ROWS, ["340123100201", "340123100", "village", "重码村", "chong.localhost"]],
         "代码 340123100201 已被其他节点使用"),
        ([*ROWS, ["340123100202", "340123100", "hamlet", "某村", "mou.localhost"]],
         "层级“hamlet”无效"),
        ([["340100", "340000", "city", "合肥", "other.localhost"]],
         "已存在，但层级或域名与文件不同"),
    ],
)  # fmt: skip
def test_a_bad_row_stops_the_import_before_any_change(net, tmp_path, rows, message):
    before = Node.objects.count()
    with pytest.raises(CommandError, match=message) as raised:
        run_import(write_csv(tmp_path / "bad.csv", rows))
    assert "第 " in str(raised.value)  # names the line
    assert Node.objects.count() == before


def test_missing_file_and_missing_columns(net, tmp_path):
    with pytest.raises(CommandError, match="不存在"):
        run_import(tmp_path / "nope.csv")
    path = write_csv(tmp_path / "cols.csv", [["340123", "340100"]], header=["code", "parent"])
    with pytest.raises(CommandError, match="缺少列"):
        run_import(path)
    bad = tmp_path / "gbk.csv"
    bad.write_bytes(",".join(HEADER).encode() + b"\n340123,340100,county," + "肥西".encode("gbk"))
    with pytest.raises(CommandError, match="UTF-8"):
        run_import(bad)
