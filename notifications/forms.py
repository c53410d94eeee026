from django import forms

from .models import Contact


class ContactForm(forms.ModelForm):
    class Meta:
        model = Contact
        fields = ["mobile", "email_enabled", "sms_enabled"]

    def clean(self):
        data = super().clean()
        if data.get("sms_enabled") and not data.get("mobile"):
            self.add_error("mobile", "接收短信提醒需要填写手机号码。")
        return data
