"""What every syndication admin view shares: the node of the admin's host."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
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

    def prepare(self, request, **kwargs):
        """Load what the URL names, checking access (inside the 403 handling)."""

    def dispatch(self, request, *args, **kwargs):
        # Wagtail turns PermissionDenied into a redirect to the dashboard; a refused
        # syndication action answers 403 with the reason, so a forged post is plain.
        try:
            self.node = getattr(request, "node", None)
            if self.node is None or not self.allowed(request.user, self.node):
                raise PermissionDenied("您在本站没有这项权限。")
            self.prepare(request, **kwargs)
            return super().dispatch(request, *args, **kwargs)
        except PermissionDenied as denied:
            return forbidden(request, denied)

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


def forbidden(request, denied):
    context = {"message": str(denied), "page_title": "没有权限"}
    return render(request, "syndication/admin/forbidden.html", context, status=403)
