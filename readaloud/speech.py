"""Text to Mandarin speech on the server, offline: eSpeak NG's `cmn` voice (Debian's
espeak-ng) writes WAV, LAME makes it a small MP3 every browser plays."""

import html
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

from django.utils.html import strip_tags

VOICE = "cmn"
WORDS_PER_MINUTE = 220  # eSpeak's default is brisk for Mandarin
TIMEOUT_SECONDS = 300
MAX_CHARACTERS = 20_000  # a very long article is read up to here


class SpeechError(Exception):
    """The engine is missing or failed; the message is one plain sentence."""


def spoken_text(article) -> str:
    """Title, summary and the body's paragraphs, as a reader hears them."""
    parts = [article.title, article.summary]
    for block in article.body:
        if block.block_type == "paragraph":
            parts.append(html.unescape(strip_tags(block.value.source)))
        elif block.block_type == "quote":
            parts.append(html.unescape(strip_tags(str(block.value))))
    text = "。\n".join(part.strip() for part in parts if part and part.strip())
    return re.sub(r"[ \t]+", " ", text)[:MAX_CHARACTERS]


def engine_missing() -> str | None:
    for program in ("espeak-ng", "lame"):
        if shutil.which(program) is None:
            return f"服务器没有安装 {program}，无法生成语音文件。"
    return None


def synthesise(text: str) -> tuple[bytes, int]:
    """(MP3 bytes, seconds) of the text read in Mandarin."""
    missing = engine_missing()
    if missing:
        raise SpeechError(missing)
    with tempfile.TemporaryDirectory() as folder:
        wav, mp3 = Path(folder) / "speech.wav", Path(folder) / "speech.mp3"
        _run(
            ["espeak-ng", "-v", VOICE, "-s", str(WORDS_PER_MINUTE), "-w", str(wav), "--stdin"], text
        )
        _run(["lame", "--quiet", "-V", "7", "-m", "m", str(wav), str(mp3)])
        seconds = max(1, (wav.stat().st_size - 44) // (22050 * 2))  # 22,050 Hz, 16-bit mono
        return mp3.read_bytes(), int(seconds)


def _run(command: list[str], text: str | None = None) -> None:
    try:
        subprocess.run(
            command, input=text.encode() if text is not None else None, check=True,
            capture_output=True, timeout=TIMEOUT_SECONDS,
        )  # fmt: skip
    except subprocess.TimeoutExpired as error:
        raise SpeechError(f"语音生成超时（{command[0]}）。") from error
    except subprocess.CalledProcessError as error:
        detail = error.stderr.decode(errors="replace").strip()[:100]
        raise SpeechError(f"语音生成失败（{command[0]}）：{detail}") from error
