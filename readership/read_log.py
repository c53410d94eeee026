"""Reads nginx answered from its micro-cache, counted from its log.

nginx answers most repeat reads without asking Django (deploy/nginx/xfnet.conf), so
Django cannot count them. With `XFNET_READ_LOG` set, Django marks each counted page
response with `X-Xfnet-Read: <node id>:<page id>` (kept in both caches), nginx logs
every response that carries the mark in the `xfnet_reads` format:

    $msec <TAB> $request_method <TAB> $status <TAB> $sent_http_x_xfnet_read <TAB> $http_user_agent

and a Celery task (readership.tasks.fold_read_log, every minute) adds the new lines to
the hits that readership.counting folds. The position in the log moves in the same
transaction as the hits, so a line is counted once even if the task dies half-way.
logrotate renames the log to `<name>.1`; the rest of the renamed file is read first.
"""

import datetime
import os
from collections import Counter
from pathlib import Path

from django.db import connection, transaction

from .counting import is_reader
from .models import PageHit, ReadLogPosition

READ_HEADER = "X-Xfnet-Read"
# At most this much of the log per run: a backlog is worked off over several minutes
# instead of in one transaction that holds it all in memory.
MOST_BYTES_PER_RUN = 32 * 1024 * 1024


def mark_read(response, node_id: int, page_id: int) -> None:
    response[READ_HEADER] = f"{node_id}:{page_id}"


def parse_line(line: str) -> tuple[int, int, datetime.datetime] | None:
    """(node id, page id, when) of a counted read, or None for anything else."""
    fields = line.rstrip("\n").split("\t")
    if len(fields) != 5:
        return None
    msec, method, status, mark, agent = fields
    if method != "GET" or status != "200" or not is_reader(agent):
        return None
    node_id, _, page_id = mark.partition(":")
    try:
        when = datetime.datetime.fromtimestamp(float(msec), tz=datetime.UTC)
        return int(node_id), int(page_id), when
    except ValueError:
        return None


def read_complete_lines(path: Path, start: int, budget: int) -> tuple[list[str], int]:
    """Whole lines from `start` (a line nginx is still writing waits for the next
    run), and the offset after the last of them."""
    with open(path, "rb") as log:
        log.seek(start)
        data = log.read(budget)
    end = data.rfind(b"\n") + 1
    return data[:end].decode("utf-8", "replace").splitlines(), start + end


def unread_lines(path: Path, position: ReadLogPosition) -> list[str]:
    """Lines after the saved position, following one rotation; moves the position."""
    try:
        current = os.stat(path)
    except FileNotFoundError:
        return []
    lines = []
    start = position.offset
    if position.inode and position.inode != current.st_ino:
        rotated = path.with_name(path.name + ".1")
        if rotated.exists() and os.stat(rotated).st_ino == position.inode:
            lines, _ = read_complete_lines(rotated, position.offset, MOST_BYTES_PER_RUN)
        start = 0
    elif current.st_size < start:
        start = 0  # truncated in place (copytruncate)
    more, offset = read_complete_lines(path, start, MOST_BYTES_PER_RUN - sum(map(len, lines)))
    position.inode, position.offset = current.st_ino, offset
    return lines + more


def add_hits(counts: Counter) -> None:
    """One hit row per page and minute, carrying how many reads it stands for."""
    if not counts:
        return
    nodes, pages, times, views = zip(
        *((node, page, when, n) for (node, page, when), n in counts.items()), strict=True
    )
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO public.{PageHit._meta.db_table} (node_id, page_id, viewed_at, views) "
            "SELECT * FROM unnest(%s::int[], %s::int[], %s::timestamptz[], %s::int[])",
            [list(nodes), list(pages), list(times), list(views)],
        )


def fold_read_log(path: Path) -> int:
    """Count the reads logged since the last run; returns how many."""
    with transaction.atomic():
        position, _ = ReadLogPosition.objects.select_for_update().get_or_create(path=str(path))
        counts = Counter()
        for line in unread_lines(path, position):
            read = parse_line(line)
            if read is not None:
                node_id, page_id, when = read
                counts[node_id, page_id, when.replace(second=0, microsecond=0)] += 1
        add_hits(counts)
        position.save()
    return sum(counts.values())
