from django import forms

from syndication.models import LEARNING, Activity


class RulesForm(forms.Form):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for activity in LEARNING:
            self.fields[activity] = forms.IntegerField(
                label=f"{Activity(activity).label}（分）", min_value=0, max_value=1000
            )
