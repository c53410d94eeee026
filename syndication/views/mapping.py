"""栏目映射: a webmaster maps the children's columns to the node's own; the province's
webmaster also sets the network-wide defaults."""

from django.contrib import messages
from django.db import transaction
from django.shortcuts import redirect

from ..errors import SyndicationError
from ..forms import ColumnMappingForm, DefaultMappingForm
from ..mapping import (
    all_standard_titles,
    child_column_titles,
    columns_of,
    default_mappings,
    may_map_columns,
    may_set_default_mapping,
    node_mappings,
    set_column_mapping,
    set_default_mapping,
)
from .base import NodeAdminView


class ColumnMappingView(NodeAdminView):
    template_name = "syndication/admin/mapping.html"
    page_title = "栏目映射"

    def allowed(self, user, node):
        return may_map_columns(user, node)

    def forms(self, data=None):
        titles = child_column_titles(self.node)
        defaults = default_mappings()
        own = ColumnMappingForm(
            data if data and "save_own" in data else None,
            titles=titles, columns=self.columns, defaults=defaults,
            current={title: mapping.column_page_id for title, mapping in self.own.items()},
        )  # fmt: skip
        network = None
        if may_set_default_mapping(self.request.user) and self.node.is_root():
            network = DefaultMappingForm(
                data if data and "save_defaults" in data else None,
                titles=all_standard_titles(),
                current={title: mapping.column_title for title, mapping in defaults.items()},
            )
        return own, network

    def prepare(self, request, **kwargs):
        self.columns = columns_of(self.node)
        self.own = node_mappings(self.node)

    def get_context_data(self, own=None, network=None, **kwargs):
        context = super().get_context_data(**kwargs)
        if own is None:
            own, network = self.forms()
        context.update(form=own, defaults_form=network)
        return context

    def post(self, request, *args, **kwargs):
        own, network = self.forms(request.POST)
        form = network if "save_defaults" in request.POST and network is not None else own
        if not form.is_valid():
            context = self.get_context_data(own=own, network=network)
            return self.render_to_response(context, status=400)
        by_pk = {column.pk: column for column in self.columns}
        try:
            with transaction.atomic():  # all or nothing
                for title, value in form.mapped():
                    if form is own:
                        set_column_mapping(
                            user=request.user, node=self.node, from_title=title,
                            column=by_pk.get(value) if value else None,
                        )  # fmt: skip
                    else:
                        set_default_mapping(user=request.user, from_title=title, to_title=value)
        except SyndicationError as error:
            messages.error(request, str(error))
            return self.render_to_response(self.get_context_data(own=own, network=network), 400)
        messages.success(request, "栏目映射已保存。")
        return redirect(request.path)
