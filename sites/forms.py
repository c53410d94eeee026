from wagtail.admin.forms import WagtailAdminPageForm

from .media_scope import ChosenMediaFormMixin


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
        if not cleaned_data.get("slug") and title:
            cleaned_data["slug"] = self.instance.unique_pinyin_slug(
                title, parent_page=self.parent_page
            )
            self.errors.pop("slug", None)
        return cleaned_data
