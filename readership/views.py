"""阅读统计: views summed per site, for the node of the admin's host and the sites below."""

from django.core.paginator import Paginator
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.models import Page

from .reports import most_read, site_totals

SITES_PER_PAGE = 50


class ReadershipView(WagtailAdminTemplateMixin, TemplateView):
    """Anyone allowed into this host's admin (network.middleware.AdminScopeMiddleware)."""

    template_name = "readership/report.html"
    page_title = "阅读统计"
    header_icon = "view"

    def get_page_subtitle(self):
        return self.request.node.name

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        node = self.request.node
        context["own"] = site_totals([node])[0]
        below = Paginator(node.get_descendants().order_by("path"), SITES_PER_PAGE)
        page_obj = below.get_page(self.request.GET.get("page"))
        context["page_obj"] = page_obj
        context["below"] = site_totals(list(page_obj.object_list))
        top = most_read(node)
        titles = dict(Page.objects.filter(pk__in=[pk for pk, _ in top]).values_list("pk", "title"))
        context["top"] = [(titles.get(pk, f"（已删除的页面 {pk}）"), views) for pk, views in top]
        return context
