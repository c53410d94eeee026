"""网上党校 in the demo: 肥西县's 资料中心 (a PDF previewed in the page, a Word file)
shared down (下发) to its villages, whose own 资料中心 lists it; a county course whose
second lesson has a video transcoded by ffmpeg (left out, with a line saying so, where
ffmpeg is not installed); the demo member has learnt the first lesson and has 学习积分."""

import shutil
import subprocess
from datetime import timedelta
from pathlib import Path
from tempfile import TemporaryDirectory

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.utils import timezone
from django_tenants.utils import schema_context

from classroom.factories import CourseFactory, LessonFactory
from classroom.models import Course
from classroom.progress import mark_read, opened
from demo.party import MEMBER_LOGIN
from network.models import Node
from partyaffairs.ledger.models import MemberAccount
from sites.factories import ColumnPageFactory, DocumentFactory, library_item, pdf_bytes, site_home
from sites.library_setup import add_default_categories
from syndication.delivery import run_pending_here
from syndication.pushing import push_down
from syndication.stories import story_for_article
from videos.models import Video
from videos.transcoding import transcode

COUNTY, VILLAGE = "340123", "340123100201"
ITEMS = [
    ("制度汇编", "中国共产党支部工作条例（试行）", "tiaoli.pdf", "支部工作的基本遵循。"),
    ("会议材料", "党支部委员会会议记录模板", "jilu.docx", "支委会记录的格式和要素。"),
    ("文献资料", "党员教育读本（第一册）", "duben.pdf", "党员日常学习的基础读本。"),
]


def build_demo_party_school(log=print):
    """Idempotent: made once."""
    if Course.objects.exists():
        return
    county = Node.objects.select_related("tenant").get(code=COUNTY)
    village = Node.objects.select_related("tenant").get(code=VILLAGE)
    reviewer = get_user_model().objects.get(username="feixi_shenhe")
    with schema_context(county.tenant.schema_name):
        library = ColumnPageFactory(parent=site_home(county), title="资料中心", kind="library")
        add_default_categories(library)
        stories = []
        for category, title, name, summary in ITEMS:
            content = pdf_bytes(3) if name.endswith(".pdf") else b"PK\x03\x04 demo"
            document = DocumentFactory(title=title, file=ContentFile(content, name=name))
            column = library.get_children().get(title=category).specific
            item = library_item(column, document, summary=summary, source=county.name)
            stories.append(story_for_article(item, county, reviewer))
    with schema_context(village.tenant.schema_name):
        add_default_categories(
            ColumnPageFactory(parent=site_home(village), title="资料中心", kind="library")
        )
    for story in stories:
        push_down(user=reviewer, node=county, story=story)
    run_pending_here()
    log(f"  资料中心：{county.name} 3 份资料下发到所辖村，义城村的资料中心列出")

    course = CourseFactory(node=county, title="学习贯彻党的二十大精神", below=True)
    first = LessonFactory(course=course, title="第一讲 中国式现代化", order=1)
    video = _demo_video(county)
    LessonFactory(course=course, title="第二讲 全面从严治党", order=2, video=video,
                  plan="<p>观看视频，完成课后思考题。</p>")  # fmt: skip
    account = MemberAccount.objects.filter(user__username=MEMBER_LOGIN).first()
    if account is not None:
        then = timezone.now() - timedelta(minutes=5)
        opened(first, account.user, then)
        mark_read(first, account.user)
    line = "第二讲带转码视频" if video else "未安装 ffmpeg，第二讲没有视频"
    log(f"  网上课堂：{county.name}一门课程两讲（{line}），演示党员已学完第一讲并获得学习积分")


def _demo_video(county):
    """A 20-second clip from ffmpeg's test pattern, transcoded here (a few seconds)."""
    if shutil.which("ffmpeg") is None:
        return None
    source_root = Path(settings.XFNET_VIDEO_SOURCE_ROOT)
    source_root.mkdir(parents=True, exist_ok=True)
    with TemporaryDirectory() as scratch:
        clip = Path(scratch) / "demo.mp4"
        subprocess.run(
            ["ffmpeg", "-v", "error", "-y", "-f", "lavfi", "-i",
             "testsrc2=size=1280x720:rate=25:duration=20", "-f", "lavfi", "-i",
             "sine=frequency=440:duration=20", "-c:v", "libx264", "-preset", "ultrafast",
             "-pix_fmt", "yuv420p", "-c:a", "aac", "-shortest", str(clip)],
            check=True,
        )  # fmt: skip
        video = Video(node=county, title="全面从严治党（演示视频）")
        video.source_name = f"{video.uuid}.mp4"
        shutil.move(clip, source_root / video.source_name)
        video.save()
    transcode(video.pk)
    video.refresh_from_db()
    return video if video.is_ready else None
