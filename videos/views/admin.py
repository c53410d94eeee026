"""视频 in the admin: the node's videos with their transcode state, the upload (checked
while the request is open, transcoded by a worker), and removal."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import ProtectedError
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse

from network.screens import NodeScreen

from ..access import may_keep_videos
from ..ffmpeg import VideoRefused
from ..forms import UploadForm
from ..models import Video
from ..transcoding import remove_video
from ..uploading import accept_upload


class VideoScreen(NodeScreen):
    header_icon = "media"
    page_title = "视频"
    refusal = "您不是该站点的编辑，不能管理视频。"
    template_name = "videos/admin/list.html"

    def allowed(self, user, node) -> bool:
        return may_keep_videos(user, node)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        videos = Video.objects.filter(node=self.node)
        context.update(
            page_obj=Paginator(videos, 20).get_page(self.request.GET.get("page")),
            form=kwargs.get("form") or UploadForm(), error=kwargs.get("error"),
            busy=videos.filter(state__in=["waiting", "working"]).exists(),
        )  # fmt: skip
        return context

    def post(self, request, *args, **kwargs):
        video = Video.objects.filter(pk=request.POST.get("video"), node=self.node).first()
        if video is None:
            raise Http404("没有这段视频。")
        try:
            remove_video(video)
        except ProtectedError:
            error = f"“{video.title}”正在课程中使用，请先从课时中移除。"
            return self.render_to_response(self.get_context_data(error=error), status=400)
        messages.success(request, f"已删除视频“{video.title}”。")
        return redirect(reverse("xf_videos"))


class UploadView(VideoScreen):
    def get(self, request, *args, **kwargs):
        return redirect(reverse("xf_videos"))

    def post(self, request, *args, **kwargs):
        form = UploadForm(request.POST, request.FILES)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form), status=400)
        try:
            video = accept_upload(node=self.node, title=form.cleaned_data["title"],
                                  upload=form.cleaned_data["file"], user=request.user)  # fmt: skip
        except VideoRefused as refused:
            form.add_error("file", str(refused))
            return self.render_to_response(self.get_context_data(form=form), status=400)
        messages.success(
            request, f"已上传“{video.title}”，正在转码，完成后即可在课程和文章中使用。"
        )
        return redirect(reverse("xf_videos"))
