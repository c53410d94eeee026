"""The video chooser of the page editor (the video block, a lesson's video): only
ready videos of the admin's own site and the sites above it."""

from django.core.exceptions import PermissionDenied
from wagtail.admin.views.generic.chooser import (
    ChooseResultsView,
    ChooseView,
    ChosenMultipleView,
    ChosenView,
)
from wagtail.admin.viewsets.chooser import ChooserViewSet

from ..access import choosable


def _choosable_here(request):
    node = getattr(request, "node", None)
    if node is None:
        raise PermissionDenied
    return choosable(node)


class _TheSitesVideos:
    def get_object_list(self):
        return _choosable_here(self.request).select_related("node")


class VideoChooseView(_TheSitesVideos, ChooseView):
    pass


class VideoChooseResultsView(_TheSitesVideos, ChooseResultsView):
    pass


class VideoChosenView(ChosenView):
    def get_object(self, pk):
        return _choosable_here(self.request).get(pk=pk)


class VideoChosenMultipleView(ChosenMultipleView):
    def get_objects(self, pks):
        return _choosable_here(self.request).filter(pk__in=pks)


class VideoChooserViewSet(ChooserViewSet):
    model = "xfvideos.Video"
    icon = "media"
    choose_one_text = "选择视频"
    choose_another_text = "选择其他视频"
    edit_item_text = "管理视频"
    choose_view_class = VideoChooseView
    choose_results_view_class = VideoChooseResultsView
    chosen_view_class = VideoChosenView
    chosen_multiple_view_class = VideoChosenMultipleView
    # uploads go through the 视频 screen (a transcode follows), not the modal
    creation_form_class = None
    form_fields = None
    register_widget = False


video_chooser_viewset = VideoChooserViewSet("video_chooser", url_prefix="videos/chooser")
