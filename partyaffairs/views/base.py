"""What every 党务管理 admin screen shares: the node it is about, and who may open it.

URLs name a node by code; it must be the admin host's node or below it, and the
account must keep its register (or, for figures, may see them). The records are read
in that node's schema (partyaffairs.queries), whichever host the admin is on.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from network.models import Node

from ..access import may_keep_register, require_figures, require_register
from ..errors import PartyAffairsError
from ..queries import in_schema


class PartyView(WagtailAdminTemplateMixin, TemplateView):
    header_icon = "group"
    needs = "register"  # or "figures"

    def dispatch(self, request, *args, **kwargs):
        try:
            self.node = self.target_node(request, kwargs.get("code"))
            if self.needs == "figures":
                require_figures(request.user, self.node)
            else:
                require_register(request.user, self.node)
            self.may_keep = may_keep_register(request.user, self.node)
            return super().dispatch(request, *args, **kwargs)
        except PermissionDenied as denied:
            context = {"message": str(denied), "page_title": "没有权限"}
            return render(request, "xfadmin/forbidden.html", context, status=403)

    @staticmethod
    def target_node(request, code) -> Node:
        here = getattr(request, "node", None)
        if here is None:
            raise Http404
        if code is None:
            return here
        node = Node.objects.select_related("tenant").filter(code=code).first()
        if node is None or not node.path.startswith(here.path):
            raise Http404("没有这个站点。")
        return node

    def schema(self):
        return in_schema(self.node)

    def get_page_subtitle(self):
        return self.node.name

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["node"] = self.node
        context["may_keep"] = self.may_keep
        return context

    def refused(self, form, error: PartyAffairsError):
        form.add_error(None, str(error))
        return self.render_to_response(self.get_context_data(form=form))

    def done(self, message, url):
        messages.success(self.request, message)
        return redirect(url)


class FormScreen(PartyView):
    """One form on the shared form template: `get_form()` builds it (bound on POST),
    `save(form)` runs the service in the node's schema and returns (message, url);
    a refusal shows above the form, with what was typed kept."""

    template_name = "partyaffairs/admin/form.html"
    multipart = False

    def get_context_data(self, **kwargs):
        form = kwargs.get("form") or self.get_form()
        context = super().get_context_data(**kwargs)
        context.update(form=form, multipart=self.multipart)
        return context

    def post(self, request, *args, **kwargs):
        form = self.get_form()
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form))
        try:
            with self.schema():
                message, url = self.save(form)
        except PartyAffairsError as error:
            return self.refused(form, error)
        return self.done(message, url)
