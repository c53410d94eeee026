"""The admin's login form with Chinese labels (Wagtail's password field has none, so
Django shows the field's English name)."""

from wagtail.admin.forms.auth import LoginForm


class ChineseLoginForm(LoginForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["password"].label = "密码"
