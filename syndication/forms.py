"""Admin forms. Choices shown are the node's own; what is posted is checked again by
the services, so a forged post (another node's branch or column) is refused with 403."""

from django import forms
from wagtail.admin.widgets import AdminDateTimeInput

from network.levels import RANK, Level
from network.models import Node

SCOPES = [("all", "全部下级站点"), ("branches", "选定的下级站点及其下级"), ("levels", "选定的层级")]


class SubmitForm(forms.Form):
    note = forms.CharField(label="报送说明", max_length=255, required=False)


class TopicSubmitForm(forms.Form):
    topic = forms.ChoiceField(label="专题")
    note = forms.CharField(label="报送说明", max_length=255, required=False)

    def __init__(self, *args, topics, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["topic"].choices = [("", "请选择专题")] + [(t.key, t.label) for t in topics]


class PushForm(forms.Form):
    scope = forms.ChoiceField(
        label="下发范围", choices=SCOPES, widget=forms.RadioSelect, initial="all"
    )
    branches = forms.ModelMultipleChoiceField(
        label="下级站点",
        queryset=Node.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    levels = forms.MultipleChoiceField(
        label="层级", choices=Level.choices, required=False, widget=forms.CheckboxSelectMultiple
    )
    pinned = forms.BooleanField(label="置顶", required=False)
    mandatory = forms.BooleanField(
        label="必须展示", required=False, help_text="下级站点不能隐藏这条要闻"
    )
    expires_at = forms.DateTimeField(
        label="截止时间", required=False, widget=AdminDateTimeInput, help_text="留空则一直显示"
    )

    def __init__(self, *args, node, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["branches"].widget.choices = [
            (child.pk, child.name) for child in node.get_children().order_by("code")
        ]
        self.fields["levels"].widget.choices = [
            (value, label) for value, label in Level.choices if RANK[value] > RANK[node.level]
        ]

    def clean(self):
        data = super().clean()
        scope = data.get("scope")
        if scope == "branches" and not data.get("branches"):
            self.add_error("branches", "请至少选择一个下级站点。")
        if scope == "levels" and not data.get("levels"):
            self.add_error("levels", "请至少选择一个层级。")
        if scope != "branches":
            data["branches"] = []
        if scope != "levels":
            data["levels"] = []
        return data


class RevokeForm(forms.Form):
    reason = forms.CharField(label="撤稿原因", max_length=255)
    unpublish_origin = forms.BooleanField(
        label="同时撤下本站原文",
        required=False,
        help_text="不勾选时，原文仍在本站显示，只从其他站点撤下。",
    )


DECISIONS = [
    ("accept", "采用"),
    ("accept_push", "采用并下发"),
    ("forward", "采用并再报送上级"),
    ("return", "退稿"),
]


class DecisionForm(forms.Form):
    action = forms.ChoiceField(label="审核结果", choices=DECISIONS, widget=forms.RadioSelect)
    column = forms.IntegerField(label="采用到栏目", required=False, widget=forms.Select)
    reason = forms.CharField(label="退稿原因", max_length=255, required=False)

    def __init__(self, *args, columns, **kwargs):
        super().__init__(*args, **kwargs)
        self.columns = columns
        self.fields["column"].widget.choices = [("", "请选择栏目")] + [
            (column.pk, "　" * (column.depth - 3) + column.title) for column in columns
        ]

    def clean(self):
        data = super().clean()
        if data.get("action") in ("accept", "accept_push", "forward") and not data.get("column"):
            self.add_error("column", "采用时请选择栏目。")
        if data.get("action") == "return" and not (data.get("reason") or "").strip():
            self.add_error("reason", "退稿时请填写退稿原因。")
        return data


class PerTitleForm(forms.Form):
    """One field per children's column title; `titles` maps the names a post uses
    (prefixed: two of these forms share a page) to titles, `mapped()` gives (title,
    value) pairs."""

    def __init__(self, *args, titles, **kwargs):
        super().__init__(*args, **kwargs)
        self.named = [(f"title_{index}", title) for index, title in enumerate(titles)]
        for name, title in self.named:
            self.fields[name] = self.field_for(title)
        self.titles = {self.add_prefix(name): title for name, title in self.named}

    def field_for(self, title: str) -> forms.Field:
        raise NotImplementedError

    def mapped(self) -> list[tuple[str, object]]:
        return [(title, self.cleaned_data.get(name)) for name, title in self.named]


class ColumnMappingForm(PerTitleForm):
    """Which of the node's own columns an accepted story from each children's column
    is preselected into."""

    prefix = "own"

    def __init__(self, *args, columns, defaults, current, **kwargs):
        self.choices = [(c.pk, "　" * (c.depth - 3) + c.title) for c in columns]
        self.defaults, self.current = defaults, current
        super().__init__(*args, **kwargs)

    def field_for(self, title):
        default = self.defaults.get(title)
        empty = f"全网默认：{default.column_title}" if default else "不预选（审核时选择）"
        return forms.TypedChoiceField(
            label=f"下级的“{title}”", choices=[("", empty), *self.choices], coerce=int,
            empty_value=None, required=False, initial=self.current.get(title),
        )  # fmt: skip


class DefaultMappingForm(PerTitleForm):
    """The province's default: the title of the receiving node's column."""

    prefix = "defaults"

    def __init__(self, *args, current, **kwargs):
        self.current = current
        super().__init__(*args, **kwargs)

    def field_for(self, title):
        return forms.CharField(
            label=f"下级的“{title}”采用到", max_length=100, required=False,
            help_text="填写上级站点的栏目名称；留空则不设默认。", initial=self.current.get(title),
        )  # fmt: skip
