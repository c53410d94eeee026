from django import forms

from network.levels import Level

ORDERS = [("relevance", "按相关度"), ("newest", "按时间")]


class SearchForm(forms.Form):
    q = forms.CharField(label="关键词", max_length=100, required=False)
    scope = forms.ChoiceField(
        label="范围", choices=[("site", "本站"), ("all", "全网")], required=False
    )
    column = forms.TypedChoiceField(label="栏目", coerce=int, required=False, empty_value=None)
    level = forms.MultipleChoiceField(label="站点层级", choices=Level.choices, required=False)
    date_from = forms.DateField(label="起始日期", required=False)
    date_to = forms.DateField(label="截止日期", required=False)
    order = forms.ChoiceField(label="排序", choices=ORDERS, required=False)

    def __init__(self, *args, columns=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["column"].choices = [("", "全部栏目")] + [(c.pk, c.title) for c in columns]

    def clean(self):
        data = super().clean()
        if data.get("date_from") and data.get("date_to") and data["date_from"] > data["date_to"]:
            self.add_error("date_to", "截止日期不能早于起始日期。")
        return data
