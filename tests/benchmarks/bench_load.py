"""A bounded load run (issue 12): every site's home through deploy/nginx, 90% plain
reads and 10% that neither nginx nor the page cache answers (a session cookie), at
80% of the capacity measured first with the same mix, for 10 minutes, while the
province pushes a story to every site and a village publishes an article once a
minute. Reports the rate held, latency percentiles and errors (non-2xx, socket).

    python tests/benchmarks/bench_load.py --villages 30 --counties 3 --cities 1 --keep
"""

import argparse
import os
import random
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

SCRIPT = """
local hosts = {%(hosts)s}
local counter = 0
setup = function(thread)
  counter = counter + 1
  thread:set("seed", counter * 7919)
end
init = function(args)
  math.randomseed(seed)
end
request = function()
  local headers = {["Host"] = hosts[math.random(#hosts)],
                   ["User-Agent"] = "Mozilla/5.0 (xfnet load run)"}
  if math.random() < %(uncached)s then
    headers["Cookie"] = "sessionid=load-run"
  end
  return wrk.format("GET", "/", headers)
end
delay = function()
  return %(pause)s
end
"""


def write_script(path: Path, hosts: list[str], uncached: float, pause_ms: float) -> Path:
    path.write_text(
        SCRIPT
        % {
            "hosts": ", ".join(f'"{host}"' for host in hosts),
            "uncached": uncached,
            "pause": int(pause_ms),
        }
    )
    return path


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    add_network_arguments(parser)
    parser.add_argument("--minutes", type=float, default=10)
    parser.add_argument("--share", type=float, default=0.8, help="of the measured capacity")
    parser.add_argument("--uncached", type=float, default=0.1)
    parser.add_argument("--connections", type=int, default=64)
    parser.add_argument("--gunicorn-workers", type=int, default=4)
    args = parser.parse_args()
    if shutil.which("wrk") is None:
        sys.exit("wrk is not installed (apt-get install wrk)")

    import django

    django.setup()
    from django.db import connection
    from django_tenants.utils import schema_context

    from network.factories import UserFactory
    from network.models import Node
    from sites.factories import ArticlePageFactory, node_column
    from syndication.delivery import run_pending_here
    from syndication.factories import story_at
    from syndication.pushing import push_down

    config = setup_bench_network(args, "xfnet_bench_serving")
    workdir = Path(
        subprocess.check_output(["mktemp", "-d", "/tmp/xfnet-load-XXXX"], text=True).strip()
    )
    processes, stop = [], threading.Event()
    try:
        connection.set_schema_to_public()
        nodes = list(Node.objects.order_by("path"))
        hosts = [node.primary_domain for node in nodes]
        villages = [node for node in nodes if node.level == "village"]
        province = nodes[0]
        edge, _ = start_xfnet(workdir, args.gunicorn_workers, processes)
        print(f"network: {len(nodes)} nodes; every home, {args.uncached:.0%} uncached")

        script = write_script(workdir / "mix.lua", hosts, args.uncached, 0)
        run_wrk(edge, 5, connections=args.connections, script=script)  # warm
        capacity = run_wrk(edge, 20, connections=args.connections, script=script)
        target = capacity["rps"] * args.share
        pause = args.connections * 1000 / target
        print(f"capacity of the mix: {capacity['rps']:.0f} requests/s "
              f"(p99 {capacity['p99']:.1f} ms); target {target:.0f} requests/s "
              f"({args.share:.0%}): each of {args.connections} connections pauses "
              f"{pause:.0f} ms")  # fmt: skip
        write_script(script, hosts, args.uncached, pause)
        # Each request's own latency adds to the pause: measure it, and pause less.
        held = run_wrk(edge, 20, connections=args.connections, script=script)["rps"]
        pause = max(0.0, pause - (args.connections * 1000 / held - pause))
        write_script(script, hosts, args.uncached, pause)
        print(f"calibration: {held:.0f} requests/s held; pausing {pause:.0f} ms instead")

        changes = []
        reviewer = UserFactory(
            username=f"load_{secrets.token_hex(3)}", roles=[(province, "reviewer")]
        )

        def change_every_minute():
            rng = random.Random(1)
            while not stop.wait(60):
                title = f"负载测试下发{secrets.token_hex(3)}"
                began = time.monotonic()
                push_down(user=reviewer, node=province, story=story_at(province, title=title))
                run_pending_here()
                village = rng.choice(villages)
                with schema_context(village.tenant.schema_name):
                    page = ArticlePageFactory(
                        parent=node_column(village, "村务公开"), title=f"负载测试{title}"
                    )
                    page.save_revision().publish()
                connection.set_schema_to_public()
                changes.append(time.monotonic() - began)

        changer = threading.Thread(target=change_every_minute)
        loads = [os.getloadavg()[0]]
        changer.start()
        seconds = int(args.minutes * 60)
        result = run_wrk(edge, seconds, connections=args.connections, script=script)
        stop.set()
        changer.join()
        loads.append(os.getloadavg()[0])
        print(
            f"\n{args.minutes:g} minutes at {result['rps']:.0f} requests/s "
            f"({result['rps'] / capacity['rps']:.0%} of capacity), {result['requests']} requests: "
            f"p50 {result['p50']:.1f} ms, p90 {result['p90']:.1f} ms, p99 {result['p99']:.1f} ms; "
            f"errors: {result['non2xx']} non-2xx, {result['socket']} socket; "
            f"{len(changes)} pushes to every site and {len(changes)} publishes; "
            f"load average {min(loads):.2f}-{max(loads):.2f} (1-min, at start and end) "
            f"on {os.cpu_count()} cores"
        )
    finally:
        stop.set()
        shut_down(processes, workdir, config, keep=args.keep)


if __name__ == "__main__":
    main()
