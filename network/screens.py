"""What the project's own screens about one node share: the node is the host's (the
routing middleware set it; no node, no page), an admin screen says who may open it
there (`allowed`; anyone else gets a Chinese page and 403), its title closes the
breadcrumbs, and its menu item is shown to the same people."""

from django.http import Http404
from django.shortcuts import render
from django.views.generic import TemplateView
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin


def node_or_404(request):
    """The node whose host the request came to."""
    node = getattr(request, "node", None)
    if node is None:
        raise Http404
    return node


def int_param(value, default: int, low: int, high: int) -> int:
    """A whole number from a query string, the default when absent or out of range."""
    try:
        number = int(value)
    except (TypeError, ValueError):
        return default
    return number if low <= number <= high else default


class NodeMenuItem(MenuItem):
    """An admin menu entry shown where `shown_to(user, node)` holds for the host's node."""

    def __init__(self, *args, shown_to, **kwargs):
        self.shown_to = shown_to
        super().__init__(*args, **kwargs)

    def is_shown(self, request):
        node = getattr(request, "node", None)
        return node is not None and self.shown_to(request.user, node)


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
