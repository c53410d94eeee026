"""Debian's ffprobe and ffmpeg, run as subprocesses: what a file holds, and the
commands that make the MP4, the two HLS renditions and the poster."""

import json
import subprocess
from dataclasses import dataclass
from pathlib import Path

# Heights of the two renditions (never above the source's): the MP4 and HLS's upper
# one, and HLS's lower one for slow phones.
HIGH, LOW = 720, 360
# A keyframe every two seconds, so the 6-second HLS segments cut cleanly.
KEYFRAMES = "expr:gte(t,n_forced*2)"
# Containers ffprobe reports for pictures and text, which are not videos.
NOT_VIDEO_FORMATS = {"image2", "png_pipe", "jpeg_pipe", "gif", "webp_pipe", "tty", "txt"}


NO_FFMPEG = "服务器没有安装 ffmpeg，暂时不能处理视频，请联系管理员。"


class VideoRefused(Exception):
    """A file that is not a video we can play; the message is one Chinese sentence."""


class FfmpegMissing(VideoRefused):
    """This machine cannot read or transcode videos at all (not the file's fault)."""


@dataclass
class Probe:
    duration: float
    width: int
    height: int
    has_audio: bool


def probe(path: Path) -> Probe:
    """What ffprobe reads from the file's headers (it does not decode it)."""
    try:
        run = subprocess.run(
            ["ffprobe", "-v", "error", "-print_format", "json", "-show_format", "-show_streams",
             str(path)],
            capture_output=True, timeout=60, check=False,
        )  # fmt: skip
    except subprocess.TimeoutExpired:
        raise VideoRefused("无法读取该视频文件，请检查文件是否完整。") from None
    except FileNotFoundError:  # the server lacks Debian's ffmpeg package
        raise FfmpegMissing(NO_FFMPEG) from None
    if run.returncode != 0:
        raise VideoRefused("无法读取该文件：它不是视频，或者视频文件已损坏。")
    info = json.loads(run.stdout or "{}")
    streams = info.get("streams", [])
    video = next((s for s in streams if s.get("codec_type") == "video"
                  and not s.get("disposition", {}).get("attached_pic")), None)  # fmt: skip
    fmt = info.get("format", {})
    duration = float(fmt.get("duration") or (video or {}).get("duration") or 0)
    if video is None or fmt.get("format_name") in NOT_VIDEO_FORMATS or duration < 0.5:
        raise VideoRefused("该文件不是视频，请上传 MP4、MOV、AVI 等格式的视频。")
    return Probe(
        duration=duration,
        width=int(video.get("width") or 0),
        height=int(video.get("height") or 0),
        has_audio=any(s.get("codec_type") == "audio" for s in streams),
    )


def _rendition(height: int, source_height: int, crf: int, kbps: int, audio: str) -> list:
    scale = f"scale=-2:{min(height, source_height) // 2 * 2}"
    return [
        "-vf", scale, "-c:v", "libx264", "-preset", "veryfast", "-profile:v", "main",
        "-crf", str(crf), "-maxrate", f"{kbps}k", "-bufsize", f"{kbps * 2}k",
        "-pix_fmt", "yuv420p", "-force_key_frames", KEYFRAMES,
        "-c:a", "aac", "-b:a", audio, "-ac", "2",
    ]  # fmt: skip


def encode_command(source: Path, out: Path, info: Probe) -> list[str]:
    """One decode, two encodes: video.mp4 (the upper rendition, playable as it is) and
    low.mp4 (cut into HLS next, then removed). A silent source gets a silent track, so
    every player and the HLS map see the same streams."""
    inputs = ["ffmpeg", "-v", "error", "-nostdin", "-y", "-i", str(source)]
    if not info.has_audio:
        inputs += ["-f", "lavfi", "-i", "anullsrc=r=44100:cl=stereo"]
    maps = ["-map", "0:v:0", "-map", "0:a:0" if info.has_audio else "1:a:0"]
    if not info.has_audio:
        maps.append("-shortest")
    high = _rendition(HIGH, info.height or HIGH, 23, 2500, "128k")
    low = _rendition(LOW, info.height or LOW, 26, 800, "64k")
    return [*inputs,
            *maps, *high, "-movflags", "+faststart", str(out / "video.mp4"),
            *maps, *low, str(out / "low.mp4")]  # fmt: skip


def hls_command(out: Path) -> list[str]:
    """Both renditions cut into 6-second segments, copied (no second encode)."""
    return [
        "ffmpeg", "-v", "error", "-nostdin", "-y",
        "-i", str(out / "video.mp4"), "-i", str(out / "low.mp4"),
        "-map", "0:v", "-map", "0:a", "-map", "1:v", "-map", "1:a", "-c", "copy",
        "-f", "hls", "-hls_time", "6", "-hls_playlist_type", "vod",
        "-hls_segment_filename", str(out / "hls" / "%v" / "seg%03d.ts"),
        "-master_pl_name", "master.m3u8", "-var_stream_map", "v:0,a:0 v:1,a:1",
        str(out / "hls" / "%v" / "index.m3u8"),
    ]  # fmt: skip


def poster_command(out: Path, info: Probe) -> list[str]:
    """A frame a tenth of the way in (the first is often black)."""
    at = f"{min(info.duration * 0.1, 10):.2f}"
    return ["ffmpeg", "-v", "error", "-nostdin", "-y", "-ss", at, "-i", str(out / "video.mp4"),
            "-frames:v", "1", "-q:v", "3", str(out / "poster.jpg")]  # fmt: skip


def run(command: list[str], timeout: float) -> None:
    """Raise VideoRefused with ffmpeg's last complaint when it fails."""
    try:
        done = subprocess.run(command, capture_output=True, timeout=timeout, check=False)
    except subprocess.TimeoutExpired:
        raise VideoRefused("视频转码超时，请检查视频文件。") from None
    except FileNotFoundError:
        raise FfmpegMissing(NO_FFMPEG) from None
    if done.returncode != 0:
        lines = done.stderr.decode(errors="replace").strip().splitlines()
        detail = lines[-1][:120] if lines else f"退出码 {done.returncode}"
        raise VideoRefused(f"ffmpeg 无法转码该视频（{detail}）。")


def valid_playlist(out: Path) -> bool:
    """The master playlist names two renditions and every segment they list exists."""
    master = (out / "hls" / "master.m3u8").read_text().splitlines()
    variants = [line for line in master if line and not line.startswith("#")]
    if not master or master[0] != "#EXTM3U" or len(variants) != 2:
        return False
    for variant in variants:
        playlist = out / "hls" / variant
        lines = playlist.read_text().splitlines()
        segments = [line for line in lines if line and not line.startswith("#")]
        if "#EXT-X-ENDLIST" not in lines or not segments:
            return False
        if not all((playlist.parent / segment).is_file() for segment in segments):
            return False
    return True
