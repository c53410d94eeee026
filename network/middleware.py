"""Routing each request to its node, and keeping editors inside the nodes they were given."""

from django.core.exceptions import DisallowedHost
from django.db import connection
from django.shortcuts import render
from django_tenants.middleware.main import TenantMainMiddleware

from .admin_scope import may_open_page
from .hosts import route_for_host
from .roles import user_may_administer
from .wagtail_internals import remember_site


class NodeRoutingMiddleware(TenantMainMiddleware):
    """Find the node by host name, then switch to the schema its data lives in.

    Unlike django-tenants' own lookup this knows the node as well as the schema:
    several grassroots nodes share their county's schema.
    """

    @staticmethod
    def hostname_from_request(request):
        # The name as asked: "www.feixi.gov.cn" may be a node's own domain (django-
        # tenants would drop the "www."); without a node of its own, the name
        # without "www." is tried next.
        return request.get_host().split(":")[0].lower()

    def process_request(self, request):
        connection.set_schema_to_public()
        try:
            hostname = self.hostname_from_request(request)
        except DisallowedHost:
            return unknown_host(request)
        route = route_for_host(hostname)
        if route is None and hostname.startswith("www."):
            route = route_for_host(hostname.removeprefix("www."))
        if route is None:
            return unknown_host(request)
        domain = route.domain
        tenant = domain.tenant
        tenant.domain_url = hostname
        request.tenant = tenant
        request.node = domain.node
        if route.site is not None:
            remember_site(request, route.site)  # Wagtail need not look for it again
        connection.set_tenant(tenant)
        self.setup_url_routing(request)
        return None


def unknown_host(request):
    return render(request, "themes/unknown_host.html", status=404)


ADMIN_PREFIX = "/admin/"
OPEN_ADMIN_PATHS = ("/admin/login/", "/admin/logout/", "/admin/password_reset/", "/admin/jsi18n/")
# The URL arguments of Wagtail's page views that name a page.
PAGE_ID_KWARGS = ("page_id", "pk", "parent_page_id", "page_to_move_id", "destination_id")
# Reports over the whole schema, which spans several grassroots sites.
SUPERUSER_ADMIN_PATHS = ("/admin/reports/page-types-usage/",)


class AdminScopeMiddleware:
    """Keep an account out of the admin of a site where it holds no role.

    Wagtail's page and collection permissions already limit what an editor can touch;
    this also stops a village editor from using another county's admin at all.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        node = getattr(request, "node", None)
        user = request.user
        if (
            node is not None
            and request.path.startswith(ADMIN_PREFIX)
            and not request.path.startswith(OPEN_ADMIN_PATHS)
            and user.is_authenticated
            and (
                not user_may_administer(user, node)
                or (request.path.startswith(SUPERUSER_ADMIN_PATHS) and not user.is_superuser)
            )
        ):
            return forbidden(request, node)
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        """Page-level admin URLs (edit, history, workflow preview and actions, ...)
        answer only about pages on the account's own sites; Wagtail's refusals would
        name the page (its draft title) in their message."""
        match = request.resolver_match
        if (
            match is None
            or match.namespace != "wagtailadmin_pages"
            or not request.user.is_authenticated
        ):
            return None
        page_ids = [int(view_kwargs[key]) for key in PAGE_ID_KWARGS if key in view_kwargs]
        if not all(may_open_page(request.user, page_id) for page_id in page_ids):
            return forbidden(request, getattr(request, "node", None))
        return None


def forbidden(request, node):
    return render(request, "themes/admin_forbidden.html", {"node": node}, status=403)
