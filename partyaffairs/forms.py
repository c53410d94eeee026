"""The officers' forms: they check types and choices; the services check the rules."""

from django import forms

from .models import MeetingKind, MemberStatus, OrganisationKind
from .models.meeting import AppraisalResult
from .models.member import CommendationKind, Education, Gender
from .models.recruit import RecruitStage

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
MOST_PHOTOS = 9


def date_field(label, required=True):
    return forms.DateField(
        label=label, required=required, widget=DATE,
        error_messages={"required": f"请填写{label}。", "invalid": f"{label}不是有效日期。"},
    )  # fmt: skip


def organisation_choices(organisations):
    return [(o.pk, o.name) for o in organisations]


class MemberForm(forms.Form):
    name = forms.CharField(label="姓名", max_length=50, error_messages={"required": "请填写姓名。"})
    gender = forms.ChoiceField(label="性别", choices=Gender.choices, widget=forms.RadioSelect)
    birth_date = date_field("出生日期")
    ethnicity = forms.CharField(label="民族", max_length=20, initial="汉族")
    education = forms.ChoiceField(label="学历", choices=Education.choices)
    organisation = forms.TypedChoiceField(label="所在党组织", coerce=int)
    joined_on = date_field("入党日期")
    full_member_on = date_field("转正日期", required=False)
    status = forms.ChoiceField(
        label="党籍状态", choices=[c for c in MemberStatus.choices if c[0] != "transferred"]
    )
    phone = forms.CharField(label="联系电话", max_length=20, required=False,
                            widget=forms.TextInput(attrs={"inputmode": "tel"}))  # fmt: skip
    id_number = forms.CharField(
        label="身份证号码", max_length=18, required=False,
        help_text="加密保存，列表中只显示前六位和后四位。修改时留空表示不变。",
    )  # fmt: skip

    def __init__(self, *args, organisations, **kwargs):
        super().__init__(*args, **kwargs)
        self.organisations = {o.pk: o for o in organisations}
        self.fields["organisation"].choices = organisation_choices(organisations)

    def member_data(self) -> dict:
        data = dict(self.cleaned_data)
        data["organisation"] = self.organisations[data["organisation"]]
        return data


class OrganisationForm(forms.Form):
    name = forms.CharField(label="组织名称", max_length=100)
    kind = forms.ChoiceField(label="组织类型", choices=OrganisationKind.choices,
                             initial=OrganisationKind.BRANCH)  # fmt: skip
    parent = forms.TypedChoiceField(label="上级组织", coerce=int, required=False, empty_value=None)
    term_started_on = date_field("本届任期开始", required=False)

    def __init__(self, *args, organisations, **kwargs):
        super().__init__(*args, **kwargs)
        self.organisations = {o.pk: o for o in organisations}
        self.fields["parent"].choices = [("", "（无）"), *organisation_choices(organisations)]


class MultipleImageInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files from one input (Django's documented recipe)."""

    def clean(self, data, initial=None):
        files = data if isinstance(data, list | tuple) else [data] if data else []
        return [super(MultipleFileField, self).clean(f, initial) for f in files]


class MeetingForm(forms.Form):
    organisation = forms.TypedChoiceField(label="党组织", coerce=int)
    kind = forms.ChoiceField(label="会议类型", choices=MeetingKind.choices)
    held_on = date_field("召开日期")
    topic = forms.CharField(label="主题", max_length=200)
    minutes = forms.CharField(label="会议记录", required=False,
                              widget=forms.Textarea(attrs={"rows": 5}))  # fmt: skip
    attendees = forms.TypedMultipleChoiceField(
        label="参会党员", coerce=int, required=False, widget=forms.CheckboxSelectMultiple
    )
    photos = MultipleFileField(
        label="会议照片", required=False,
        widget=MultipleImageInput(attrs={"accept": "image/*"}),
        help_text=f"可一次选多张，最多 {MOST_PHOTOS} 张。",
    )  # fmt: skip

    def __init__(self, *args, organisations, members, **kwargs):
        super().__init__(*args, **kwargs)
        self.organisations = {o.pk: o for o in organisations}
        self.members = {m.pk: m for m in members}
        self.fields["organisation"].choices = organisation_choices(organisations)
        self.fields["attendees"].choices = [(m.pk, m.name) for m in members]

    def clean_photos(self):
        uploads = [f for f in self.cleaned_data["photos"] if f and f.size]
        if len(uploads) > MOST_PHOTOS:
            raise forms.ValidationError(f"一次最多 {MOST_PHOTOS} 张照片。")
        return uploads


class CommendationForm(forms.Form):
    kind = forms.ChoiceField(label="类别", choices=CommendationKind.choices)
    title = forms.CharField(label="名称", max_length=200)
    decided_on = date_field("日期")
    issuer = forms.CharField(label="批准机关", max_length=100, required=False)


class AppraisalForm(forms.Form):
    year = forms.IntegerField(label="年度", min_value=1950, max_value=2100)
    result = forms.ChoiceField(label="评议结果", choices=AppraisalResult.choices)


class RecruitForm(forms.Form):
    name = forms.CharField(label="姓名", max_length=50)
    gender = forms.ChoiceField(label="性别", choices=Gender.choices, widget=forms.RadioSelect)
    birth_date = date_field("出生日期")
    education = forms.ChoiceField(label="学历", choices=Education.choices)
    organisation = forms.TypedChoiceField(label="培养党组织", coerce=int)
    applied_on = date_field("递交入党申请书日期")
    phone = forms.CharField(label="联系电话", max_length=20, required=False)

    def __init__(self, *args, organisations, **kwargs):
        super().__init__(*args, **kwargs)
        self.organisations = {o.pk: o for o in organisations}
        self.fields["organisation"].choices = organisation_choices(organisations)


class AdvanceForm(forms.Form):
    stage = forms.ChoiceField(choices=RecruitStage.choices, widget=forms.HiddenInput)
    on = date_field("日期")


class TransferForm(forms.Form):
    to_code = forms.CharField(
        label="转入站点（行政区划代码）", max_length=12,
        help_text="填写接收党员的村（社区）或单位站点的行政区划代码。",
    )  # fmt: skip
    to_organisation = forms.UUIDField(label="转入党组织", required=False)
    reason = forms.CharField(label="转接原因", max_length=200, required=False)


class ReturnForm(forms.Form):
    reply = forms.CharField(label="退回理由", max_length=200)


# 30,000 members with every column are about 2 MB as xlsx, 4 MB as CSV.
MOST_IMPORT_BYTES = 20 * 1024 * 1024


class ImportForm(forms.Form):
    file = forms.FileField(label="党员信息表（Excel 或 CSV 文件）")

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MOST_IMPORT_BYTES:
            raise forms.ValidationError("文件超过 20 MB，请分成几个文件导入。")
        return upload


class AccountForm(forms.Form):
    username = forms.CharField(label="登录名", max_length=150)
    password = forms.CharField(label="初始密码", min_length=8, widget=forms.PasswordInput)


class LeadershipForm(forms.Form):
    secretary = forms.TypedChoiceField(label="书记", coerce=int, required=False, empty_value=None)
    committee = forms.TypedMultipleChoiceField(
        label="委员", coerce=int, required=False, widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args, members, **kwargs):
        super().__init__(*args, **kwargs)
        self.members = {m.pk: m for m in members}
        choices = [(m.pk, m.name) for m in members]
        self.fields["secretary"].choices = [("", "（未设）"), *choices]
        self.fields["committee"].choices = choices
