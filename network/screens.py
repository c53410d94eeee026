"""What the project's own admin screens about one node share: the node is the admin
host's, the screen says who may open it there (`allowed`; anyone else gets a Chinese
page and 403), and its title closes the breadcrumbs."""

from django.http import Http404
from django.shortcuts import render
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin


class NodeScreen(WagtailAdminTemplateMixin, TemplateView):
    refusal = "您在本站没有这项权限。"

    def allowed(self, user, node) -> bool:
        raise NotImplementedError

    def dispatch(self, request, *args, **kwargs):
        self.node = getattr(request, "node", None)
        if self.node is None:
            raise Http404
        if not self.allowed(request.user, self.node):
            context = {"message": self.refusal, "page_title": "没有权限"}
            return render(request, "xfadmin/forbidden.html", context, status=403)
        return super().dispatch(request, *args, **kwargs)

    def get_page_subtitle(self):
        return self.node.name

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]
