"""What every syndication admin view shares: the node of the admin's host."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from ..errors import SyndicationError


class NodeAdminView(WagtailAdminTemplateMixin, TemplateView):
    """An admin page about the node whose host it is served on.

    `allowed(user, node)` says who may open it; the services check every action again.
    """

    header_icon = "resubmit"

    def allowed(self, user, node) -> bool:
        raise NotImplementedError

    def dispatch(self, request, *args, **kwargs):
        self.node = getattr(request, "node", None)
        if self.node is None or not self.allowed(request.user, self.node):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_page_subtitle(self):
        return self.node.name

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]

    def act(self, request, action, success, back):
        """Run a service call; its refusal becomes a message, a denial a 403."""
        try:
            action()
        except SyndicationError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, success)
        return redirect(back)
