import subprocess

import pytest

from tests.tools import require_program


def make_clip(path, *, seconds=4, size="640x480", audio=True):
    """A short clip from ffmpeg's test sources (moving pattern, a tone)."""
    command = ["ffmpeg", "-v", "error", "-y", "-f", "lavfi",
               "-i", f"testsrc2=size={size}:rate=25:duration={seconds}"]  # fmt: skip
    if audio:
        command += ["-f", "lavfi", "-i", f"sine=frequency=440:duration={seconds}"]
    command += ["-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p"]
    command += ["-c:a", "aac", "-shortest"] if audio else []
    subprocess.run([*command, str(path)], check=True)
    return path


@pytest.fixture(scope="session")
def clips(tmp_path_factory):
    """A 4-second clip with sound, one without, one cut in half (no index), a text
    file called .mp4, and a picture called .mp4."""
    require_program("ffmpeg", "apt-get install ffmpeg; .ci/run installs it")
    root = tmp_path_factory.mktemp("clips")
    clip = make_clip(root / "clip.mp4")
    silent = make_clip(root / "silent.mp4", audio=False)
    data = clip.read_bytes()
    (root / "cut.mp4").write_bytes(data[: len(data) // 2])
    (root / "notes.mp4").write_text("这不是视频，是一份会议纪要。\n" * 50)
    picture = ["ffmpeg", "-v", "error", "-y", "-f", "lavfi", "-i", "testsrc2=size=64x64",
               "-frames:v", "1", "-f", "image2", str(root / "picture.mp4")]  # fmt: skip
    subprocess.run(picture, check=True)
    return {"clip": clip, "silent": silent, "cut": root / "cut.mp4",
            "notes": root / "notes.mp4", "picture": root / "picture.mp4"}  # fmt: skip
