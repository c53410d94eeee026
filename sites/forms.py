from wagtail.admin.forms import WagtailAdminPageForm

from .media_scope import ChosenMediaFormMixin
from .slugs import is_browser_slug


class PinyinSlugPageForm(ChosenMediaFormMixin, WagtailAdminPageForm):
    """Lets an editor leave the slug empty: it is then made from the title in pinyin.

    Every page form is this one (see PinyinSlugMixin), so every page also refuses
    images and documents of collections the editor may not choose.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "slug" in self.fields:
            self.fields["slug"].required = False
            self.fields["slug"].help_text = "留空则按标题拼音自动生成，例如 dang-jian-yao-wen"

    def clean(self):
        cleaned_data = super().clean()
        title = cleaned_data.get("title")
        slug = cleaned_data.get("slug")
        if slug and self.instance.pk is None and is_browser_slug(slug, title):
            slug = cleaned_data["slug"] = ""  # a new page: the pinyin slug instead
        if not slug and title:
            cleaned_data["slug"] = self.instance.unique_pinyin_slug(
                title, parent_page=self.parent_page
            )
            self.errors.pop("slug", None)
        return cleaned_data
