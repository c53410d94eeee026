"""网上考试 under load (issue 16's floors): 2,000 members each with a 50-question
paper on a county exam, saving answers through gunicorn (production settings,
4 sync workers) at a paced rate above what 2,000 members answering 50 questions in
30 minutes make (56/s), then unpaced; side by side with the anchor (a bare Django
view doing one INSERT behind the same middleware). Then grading a 50-question paper
in this process, against two bare queries.

    python tests/benchmarks/bench_exams.py --keep
"""

import argparse
import json
import math
import os
import random
import secrets
import shutil
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "xfnet.settings.test")

from bench_public import add_network_arguments, setup_bench_network
from bench_serving import run_wrk, shut_down, start_xfnet

CSRF = secrets.token_hex(16)
DRAW = {"single": 20, "multiple": 10, "judge": 10, "blank": 10}
VALUES = {"single": "A", "multiple": "AB", "judge": "对", "blank": "共产主义"}

SCRIPT = """
local saves = {%(saves)s}
local counter = 0
setup = function(thread)
  counter = counter + 1
  thread:set("id", counter)
end
init = function(args)
  math.randomseed(id * 7919 + os.time())
end
request = function()
  local s = saves[math.random(#saves)]
  local headers = {
    ["Host"] = "%(host)s", ["X-Forwarded-Proto"] = "https", ["Origin"] = "https://%(host)s",
    ["X-CSRFToken"] = "%(csrf)s", ["Cookie"] = "csrftoken=%(csrf)s; sessionid=" .. s[1],
    ["Content-Type"] = "application/x-www-form-urlencoded",
  }
  return wrk.format("POST", s[2], headers, s[3])
end
%(delay)s
"""


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    add_network_arguments(parser)
    parser.set_defaults(cities=1, counties=1, villages=10)
    parser.add_argument("--members", type=int, default=2000)
    parser.add_argument("--seconds", type=int, default=20)
    parser.add_argument("--pause-ms", type=int, default=30, help="per connection, paced run")
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--gunicorn-workers", type=int, default=4)
    args = parser.parse_args()
    if shutil.which("wrk") is None:
        sys.exit("wrk is not installed (apt-get install wrk)")

    import django

    django.setup()
    from django.conf import settings
    from django.contrib.auth import (
        BACKEND_SESSION_KEY,
        HASH_SESSION_KEY,
        SESSION_KEY,
        get_user_model,
    )
    from django.contrib.sessions.backends.db import SessionStore
    from django.db import connection

    from exams.factories import BankQuestionFactory, ExamFactory
    from exams.models import Answer, Attempt, BankQuestion
    from exams.taking import grade, start
    from network.models import Node
    from partyaffairs.ledger.models import MemberAccount
    from surveys.factories import vote_with

    config = setup_bench_network(args, "xfnet_bench_exams")
    # the sessions made here are read by gunicorn: both sign with this key
    settings.SECRET_KEY = secrets.token_urlsafe(50)
    made = subprocess.check_output(["mktemp", "-d", "/tmp/xfnet-exams-XXXX"], text=True)
    workdir = Path(made.strip())
    processes = []
    try:
        connection.set_schema_to_public()
        county = Node.objects.filter(level="county").order_by("path").first()
        villages = list(Node.objects.filter(level="village", path__startswith=county.path))
        host = villages[0].primary_domain
        if not BankQuestion.objects.filter(node=county).exists():
            for kind, count in DRAW.items():
                for n in range(count * 3):
                    choices = "甲\n乙\n丙\n丁" if kind in ("single", "multiple") else ""
                    BankQuestionFactory(node=county, kind=kind, text=f"{kind} {n}",
                                        options=choices, answer=VALUES[kind])  # fmt: skip
        exam = ExamFactory(node=county, below=True, draw=DRAW, minutes=60)
        users = get_user_model()
        began = time.monotonic()
        people = users.objects.bulk_create(
            users(username=f"bench_exam_{exam.pk}_{n}", password="!") for n in range(args.members)
        )
        MemberAccount.objects.bulk_create(
            MemberAccount(
                user=user, node=random.choice(villages), member_uuid=secrets.token_hex(16)
            )
            for user in people
        )
        kinds = dict(BankQuestion.objects.filter(node=county).values_list("pk", "kind"))
        saves = []
        for user in users.objects.filter(pk__in=[u.pk for u in people]).select_related(
            "member_account__node__tenant"
        ):
            attempt = start(exam, user)
            session = SessionStore()
            session[SESSION_KEY] = str(user.pk)
            session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
            session[HASH_SESSION_KEY] = user.get_session_auth_hash()
            session.create()
            for question in random.sample(attempt.paper, 5):
                body = f"question={question}&value={VALUES[kinds[question]]}"
                saves.append((session.session_key, f"/exams/a/{attempt.pk}/save/", body))
        print(
            f"{args.members} members with papers and sessions in {time.monotonic() - began:.0f} s"
        )
        anchor_survey = vote_with(villages[0], ("single", "锚", "甲\n乙"), title="锚")
        _, app_port = start_xfnet(workdir, args.gunicorn_workers, processes,
                                  settings_module="tests.benchmarks.vote_anchor",
                                  secret_key=settings.SECRET_KEY)  # fmt: skip
        base = f"http://127.0.0.1:{app_port}/"

        def script(name, rows, pause):
            lua = ", ".join(f'{{"{k}", "{p}", "{b}"}}' for k, p, b in rows)
            delay = f"delay = function() return {pause} end" if pause else ""
            path = workdir / f"{name}.lua"
            path.write_text(SCRIPT % {"saves": lua, "host": host, "csrf": CSRF, "delay": delay})
            return path

        anchor_rows = [
            (k, "/bench-insert/", f"survey={anchor_survey.pk}") for k, _, _ in saves[:2000]
        ]
        # one save by hand: answered as the member (not redirected to a login)
        key, path, body = saves[0]
        probe = urllib.request.Request(
            base.rstrip("/") + path, data=body.encode(), method="POST",
            headers={"Host": host, "X-Forwarded-Proto": "https", "Origin": f"https://{host}",
                     "X-CSRFToken": CSRF, "Cookie": f"csrftoken={CSRF}; sessionid={key}",
                     "Content-Type": "application/x-www-form-urlencoded"},
        )  # fmt: skip
        with urllib.request.urlopen(probe, timeout=30) as answer:
            assert json.loads(answer.read())["saved"] is True, "the probe save was not saved"
        runs, loads = {}, [os.getloadavg()[0]]
        for pause in (args.pause_ms, 0):
            for name, rows in (("anchor", anchor_rows), ("save", saves)):
                path = script(f"{name}-{pause}", rows, pause)
                run_wrk(base, 2, connections=args.connections, script=path)  # warm
                runs[(name, pause)] = run_wrk(base, args.seconds, connections=args.connections,
                                              script=path)  # fmt: skip
                loads.append(os.getloadavg()[0])
        # requests draw saves at random: this many distinct answers are expected written
        # (warm-up requests add a few more); far fewer would mean saves not answered
        written = Answer.objects.filter(attempt__exam=exam).count()
        drawn = sum(r["requests"] for (name, _), r in runs.items() if name == "save")
        expected = len(saves) * (1 - math.exp(-drawn / len(saves)))
        assert written >= 0.95 * expected, f"{written} answers written, {expected:.0f} expected"
        # grading: a 50-question paper with every question answered
        attempt = Attempt.objects.filter(exam=exam).first()
        Answer.objects.filter(attempt=attempt).delete()
        Answer.objects.bulk_create(
            Answer(attempt=attempt, question_id=q, value=VALUES[kinds[q]]) for q in attempt.paper
        )
        timings, bare = [], []
        for _ in range(200):
            t0 = time.perf_counter()
            grade(attempt)
            timings.append((time.perf_counter() - t0) * 1000)
            t0 = time.perf_counter()
            with connection.cursor() as cursor:
                cursor.execute("SELECT 1")
                cursor.execute("SELECT 1")
            bare.append((time.perf_counter() - t0) * 1000)
        print()
        print(f"machine: {os.cpu_count()} cores; load {min(loads):.2f}-{max(loads):.2f}; "
              f"{len(saves)} distinct saves over {args.members} members, "
              f"{written} written ({expected:.0f} expected from {drawn} drawn)")  # fmt: skip
        for (name, pause), r in runs.items():
            label = f"paced {pause} ms/conn" if pause else "unpaced"
            print(f"  {name:6} {label:18} {r['rps']:6.0f}/s  p50 {r['p50']:.1f} ms  "
                  f"p90 {r['p90']:.1f} ms  p99 {r['p99']:.1f} ms  "
                  f"non-2xx {r['non2xx']} socket {r['socket']}")  # fmt: skip
        median, p95 = statistics.median(timings), sorted(timings)[int(0.95 * len(timings))]
        two = statistics.median(bare)
        print(f"grading a {len(attempt.paper)}-question paper: median {median:.2f} ms, "
              f"p95 {p95:.2f} ms ({median / two:.1f}× two bare queries, {two:.2f} ms)")  # fmt: skip
    finally:
        shut_down(processes, workdir, config, keep=args.keep)


if __name__ == "__main__":
    main()
