"""网上课堂 (网上党校): each node's courses, made of lessons (a lesson plan in rich text
with attachments, a self-hosted video, or both), and each member's progress. In the
public schema: a county's course is learnt by its villages' members, and progress
rolls up by organisation and subtree like exam results."""

import uuid

from django.conf import settings
from django.core.validators import FileExtensionValidator
from django.db import models
from django.utils import timezone
from wagtail.fields import RichTextField

from network.models import Node
from videos.models import Video

ATTACHMENT_EXTENSIONS = ["pdf", "doc", "docx", "xls", "xlsx", "ppt", "pptx", "txt", "zip"]


class Course(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    node = models.ForeignKey(Node, on_delete=models.CASCADE, related_name="+")
    title = models.CharField("课程名称", max_length=120)
    intro = models.TextField("课程简介", blank=True)
    below = models.BooleanField("下级站点可学", default=True,
                                help_text="勾选后，本站以下所有站点都列出这门课程。")  # fmt: skip
    published = models.BooleanField("已发布", default=False,
                                    help_text="发布后读者才能看到。")  # fmt: skip
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "课程"
        verbose_name_plural = "课程"
        ordering = ["-created_at"]

    def __str__(self):
        return self.title

    def get_url(self) -> str:
        return f"/classroom/{self.uuid}/"


class Lesson(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    course = models.ForeignKey(Course, on_delete=models.CASCADE, related_name="lessons")
    order = models.PositiveSmallIntegerField("顺序", default=0)
    title = models.CharField("课时名称", max_length=120)
    plan = RichTextField("课堂教案", blank=True,
                         features=["h3", "bold", "italic", "ol", "ul", "link"])  # fmt: skip
    # deleting a video used here is refused (videos.views)
    video = models.ForeignKey(Video, null=True, blank=True, on_delete=models.PROTECT,
                              related_name="+", verbose_name="课堂视频")  # fmt: skip

    class Meta:
        verbose_name = "课时"
        verbose_name_plural = "课时"
        ordering = ["order", "pk"]

    def __str__(self):
        return self.title

    def get_url(self) -> str:
        return f"/classroom/lesson/{self.uuid}/"


def attachment_path(instance, filename: str) -> str:
    # a folder of its own that nobody can guess: nginx serves /media/ unchecked, and a
    # course may be unpublished (videos are kept the same way)
    return f"classroom/{uuid.uuid4().hex}/{filename}"


class Attachment(models.Model):
    lesson = models.ForeignKey(Lesson, on_delete=models.CASCADE, related_name="attachments")
    title = models.CharField("名称", max_length=120)
    file = models.FileField("文件", upload_to=attachment_path,
                            validators=[FileExtensionValidator(ATTACHMENT_EXTENSIONS)])  # fmt: skip

    class Meta:
        verbose_name = "教案附件"
        verbose_name_plural = "教案附件"

    def __str__(self):
        return self.title


class Progress(models.Model):
    """How far a member has watched without skipping (`watched`, seconds from the
    start), and when the lesson was learnt to the end."""

    lesson = models.ForeignKey(Lesson, on_delete=models.CASCADE, related_name="progress")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    node = models.ForeignKey(Node, on_delete=models.CASCADE, related_name="+")
    organisation = models.CharField(max_length=100, blank=True)
    watched = models.FloatField(default=0)
    started_at = models.DateTimeField(default=timezone.now)
    reported_at = models.DateTimeField()
    completed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["lesson", "user"], name="one_progress_per_lesson")
        ]

    def __str__(self):
        return f"{self.lesson_id}:{self.user_id}"
