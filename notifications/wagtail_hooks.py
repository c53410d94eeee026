"""站内消息 in the admin: the inbox screen and menu item (with the unread count), a
dashboard panel, and where an account gives its mobile number and chooses e-mail
and text-message reminders (the account settings)."""

from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.sidebar import LinkMenuItem as LinkMenuItemComponent
from wagtail.admin.views.account import BaseSettingsPanel, notifications_tab

from .forms import ContactForm
from .models import Contact
from .queries import inbox_of, unread_count
from .views import InboxView


@hooks.register("register_admin_urls")
def register_inbox_urls():
    return [path("inbox/", InboxView.as_view(), name="xf_inbox")]


class InboxMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.is_authenticated

    def render_component(self, request):
        unread = unread_count(request.user)
        label = f"{self.label}（{unread}）" if unread else self.label
        return LinkMenuItemComponent(self.name, label, self.url, icon_name=self.icon_name,
                                     classname=self.classname, attrs=self.attrs)  # fmt: skip


@hooks.register("register_admin_menu_item")
def register_inbox_menu():
    return InboxMenuItem("站内消息", reverse("xf_inbox"), icon_name="mail", order=50)


class InboxPanel(Component):
    name = "xf_inbox"
    order = 40
    template_name = "notifications/admin/dashboard_panel.html"

    def __init__(self, items, unread):
        self.items, self.unread = items, unread

    def get_context_data(self, parent_context=None):
        return {"items": self.items, "unread": self.unread, "url": reverse("xf_inbox")}


@hooks.register("construct_homepage_panels")
def add_inbox_panel(request, panels):
    unread = unread_count(request.user)
    if unread:
        items = list(inbox_of(request.user).filter(read_at__isnull=True)[:5])
        panels.append(InboxPanel(items, unread))


class ContactPanel(BaseSettingsPanel):
    name = "xf_contact"
    title = "短信和邮件提醒"
    tab = notifications_tab
    order = 200
    form_class = ContactForm

    def get_form(self):
        contact = Contact.objects.filter(user=self.user).first() or Contact(user=self.user)
        if self.request.method == "POST":
            return ContactForm(self.request.POST, instance=contact, prefix=self.name)
        return ContactForm(instance=contact, prefix=self.name)


@hooks.register("register_account_settings_panel")
def register_contact_panel(request, user, profile):
    return ContactPanel(request, user, profile)
