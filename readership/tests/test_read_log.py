"""Counting from nginx's read log: every complete line once, across a rotation."""

import os

from readership.counting import fold_hits, views_of
from readership.read_log import fold_read_log

AGENT = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/120.0"


def line(node_id, page_id, *, method="GET", status=200, agent=AGENT, at=1795400000.5):
    return f"{at:.3f}\t{method}\t{status}\t{node_id}:{page_id}\t{agent}\n"


def test_only_complete_reader_lines_count_and_each_once(net, tmp_path):
    log = tmp_path / "reads.log"
    node = net.village1.pk
    log.write_text(
        line(node, 7) * 3
        + line(node, 7, method="HEAD")
        + line(node, 7, status=304)
        + line(node, 7, agent="Baiduspider/2.0")
        + "garbage without tabs\n"
        + line(node, 7)[:20]  # nginx is still writing this one
    )
    assert fold_read_log(log) == 3
    assert fold_read_log(log) == 0
    with open(log, "a") as more:
        more.write(line(node, 7)[20:] + line(node, 8))
    assert fold_read_log(log) == 2  # the finished line and the new one
    fold_hits()
    assert views_of(node, 7) == 4 and views_of(node, 8) == 1


def test_the_rest_of_a_rotated_log_is_counted_before_the_new_one(net, tmp_path):
    log = tmp_path / "reads.log"
    node = net.village2.pk
    log.write_text(line(node, 3))
    assert fold_read_log(log) == 1
    with open(log, "a") as more:
        more.write(line(node, 3) * 2)  # written before logrotate renamed it
    os.rename(log, tmp_path / "reads.log.1")
    log.write_text(line(node, 3) * 5)  # nginx reopened a new file
    assert fold_read_log(log) == 7
    assert fold_read_log(log) == 0
    fold_hits()
    assert views_of(node, 3) == 8


def test_no_log_yet_counts_nothing(db, tmp_path):
    assert fold_read_log(tmp_path / "missing.log") == 0
