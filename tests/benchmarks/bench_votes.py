"""调查投票 under load (issue 18's floor): a public vote on a village site, answered
through gunicorn (production settings, 4 sync workers) by wrk with a new browser and
address each time, side by side with the anchor — a bare Django view doing one
INSERT behind the same middleware — interleaved; then the results page read while the
vote runs (p95), and the counts checked against the responses written.

    python tests/benchmarks/bench_votes.py --keep
"""

import argparse
import os
import secrets
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "xfnet.settings.test")

from bench_public import add_network_arguments, setup_bench_network
from bench_serving import run_wrk, shut_down, start_xfnet

CSRF = secrets.token_hex(16)  # a token of Django's own length, for the cookie and header

# Each request is a new browser (voter cookie) from a new address (X-Forwarded-For,
# which the production settings take from one trusted proxy).
SCRIPT = """
local counter = 0
setup = function(thread)
  counter = counter + 1
  thread:set("id", counter)
end
init = function(args)
  math.randomseed(id * 7919 + os.time())
  n = 0
end
request = function()
  n = n + 1
  local voter = string.format("w%%d-%%d-%%d", id, n, math.random(1, 1000000000))
  local address = string.format("10.%%d.%%d.%%d", math.random(0, 255), math.random(0, 255),
                                math.random(1, 254))
  local headers = {
    ["Host"] = "%(host)s", ["X-Forwarded-Proto"] = "https", ["Origin"] = "https://%(host)s",
    ["X-Forwarded-For"] = address, ["X-CSRFToken"] = "%(csrf)s",
    ["Cookie"] = "csrftoken=%(csrf)s; xfvoter=" .. voter,
    ["Content-Type"] = "application/x-www-form-urlencoded",
  }
  local body = "%(field)s=" .. math.random(0, %(options)d - 1) .. "%(extra)s"
  return wrk.format("POST", "%(path)s", headers, body)
end
"""


def write_script(file: Path, **values) -> Path:
    file.write_text(SCRIPT % values)
    return file


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    add_network_arguments(parser)
    parser.set_defaults(cities=1, counties=1, villages=3)
    parser.add_argument("--seconds", type=int, default=20)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--gunicorn-workers", type=int, default=4)
    args = parser.parse_args()
    if shutil.which("wrk") is None:
        sys.exit("wrk is not installed (apt-get install wrk)")

    import django

    django.setup()
    from django.db import connection

    from network.models import Node
    from surveys.definitions import load
    from surveys.factories import vote_with
    from surveys.models import Choice, Response
    from surveys.results import count

    config = setup_bench_network(args, "xfnet_bench_votes")
    workdir = Path(
        subprocess.check_output(["mktemp", "-d", "/tmp/xfnet-votes-XXXX"], text=True).strip()
    )
    processes = []
    try:
        connection.set_schema_to_public()
        village = Node.objects.filter(level="village").order_by("path").first()
        host = village.primary_domain
        options = ["王建国", "李秀英", "张志强", "刘晓燕", "陈志强"]
        survey = vote_with(village, ("single", "推荐人选", "\n".join(options)), title="基准投票")
        question = survey.questions.get()
        # the anchor's rows go to a survey of their own: the vote's counts stay exact
        anchor_survey = vote_with(village, ("single", "锚", "甲\n乙"), title="锚")
        _, app_port = start_xfnet(workdir, args.gunicorn_workers, processes,
                                  settings_module="tests.benchmarks.vote_anchor")  # fmt: skip
        base = f"http://127.0.0.1:{app_port}"
        common = {"host": host, "csrf": CSRF, "options": len(options)}
        vote = write_script(workdir / "vote.lua", path=f"/surveys/{survey.uuid}/",
                            field=f"q{question.pk}", extra="", **common)  # fmt: skip
        anchor = write_script(workdir / "anchor.lua", path="/bench-insert/", field="x",
                              extra=f"&survey={anchor_survey.pk}", **common)  # fmt: skip
        for script in (anchor, vote):  # warm every worker
            run_wrk(base + "/", 2, connections=args.connections, script=script)
        Response.objects.filter(survey__in=[survey, anchor_survey]).delete()
        rounds, loads = {"anchor": [], "vote": []}, [os.getloadavg()[0]]
        for round_ in range(args.rounds):
            for name, script, target in (("anchor", anchor, anchor_survey), ("vote", vote, survey)):
                before = Response.objects.filter(survey=target).count()
                result = run_wrk(base + "/", args.seconds, connections=args.connections,
                                 script=script)  # fmt: skip
                result["written"] = Response.objects.filter(survey=target).count() - before
                rounds[name].append(result)
            loads.append(os.getloadavg()[0])
            print(f"round {round_ + 1}: anchor {rounds['anchor'][-1]['rps']:.0f}/s, "
                  f"vote {rounds['vote'][-1]['rps']:.0f}/s")  # fmt: skip
        # the results page, as a browser that has voted sees it, while voting runs
        voted = Response.objects.filter(survey=survey, voter__startswith="b").first().voter[1:]
        results_headers = {"Host": host, "X-Forwarded-Proto": "https",
                           "Cookie": f"xfvoter={voted}"}  # fmt: skip
        background = {}
        voting = threading.Thread(
            target=lambda: background.update(
                run_wrk(base + "/", args.seconds + 2, connections=args.connections, script=vote)
            )
        )
        voting.start()
        page = run_wrk(f"{base}/surveys/{survey.uuid}/", args.seconds, connections=2,
                       headers=results_headers)  # fmt: skip
        voting.join()
        loads.append(os.getloadavg()[0])
        # the counts equal the responses, and every vote accepted was written once (after
        # the requests wrk left in flight when it stopped have finished)
        time.sleep(3)
        definition = load(survey)
        tally = count(definition)
        responses = Response.objects.filter(survey=survey).count()
        choices = Choice.objects.filter(survey=survey).count()
        figures = (tally.responses, responses, choices, sum(tally.questions[0].counts))
        assert len(set(figures)) == 1, figures
        vote_rps = [r["rps"] for r in rounds["vote"]]
        anchor_rps = [r["rps"] for r in rounds["anchor"]]
        print()
        print(f"machine: {os.cpu_count()} cores; load {min(loads):.2f}-{max(loads):.2f}")
        print(f"anchor (one INSERT): {', '.join(f'{x:.0f}' for x in anchor_rps)} /s")
        ratio = max(vote_rps) / max(anchor_rps)
        print(f"vote:                {', '.join(f'{x:.0f}' for x in vote_rps)} /s "
              f"(best {max(vote_rps):.0f}/s, {ratio:.2f}× the anchor)")  # fmt: skip
        for name, results in rounds.items():
            for r in results:
                print(f"  {name}: {r['requests']} answered, {r['written']} written, "
                      f"non-2xx/3xx {r['non2xx']}, socket errors {r['socket']}, "
                      f"p50 {r['p50']:.1f} ms, p99 {r['p99']:.1f} ms")  # fmt: skip
        print(f"results page while voting ({background.get('rps', 0):.0f} votes/s beside it): "
              f"p50 {page['p50']:.1f} ms, p90 {page['p90']:.1f} ms, p99 {page['p99']:.1f} ms, "
              f"non-2xx {page['non2xx']}")  # fmt: skip
        print(f"counts: {responses} responses, tally {tally.questions[0].counts} — equal")
    finally:
        shut_down(processes, workdir, config, keep=args.keep)


if __name__ == "__main__":
    main()
