from django import forms
from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.db import transaction

from .models import Role
from .roles import assign_role


class AddMemberForm(forms.Form):
    """Give a role on this node to an existing account, or to a new one."""

    role = forms.ChoiceField(label="角色", choices=Role.choices, initial=Role.EDITOR)
    username = forms.CharField(
        label="账号", max_length=150, help_text="已有账号直接填写；新账号还需填写姓名和初始密码"
    )
    full_name = forms.CharField(label="姓名", max_length=150, required=False)
    password = forms.CharField(
        label="初始密码", required=False, strip=False, widget=forms.PasswordInput
    )

    def __init__(self, *args, node, **kwargs):
        self.node = node
        super().__init__(*args, **kwargs)

    def clean_username(self):
        username = self.cleaned_data["username"].strip()
        get_user_model().username_validator(username)
        return username

    def clean(self):
        cleaned = super().clean()
        username, password = cleaned.get("username"), cleaned.get("password")
        if not username:
            return cleaned
        self.existing = get_user_model().objects.filter(username=username).first()
        if self.existing is not None and password:
            self.add_error("password", "该账号已存在，不能在这里修改密码，请留空。")
        elif self.existing is None:
            if not password:
                self.add_error("password", "新账号需要设置初始密码。")
            else:
                user = get_user_model()(username=username, first_name=cleaned.get("full_name", ""))
                try:
                    validate_password(password, user)
                except forms.ValidationError as error:
                    self.add_error("password", error)
        return cleaned

    @transaction.atomic
    def save(self):
        user = self.existing
        if user is None:
            user = get_user_model().objects.create_user(
                username=self.cleaned_data["username"],
                password=self.cleaned_data["password"],
                first_name=self.cleaned_data["full_name"],
            )
        assign_role(user, self.node, self.cleaned_data["role"])
        return user
