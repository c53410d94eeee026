"""站内消息 in the admin: the account's own inbox (nobody reads another's); opening
the list marks what it shows as read."""

from django.core.paginator import Paginator
from django.utils import timezone
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from .models import InboxItem
from .queries import inbox_of

PER_PAGE = 30


class InboxView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "notifications/admin/inbox.html"
    page_title = "站内消息"
    header_icon = "mail"

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        page = Paginator(inbox_of(self.request.user), PER_PAGE).get_page(
            self.request.GET.get("page")
        )
        unread = [item.pk for item in page if item.read_at is None]
        context.update(page_obj=page, unread=set(unread))
        InboxItem.objects.filter(pk__in=unread).update(read_at=timezone.now())
        return context
