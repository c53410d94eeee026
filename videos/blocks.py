"""A self-hosted video in a StreamField (articles' video block, shared blocks)."""

from .views.chooser import video_chooser_viewset

VideoChooserBlock = video_chooser_viewset.get_block_class(
    name="VideoChooserBlock", module_path="videos.blocks"
)
