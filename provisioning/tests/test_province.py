"""The full-size province file (issue 13, item 2): the right counts, codes under their
parents, unique names among siblings and domains, and the import accepts it whole."""

import csv
from collections import Counter

import pytest
from django.core.management import CommandError, call_command

from provisioning.importer import read_node_rows
from provisioning.nodes import check_spec
from provisioning.province import province_rows

pytestmark = pytest.mark.django_db


def test_the_province_has_anhuis_shape():
    rows = province_rows()
    levels = Counter(level for _, _, level, _, _ in rows)
    assert levels == {
        "province": 1, "city": 16, "county": 105, "township": 1260, "village": 18900
    }  # fmt: skip
    codes = {code: (parent, level) for code, parent, level, _, _ in rows}
    width = {"province": 6, "city": 6, "county": 6, "township": 9, "village": 12}
    for code, (parent, level) in codes.items():
        assert len(code) == width[level] and code.isdigit()
        if level in ("township", "village"):
            assert code.startswith(parent)  # 12 digits under 9 under 6
    assert len({domain for *_, domain in rows}) == len(rows)
    siblings = Counter((parent, name) for _, parent, _, name, _ in rows)
    assert max(siblings.values()) == 1
    assert province_rows() == rows  # the same seed, the same file


def test_generate_writes_a_file_the_import_accepts(tmp_path):
    path = tmp_path / "province.csv"
    call_command("network", "generate", str(path), "--townships", "2", "--villages", "3")
    with path.open(encoding="utf-8") as handle:
        header = next(csv.reader(handle))
    assert header == ["code", "parent_code", "level", "name", "domain"]
    rows = read_node_rows(path)
    assert len(rows) == 1 + 16 + 105 + 105 * 2 + 105 * 2 * 3
    # every row passes the import's own checks, as on an empty network (the test
    # network already holds 340000 and 340100)
    codes, domains, levels = set(), set(), {}
    for _, spec in rows:
        check_spec(spec, levels.get(spec.parent_code), codes=codes, domains=domains,
                   has_root=bool(levels))  # fmt: skip
        codes.add(spec.code)
        domains.add(spec.domain)
        levels[spec.code] = spec.level
    with pytest.raises(CommandError, match="须在 1 到 99 之间"):
        call_command("network", "generate", str(path), "--villages", "0")
