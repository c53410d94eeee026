"""What of its schema an account may see in the Wagtail admin.

Several grassroots sites share their county's schema. Wagtail's permissions already
stop an editor from opening or changing another site's pages and media; these
helpers also keep the other sites' names, drafts and editors out of the lists,
filters and choosers that Wagtail builds from the whole schema.
"""

from functools import reduce
from operator import or_

from django.contrib.auth import get_user_model
from django.db.models import Q
from wagtail.models import GroupPagePermission, Page, PageLogEntry, Site


def permitted_root_paths(user) -> list[str]:
    """Tree paths of the pages the user's groups hold rights on, in the current schema."""
    return list(
        GroupPagePermission.objects.filter(group__user=user)
        .values_list("page__path", flat=True)
        .distinct()
    )


def within_roots(user, field="path") -> Q:
    """A filter matching pages under the user's roots (everything for a superuser)."""
    if user.is_superuser:
        return Q()
    paths = permitted_root_paths(user)
    if not paths:
        return Q(pk__in=[])
    return reduce(or_, (Q(**{f"{field}__startswith": path}) for path in paths))


def may_open_page(user, page_id: int) -> bool:
    """Whether an admin URL naming this page may answer the user at all: the page is
    on one of the user's sites, or above them (the explorer walks down from there).
    Wagtail's own views check the action; this keeps a refusal from naming the page."""
    if user.is_superuser:
        return True
    page_path = Page.objects.filter(pk=page_id).values_list("path", flat=True).first()
    if page_path is None:
        return True  # Wagtail answers 404 itself
    return any(
        page_path.startswith(root) or root.startswith(page_path)
        for root in permitted_root_paths(user)
    )


def sites_for(request):
    return Site.objects.filter(within_roots(request.user, "root_page__path"))


def page_owners_for(request):
    pages = Page.objects.filter(within_roots(request.user)).order_by()
    return get_user_model().objects.filter(pk__in=pages.values_list("owner_id", flat=True))


def page_editors_for(request):
    pages = Page.objects.filter(within_roots(request.user)).order_by()
    entries = PageLogEntry.objects.filter(action="wagtail.edit", page__in=pages).order_by()
    return get_user_model().objects.filter(pk__in=entries.values_list("user_id", flat=True))
