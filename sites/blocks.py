"""The blocks an article body is written with."""

from django.core.exceptions import ValidationError
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock

from videos.blocks import VideoChooserBlock

from .visibility import is_public_document

# Rich text is stored through Wagtail's whitelisting converter: only these features.
RICH_TEXT_FEATURES = ["h2", "h3", "bold", "italic", "ol", "ul", "link", "document-link", "hr"]


class ParagraphBlock(blocks.RichTextBlock):
    def __init__(self, **kwargs):
        super().__init__(features=RICH_TEXT_FEATURES, **kwargs)

    class Meta:
        icon = "pilcrow"
        label = "正文"
        template = "blocks/paragraph.html"
        description = "一段或多段文字，可加小标题、列表和链接"
        preview_value = (
            "<p>全面推进基层党组织标准化规范化建设，推动党建工作与中心工作深度融合。</p>"
        )


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label="图片")
    caption = blocks.CharBlock(label="图片说明", required=False, max_length=200)

    class Meta:
        icon = "image"
        label = "图片"
        template = "blocks/image.html"
        description = "一张图片及其说明"
        preview_value = {"caption": "主题党日活动现场"}


class GalleryBlock(blocks.StructBlock):
    title = blocks.CharBlock(label="组图标题", required=False, max_length=100)
    images = blocks.ListBlock(ImageBlock(), label="图片", min_num=2)

    class Meta:
        icon = "doc-full"
        label = "组图"
        template = "blocks/gallery.html"
        description = "多张图片组成的图集"
        preview_value = {"title": "活动剪影"}


VIDEO_EXTENSIONS = ("mp4", "webm")


class VideoBlock(blocks.StructBlock):
    """A self-hosted video (transcoded, HLS on phones), a video site's player, or a
    file in the documents played as it is."""

    hosted = VideoChooserBlock(
        label="本站视频", required=False, help_text="在“视频”中上传，转码完成后可选（推荐）"
    )
    video = EmbedBlock(label="视频链接", required=False, help_text="粘贴视频网站的播放页地址")
    file = DocumentChooserBlock(
        label="视频文件", required=False, help_text="或上传 MP4/WebM 视频文件（二选一）"
    )
    caption = blocks.CharBlock(label="视频说明", required=False, max_length=200)

    def clean(self, value):
        value = super().clean(value)
        errors = {}
        if not value.get("hosted") and not value.get("video") and not value.get("file"):
            errors["hosted"] = ValidationError("请选择本站视频，或填写视频链接，或选择视频文件。")
        document = value.get("file")
        if document is not None and document.file_extension.lower() not in VIDEO_EXTENSIONS:
            errors["file"] = ValidationError("视频文件须为 MP4 或 WebM 格式。")
        if errors:
            raise StructBlockValidationError(block_errors=errors)
        return value

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["public_file"] = is_public_document(value.get("file"))
        return context

    class Meta:
        icon = "media"
        label = "视频"
        template = "blocks/video.html"
        description = "本站上传的视频（自动转码，手机流畅播放），或视频网站的视频"
        preview_value = {"caption": "党员教育专题片"}


class AttachmentBlock(blocks.StructBlock):
    """A file to download; one in a protected collection is not shown to readers
    (sites.visibility): its title would name what they may not open."""

    document = DocumentChooserBlock(label="附件")
    title = blocks.CharBlock(label="显示名称", required=False, max_length=200)

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["public"] = is_public_document(value.get("document"))
        return context

    class Meta:
        icon = "doc-full-inverse"
        label = "附件"
        template = "blocks/attachment.html"
        description = "供读者下载的文件，如通知原文、表格"
        preview_value = {"title": "关于开展主题党日活动的通知.pdf"}


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(label="引文")
    attribution = blocks.CharBlock(label="出处", required=False, max_length=200)

    class Meta:
        icon = "openquote"
        label = "引用"
        template = "blocks/quote.html"
        description = "突出显示的一段引文或讲话摘录"
        preview_value = {
            "quote": "不忘初心，牢记使命。",
            "attribution": "党的十九大报告",
        }


class DataTableBlock(TableBlock):
    class Meta:
        icon = "table"
        label = "表格"
        template = "blocks/table.html"
        description = "简单的数据表格，如党费收缴公示"
        preview_value = {
            "first_row_is_table_header": True,
            "data": [["支部", "党员人数"], ["第一党支部", "32"]],
        }


class ArticleBodyBlock(blocks.StreamBlock):
    paragraph = ParagraphBlock()
    image = ImageBlock()
    gallery = GalleryBlock()
    video = VideoBlock()
    attachment = AttachmentBlock()
    quote = QuoteBlock()
    table = DataTableBlock()

    class Meta:
        block_counts = {}
