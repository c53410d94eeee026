"""Importing the network from a CSV file (code, parent_code, level, name, domain).

The whole file is checked before anything is written; then the nodes are made a
schema at a time (provisioning.building), each batch in its own transaction, so an
interrupted import is resumed by running it again: rows whose code exists already
(with the same level and domain) are skipped.
"""

import csv
from dataclasses import dataclass
from pathlib import Path

from django.db import DatabaseError, IntegrityError
from tqdm import tqdm

from network.levels import RANK, owns_schema
from network.models import Domain, Node

from .building import build_nodes
from .nodes import NodeSpec, ProvisioningError, check_spec

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


# At most this many nodes per transaction: a county's ~190 sites fit in one.
BATCH_SIZE = 400


def import_nodes(rows, progress=None) -> ImportResult:
    """Add every node of the file that does not exist yet: one transaction per schema
    (a county with its townships and villages), so a stopped import loses at most the
    county it was building, and running it again carries on from there."""
    todo, skipped = plan_import(rows)
    bar = tqdm(total=len(todo), unit="节点", file=progress, disable=progress is None)
    for batch in schema_batches(todo):
        bar.set_postfix_str(batch[0].code)
        try:
            build_nodes(batch)
        except DatabaseError as error:
            cause = (
                "代码或域名刚被其他操作占用"
                if isinstance(error, IntegrityError)
                else f"数据库出错（{str(error).strip().splitlines()[0]}）"
            )
            raise ImportRefused(
                f"写入节点 {batch[0].code} 起的 {len(batch)} 个节点时{cause}；"
                "这一批未写入，之前各批已保存，排除问题后重新运行即可续传。"
            ) from None
        bar.update(len(batch))
    bar.close()
    return ImportResult(added=len(todo), skipped=skipped)


def schema_batches(todo: list[NodeSpec]) -> list[list[NodeSpec]]:
    """The planned specs (parents first) grouped by the schema their sites go in, in
    that order, each group cut at BATCH_SIZE."""
    schema_of = dict(
        Node.objects.filter(code__in={spec.parent_code for spec in todo}).values_list(
            "code", "tenant__schema_name"
        )
    )
    groups: dict[str, list[NodeSpec]] = {}
    for spec in todo:
        if owns_schema(spec.level):
            schema_of[spec.code] = Node.schema_name_for(spec.code)
        else:
            schema_of[spec.code] = schema_of[spec.parent_code]
        groups.setdefault(schema_of[spec.code], []).append(spec)
    return [
        specs[start : start + BATCH_SIZE]
        for specs in groups.values()
        for start in range(0, len(specs), BATCH_SIZE)
    ]
