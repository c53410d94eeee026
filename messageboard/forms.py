"""The public message form: what a person types, the challenge, and the honeypot."""

from django import forms
from django.core.validators import RegexValidator

from .guarding import HONEYPOT
from .handling import MAX_TEXT
from .models import Category


class MessageForm(forms.Form):
    name = forms.CharField(label="姓名", max_length=30)
    phone = forms.CharField(
        label="联系电话（选填，不公开）", max_length=20, required=False,
        validators=[RegexValidator(r"^[0-9+\- ]{5,20}$", "请填写正确的电话号码，或不填。")],
    )  # fmt: skip
    category = forms.ChoiceField(label="类别", choices=Category.choices)
    text = forms.CharField(
        label="留言内容", max_length=MAX_TEXT, widget=forms.Textarea(attrs={"rows": 6})
    )
    answer = forms.CharField(label="验证题", max_length=4)
    token = forms.CharField(widget=forms.HiddenInput)
    # a person never sees it (hidden by the stylesheet, skipped by keyboard and
    # screen readers); a robot filling every field fills it too
    website = forms.CharField(
        label="网址（请勿填写）", required=False,
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )  # fmt: skip

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            field.error_messages["required"] = "请填写这一项。"
        self.fields["phone"].widget.attrs.update(inputmode="tel", autocomplete="tel")
        self.fields["name"].widget.attrs.update(autocomplete="name")
        self.fields["answer"].widget.attrs.update(inputmode="numeric", autocomplete="off")

    @property
    def honeypot_filled(self) -> bool:
        return bool(self.data.get(HONEYPOT))
