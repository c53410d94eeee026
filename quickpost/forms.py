from django import forms

MOST_PHOTOS = 9


class QuickPostForm(forms.Form):
    """Title, text, photos (each with its description) and the column. Photos come
    as the `photos` files and `descriptions` values, in the same order; whether each
    is a usable photo is quickpost.photos' to say."""

    title = forms.CharField(
        label="标题", max_length=120,
        error_messages={"required": "请填写标题。"},
        widget=forms.TextInput(attrs={"autocomplete": "off", "enterkeyhint": "next"}),
    )  # fmt: skip
    # blank after stripping (full-width spaces too) is "required": one message
    text = forms.CharField(
        label="正文",
        error_messages={"required": "正文不能为空：请写几句话，或从微信、Word 粘贴。"},
        widget=forms.Textarea(attrs={"rows": 8}),
    )
    column = forms.TypedChoiceField(
        label="栏目",
        coerce=int,
        error_messages={"required": "请选择栏目。", "invalid_choice": "请选择本站的栏目。"},
    )
    submit_to_parent = forms.BooleanField(label="同时报送上级", required=False, initial=True)

    def __init__(self, *args, columns, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["column"].choices = [(c.pk, c.title) for c in columns]

    def clean(self):
        cleaned = super().clean()
        uploads = [f for f in self.files.getlist("photos") if f.size]
        descriptions = [d.strip() for d in self.data.getlist("descriptions")]
        if len(uploads) > MOST_PHOTOS:
            raise forms.ValidationError(f"一次最多 {MOST_PHOTOS} 张照片。")
        for index in range(len(uploads)):
            if index >= len(descriptions) or not descriptions[index]:
                raise forms.ValidationError(
                    f"请为第 {index + 1} 张照片写一句说明（读屏软件会读出它）。"
                )
        cleaned["photos"] = list(zip(uploads, descriptions[: len(uploads)], strict=True))
        return cleaned
