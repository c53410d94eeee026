"""What a webmaster sets for their own site: name, logo, banner, colour and footer."""

from django.core.validators import RegexValidator
from django.db import models
from django.forms import TextInput
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting

from sites.media_scope import ChosenMediaFormMixin

from .colours import DEFAULT_ACCENT, SUGGESTED, validate_accent

ICP_NUMBER = RegexValidator(
    r"^[\u4e00-\u9fa5]ICP[备证]\d+号(-\d+)?$", "ICP备案号的格式如：皖ICP备09014363号-9。"
)
SITE_CODE = RegexValidator(r"^\d{10}$", "网站标识码是 10 位数字，如：3400000001。")
POLICE_NUMBER = RegexValidator(
    r"^[\u4e00-\u9fa5]公网安备 ?\d{14}号$", "公网安备号的格式如：皖公网安备 34010402000001号。"
)


class SiteThemeForm(ChosenMediaFormMixin, WagtailAdminModelForm):
    """The logo and banner must come from the webmaster's own image collections."""


@register_setting(icon="palette")
class SiteTheme(BaseSiteSetting):
    """Per-site look and footer. The network look itself is fixed (one alliance style)."""

    base_form_class = SiteThemeForm

    site_name = models.CharField(
        "站点名称", max_length=60, blank=True, help_text="显示在页眉；留空则用首页标题。"
    )
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name="站点标志",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="显示在站点名称左侧，建议使用透明背景的方形图片。",
    )
    banner = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name="页眉横幅",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="页眉背景图，建议宽 1920 像素、高 240 像素。",
    )
    accent_colour = models.CharField(
        "主题色",
        max_length=7,
        default=DEFAULT_ACCENT,
        validators=[validate_accent],
        help_text="导航栏和标题的颜色。可选："
        + "、".join(f"{name} {hex_}" for hex_, name in SUGGESTED.items())
        + "。颜色太浅会被拒绝，以保证文字清晰。",
    )
    organiser = models.CharField("主办单位", max_length=100, blank=True)
    operator = models.CharField("承办单位", max_length=100, blank=True)
    address = models.CharField("联系地址", max_length=200, blank=True)
    phone = models.CharField("联系电话", max_length=50, blank=True)
    email = models.EmailField("联系邮箱", blank=True)
    icp_number = models.CharField("ICP备案号", max_length=50, blank=True, validators=[ICP_NUMBER])
    police_number = models.CharField(
        "公网安备号", max_length=50, blank=True, validators=[POLICE_NUMBER]
    )
    site_code = models.CharField(
        "网站标识码",
        max_length=10,
        blank=True,
        validators=[SITE_CODE],
        help_text="政府网站和党政机关网站的 10 位标识码，显示在页脚。",
    )
    government_mark_url = models.URLField(
        "党政机关标识链接",
        blank=True,
        help_text="党政机关网站标识的核验地址（由机构编制部门提供）；填写后页脚显示“党政机关”标识。",
    )

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("site_name"),
                FieldPanel("logo"),
                FieldPanel("banner"),
                FieldPanel("accent_colour", widget=TextInput(attrs={"type": "color"})),
            ],
            heading="外观",
        ),
        MultiFieldPanel(
            [
                FieldPanel("organiser"),
                FieldPanel("operator"),
                FieldPanel("address"),
                FieldPanel("phone"),
                FieldPanel("email"),
                FieldPanel("icp_number"),
                FieldPanel("police_number"),
                FieldPanel("site_code"),
                FieldPanel("government_mark_url"),
            ],
            heading="页脚信息",
        ),
    ]

    class Meta:
        verbose_name = "站点外观与页脚"
        verbose_name_plural = "站点外观与页脚"

    @property
    def police_code(self) -> str:
        """The digits the 公安备案 site's record link needs."""
        return "".join(ch for ch in self.police_number if ch.isdigit())
