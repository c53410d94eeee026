"""课堂视频 (issue 16's floors): a 100 MB, 10-minute 1080p upload through nginx and
gunicorn (production settings, deploy/nginx) is answered without waiting for the
transcode, which a real Celery worker runs with Debian's ffmpeg; while it runs, the
site keeps answering. Figures side by side with their anchors: the upload against
copying the same file on this disk, the transcode against the video's own length
(real time), page times during the transcode against the same page before it.

    python tests/benchmarks/bench_video.py            # ~10 min with the clip cached
"""

import argparse
import os
import secrets
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "xfnet.settings.test")

from bench_public import add_network_arguments, setup_bench_network
from bench_serving import ROOT, shut_down, start, start_xfnet, xfnet_env

CLIP = Path(tempfile.gettempdir()) / "xfnet-bench-1080p-600s.mp4"


def make_clip(seconds: int, target_mb: int) -> Path:
    """A 1080p clip of ffmpeg's test pattern with film grain (so it is not trivially
    compressible), at the bitrate that makes it about target_mb; cached in /tmp."""
    if CLIP.exists() and CLIP.stat().st_size > target_mb * 0.9e6:
        return CLIP
    kbps = int(target_mb * 8_000 / seconds) - 64
    print(f"making a {seconds} s 1080p clip of ~{target_mb} MB (once) ...", flush=True)
    subprocess.run(
        ["ffmpeg", "-v", "error", "-y", "-f", "lavfi",
         "-i", f"testsrc2=size=1920x1080:rate=25:duration={seconds}",
         "-f", "lavfi", "-i", f"sine=frequency=440:duration={seconds}",
         "-vf", "noise=alls=12:allf=t", "-c:v", "libx264", "-preset", "ultrafast",
         "-b:v", f"{kbps}k", "-maxrate", f"{kbps}k", "-bufsize", f"{kbps * 2}k",
         "-pix_fmt", "yuv420p", "-c:a", "aac", "-b:a", "64k", "-shortest", str(CLIP)],
        check=True,
    )  # fmt: skip
    return CLIP


def timed_get(url, headers) -> float:
    t0 = time.perf_counter()
    with urllib.request.urlopen(urllib.request.Request(url, headers=headers), timeout=60) as r:
        r.read()
    return (time.perf_counter() - t0) * 1000


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    add_network_arguments(parser)
    parser.set_defaults(cities=1, counties=1, villages=2)
    parser.add_argument("--seconds", type=int, default=600)
    parser.add_argument("--megabytes", type=int, default=100)
    parser.add_argument("--gunicorn-workers", type=int, default=2)
    args = parser.parse_args()
    if not os.environ.get("REDIS_URL", "").startswith("redis://"):
        # the worker and gunicorn share one REDIS_URL (broker and cache): a TCP server
        sys.exit("set REDIS_URL=redis://host:port/N (the embedded socket serves no worker)")
    for program in ("ffmpeg", "curl", "nginx"):
        if shutil.which(program, path=f"{os.environ.get('PATH', '')}:/usr/sbin") is None:
            sys.exit(f"{program} is not installed")
    clip = make_clip(args.seconds, args.megabytes)

    import django

    django.setup()
    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.sessions.backends.db import SessionStore
    from django.db import connection

    from network.factories import UserFactory
    from network.models import Node
    from videos.models import Video

    config = setup_bench_network(args, "xfnet_bench_video")
    settings.SECRET_KEY = secrets.token_urlsafe(50)
    workdir = Path(tempfile.mkdtemp(prefix="xfnet-video-"))
    processes = []
    try:
        connection.set_schema_to_public()
        county = Node.objects.filter(level="county").order_by("path").first()
        host = county.primary_domain
        editor = UserFactory(username=f"bench_video_{secrets.token_hex(3)}",
                             roles=[(county, "editor")])  # fmt: skip
        session = SessionStore()
        session[SESSION_KEY] = str(editor.pk)
        session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
        session[HASH_SESSION_KEY] = editor.get_session_auth_hash()
        session.create()
        csrf = secrets.token_hex(16)
        env = xfnet_env(workdir, "xfnet.settings.production", settings.SECRET_KEY)
        env["XFNET_VIDEO_SOURCE_ROOT"] = str(workdir / "sources")
        edge, app_port = start_xfnet(workdir, args.gunicorn_workers, processes, env=env)
        worker = start([sys.executable, "-m", "celery", "--quiet", "-A", "xfnet", "worker",
                        "--concurrency", "1", "--loglevel", "WARNING"], env, ROOT)  # fmt: skip
        processes.append(worker)
        page = f"http://127.0.0.1:{app_port}/robots.txt"
        page_headers = {"Host": host, "X-Forwarded-Proto": "https"}
        before = [timed_get(page, page_headers) for _ in range(30)]

        # the anchor: the same bytes copied on this disk
        t0 = time.perf_counter()
        shutil.copyfile(clip, workdir / "copy.mp4")
        copy_s = time.perf_counter() - t0
        (workdir / "copy.mp4").unlink()

        loads = [os.getloadavg()[0]]
        cookie = f"csrftoken={csrf}; sessionid={session.session_key}"
        t0 = time.perf_counter()
        upload = subprocess.run(
            ["curl", "-sk", "-o", "/dev/null", "-w", "%{http_code} %{time_total}",
             "-H", f"Host: {host}", "-H", f"X-CSRFToken: {csrf}", "-H", f"Cookie: {cookie}",
             "-H", f"Origin: https://{host}", "-H", f"Referer: https://{host}/admin/videos/",
             "-F", "title=十分钟党课", "-F", f"file=@{clip};type=video/mp4",
             f"{edge}admin/videos/upload/"],
            capture_output=True, text=True, check=True,
        )  # fmt: skip
        upload_s = time.perf_counter() - t0
        status = upload.stdout.split()[0]
        assert status == "302", f"upload answered {upload.stdout} {upload.stderr}"
        video = Video.objects.get(title="十分钟党课")
        state_after_upload = video.state

        during, done = [], threading.Event()

        def probe():
            while not done.is_set():
                during.append(timed_get(page, page_headers))
                time.sleep(1)

        prober = threading.Thread(target=probe, daemon=True)
        prober.start()
        deadline = time.monotonic() + args.seconds * 3
        while time.monotonic() < deadline:
            video.refresh_from_db()
            if video.state in ("ready", "failed"):
                break
            time.sleep(2)
            loads.append(os.getloadavg()[0])
        done.set()
        prober.join()
        assert video.state == "ready", f"transcode {video.state}: {video.error}"
        out = Path(settings.MEDIA_ROOT) / "videos" / str(video.uuid)
        sizes = {p.name: p.stat().st_size for p in out.iterdir() if p.is_file()}
        segments = sum(1 for _ in (out / "hls").rglob("*.ts"))
        ratio = video.transcode_seconds / video.duration

        def q(values, p):
            values = sorted(values)
            return values[min(int(len(values) * p), len(values) - 1)]

        print()
        print(f"machine: {os.cpu_count()} cores; load {min(loads):.2f}-{max(loads):.2f}")
        print(f"source: {clip.stat().st_size / 1e6:.1f} MB, {video.duration:.0f} s, "
              f"{video.width}x{video.height}")  # fmt: skip
        print(f"upload through nginx: {upload_s:.2f} s (HTTP {status}; video {state_after_upload}"
              f" when answered); copying the file on this disk {copy_s:.2f} s "
              f"= {upload_s / copy_s:.1f}x the copy")  # fmt: skip
        print(f"transcode by the worker: {video.transcode_seconds:.0f} s for "
              f"{video.duration:.0f} s of video = {ratio:.2f}x real time "
              f"(MP4 {sizes.get('video.mp4', 0) / 1e6:.1f} MB, {segments} segments)")  # fmt: skip
        print(f"a page on gunicorn before: p50 {statistics.median(before):.1f} ms "
              f"p95 {q(before, 0.95):.1f} ms; during the transcode ({len(during)} probes): "
              f"p50 {statistics.median(during):.1f} ms p95 {q(during, 0.95):.1f} ms")  # fmt: skip
    finally:
        shut_down(processes, workdir, config, keep=args.keep)


if __name__ == "__main__":
    main()
