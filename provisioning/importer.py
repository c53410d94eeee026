"""Importing the network from a CSV file (code, parent_code, level, name, domain).

The whole file is checked before anything is written; then each node is added in
its own transaction, so an interrupted import is resumed by running it again: rows
whose code exists already (with the same level and domain) are skipped.
"""

import csv
from dataclasses import dataclass
from pathlib import Path

from tqdm import tqdm

from network.levels import RANK
from network.models import Domain, Node

from .nodes import NodeSpec, ProvisioningError, add_node, check_spec

COLUMNS = ("code", "parent_code", "level", "name", "domain")


class ImportRefused(Exception):
    """The file cannot be imported; the message names the line and the reason."""


@dataclass
class ImportResult:
    added: int
    skipped: int


def read_node_rows(path: Path) -> list[tuple[int, NodeSpec]]:
    if not path.is_file():
        raise ImportRefused(f"文件 {path} 不存在。")
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            reader = csv.DictReader(handle)
            missing = [c for c in COLUMNS if c not in (reader.fieldnames or [])]
            if missing:
                raise ImportRefused(
                    f"文件 {path} 缺少列 {'、'.join(missing)}；应有列：{','.join(COLUMNS)}。"
                )
            return [
                (reader.line_num, NodeSpec.clean(**{c: row.get(c) for c in COLUMNS}))
                for row in reader
            ]
    except UnicodeDecodeError:
        raise ImportRefused(f"文件 {path} 不是 UTF-8 编码的 CSV。") from None


def plan_import(rows: list[tuple[int, NodeSpec]]) -> tuple[list[NodeSpec], int]:
    """Check every row; return the specs still to add (parents first) and how many exist."""
    existing = {node.code: node for node in Node.objects.only("code", "level", "path").iterator()}
    existing_domains = dict(Domain.objects.values_list("domain", "node__code"))
    levels = {code: node.level for code, node in existing.items()}
    codes, domains = set(existing), set(existing_domains)
    has_root = Node.get_root_nodes().exists()
    todo, skipped = [], 0
    for line, spec in sorted(rows, key=lambda row: RANK.get(row[1].level, len(RANK))):
        if spec.code in existing:
            node = existing[spec.code]
            if node.level != spec.level or existing_domains.get(spec.domain) != spec.code:
                raise ImportRefused(
                    f"第 {line} 行：代码 {spec.code} 已存在，但层级或域名与文件不同，未做任何修改。"
                )
            skipped += 1
            continue
        try:
            check_spec(
                spec, levels.get(spec.parent_code), codes=codes, domains=domains, has_root=has_root
            )
        except ProvisioningError as refused:
            reason = str(refused)
            if spec.parent_code and spec.parent_code not in levels:
                reason = f"上级节点 {spec.parent_code} 不存在。"
            raise ImportRefused(f"第 {line} 行：{reason}未做任何修改。") from None
        codes.add(spec.code)
        domains.add(spec.domain)
        levels[spec.code] = spec.level
        has_root = has_root or spec.parent_code is None
        todo.append(spec)
    return todo, skipped


def import_nodes(rows, progress=None) -> ImportResult:
    """Add every node of the file that does not exist yet."""
    todo, skipped = plan_import(rows)
    bar = tqdm(todo, unit="节点", file=progress, disable=progress is None)
    for spec in bar:
        bar.set_postfix_str(spec.code)
        add_node(spec)
    bar.close()
    return ImportResult(added=len(todo), skipped=skipped)
