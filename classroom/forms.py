"""The admin's forms: a course, a lesson (plan in Draftail, video from the chooser),
an attachment."""

from django import forms
from django.utils.html import strip_tags
from wagtail.admin.forms import WagtailAdminModelForm

from videos.access import choosable
from videos.views.chooser import video_chooser_viewset

from .models import Attachment, Course, Lesson


class CourseForm(forms.ModelForm):
    class Meta:
        model = Course
        fields = ["title", "intro", "below", "published"]
        widgets = {"intro": forms.Textarea(attrs={"rows": 4})}


class LessonForm(WagtailAdminModelForm):
    """`node`: the admin's site; only its ready videos and those above it are valid
    (a forged id of another site's video is refused like any bad choice)."""

    class Meta:
        model = Lesson
        fields = ["title", "order", "video", "plan"]
        widgets = {"video": video_chooser_viewset.widget_class()}

    def __init__(self, *args, node, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["video"].queryset = choosable(node)
        self.fields["video"].help_text = "在“视频”中上传，转码完成后可选"

    def clean(self):
        data = super().clean()
        if not data.get("video") and not strip_tags(data.get("plan") or "").strip():
            raise forms.ValidationError("课时须有课堂教案或课堂视频（至少一项）。")
        return data


class AttachmentForm(forms.ModelForm):
    class Meta:
        model = Attachment
        fields = ["title", "file"]
