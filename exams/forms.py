"""The admin's forms: one question of the bank, and an exam."""

from django import forms

from .grading import accepted
from .models import LETTERS, BankQuestion, Exam, ExamQuestion, QuestionKind

LOCAL = "%Y-%m-%dT%H:%M"


class QuestionForm(forms.ModelForm):
    class Meta:
        model = BankQuestion
        fields = ["kind", "text", "options", "answer", "explanation"]
        widgets = {"text": forms.Textarea(attrs={"rows": 3}),
                   "options": forms.Textarea(attrs={"rows": 4}),
                   "answer": forms.Textarea(attrs={"rows": 2}),
                   "explanation": forms.Textarea(attrs={"rows": 2})}  # fmt: skip
        help_texts = {
            "options": "选择题每行一个选项，依次为 A、B、C……",
            "answer": (
                "单选填字母（如 B），多选填字母（如 ACD），判断填“对”或“错”，"
                "填空题每行一个可接受的答案"
            ),
        }

    def clean(self):
        data = super().clean()
        kind, key = data.get("kind"), data.get("answer") or ""
        options = [line for line in (data.get("options") or "").splitlines() if line.strip()]
        if kind in (QuestionKind.SINGLE, QuestionKind.MULTIPLE):
            if len(options) < 2:
                self.add_error("options", "选择题至少要有两个选项。")
            forms_ = accepted(kind, key)
            if not forms_ or any(c not in LETTERS[: len(options)] for c in next(iter(forms_))):
                self.add_error("answer", "答案应为选项中的字母。")
        elif kind == QuestionKind.JUDGE and not accepted(kind, key):
            self.add_error("answer", "判断题答案应为“对”或“错”。")
        return data


class ExamForm(forms.ModelForm):
    draw_single = forms.IntegerField(label="随机抽单选题（道）", min_value=0, required=False)
    draw_multiple = forms.IntegerField(label="随机抽多选题（道）", min_value=0, required=False)
    draw_judge = forms.IntegerField(label="随机抽判断题（道）", min_value=0, required=False)
    draw_blank = forms.IntegerField(label="随机抽填空题（道）", min_value=0, required=False)
    paper = forms.ModelMultipleChoiceField(
        label="固定试卷的试题", required=False, queryset=BankQuestion.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        help_text="不随机抽题时：勾选组成试卷的试题；都不勾选则为题库中的全部试题。",
    )  # fmt: skip

    class Meta:
        model = Exam
        fields = ["title", "intro", "opens_at", "closes_at", "minutes", "attempts_allowed",
                  "pass_score", "show_answers", "below"]  # fmt: skip
        widgets = {
            "opens_at": forms.DateTimeInput(attrs={"type": "datetime-local"}, format=LOCAL),
            "closes_at": forms.DateTimeInput(attrs={"type": "datetime-local"}, format=LOCAL),
            "intro": forms.Textarea(attrs={"rows": 3}),
        }
        help_texts = {"pass_score": "满分 100 分"}

    def __init__(self, *args, node, **kwargs):
        super().__init__(*args, **kwargs)
        for kind in QuestionKind.values:
            self.fields[f"draw_{kind}"].initial = self.instance.draw.get(kind) or None
        # the node's own bank only: a forged id of another node's question is refused
        self.fields["paper"].queryset = BankQuestion.objects.filter(node=node)
        if self.instance.pk and not self.instance.draw:
            self.fields["paper"].initial = list(
                ExamQuestion.objects.filter(exam=self.instance).values_list("question", flat=True)
            )

    def clean(self):
        data = super().clean()
        opens, closes = data.get("opens_at"), data.get("closes_at")
        if opens and closes and closes <= opens:
            self.add_error("closes_at", "结束时间须晚于开始时间。")
        if data.get("minutes") is not None and not 1 <= data["minutes"] <= 600:
            self.add_error("minutes", "答题时限应在 1 到 600 分钟之间。")
        if data.get("pass_score") is not None and data["pass_score"] > 100:
            self.add_error("pass_score", "及格分不能超过 100。")
        self.instance.draw = {
            kind: data[f"draw_{kind}"] for kind in QuestionKind.values if data.get(f"draw_{kind}")
        }
        return data
