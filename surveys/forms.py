"""The admin's survey form: the survey, and its questions as a formset (three blank
rows each time it is shown: save, and there are three more)."""

from django import forms

from .models import Question, QuestionKind, Survey

LOCAL = "%Y-%m-%dT%H:%M"


class SurveyForm(forms.ModelForm):
    class Meta:
        model = Survey
        fields = ["kind", "title", "intro", "audience", "opens_at", "closes_at", "results", "below"]
        widgets = {
            "opens_at": forms.DateTimeInput(attrs={"type": "datetime-local"}, format=LOCAL),
            "closes_at": forms.DateTimeInput(attrs={"type": "datetime-local"}, format=LOCAL),
            "intro": forms.Textarea(attrs={"rows": 3}),
        }

    def clean(self):
        data = super().clean()
        opens, closes = data.get("opens_at"), data.get("closes_at")
        if opens and closes and closes <= opens:
            self.add_error("closes_at", "结束时间须晚于开始时间。")
        return data


class QuestionForm(forms.ModelForm):
    class Meta:
        model = Question
        fields = ["order", "kind", "text", "choices", "max_choices", "required"]
        widgets = {"choices": forms.Textarea(attrs={"rows": 4})}

    def clean(self):
        data = super().clean()
        kind, choices = data.get("kind"), data.get("choices") or ""
        options = [line.strip() for line in choices.splitlines() if line.strip()]
        if kind in (QuestionKind.SINGLE, QuestionKind.MULTIPLE) and data.get("text"):
            if len(options) < 2:
                self.add_error("choices", "单选、多选题至少要有两个选项（每行一个）。")
            if len(set(options)) != len(options):
                self.add_error("choices", "选项有重复。")
        return data


QuestionFormSet = forms.inlineformset_factory(
    Survey, Question, form=QuestionForm, extra=3, can_delete=True
)
