"""Every place xfnet relies on Wagtail internals that have no public hook.

Each is named for what it changes; network/tests/test_wagtail_internals.py checks
the internal is still there and behaves as assumed, so an upgrade that changes it
fails there, loudly, instead of quietly leaking another site's names or looking the
site up twice.
"""

from wagtail.admin.views.pages.listing import GenericPageFilterSet, PageFilterSet
from wagtail.models import Site, Task, TaskState
from wagtail.models.workflows import BaseTaskStateManager

from .admin_scope import page_editors_for, page_owners_for, sites_for

# The page listing's filters whose choices Wagtail reads from the whole schema.
PAGE_LISTING_FILTERSETS = (PageFilterSet, GenericPageFilterSet)
SCOPED_FILTERS = {"site": sites_for, "owner": page_owners_for, "edited_by": page_editors_for}


def restrict_page_listing_filters() -> None:
    """Point the page listing's 站点/所有者/编辑者 filters at the user's own sites.

    Several grassroots sites share a schema; Wagtail offers no hook for these
    choices, so the filter sets' class-level filters get per-request querysets."""
    for filterset in PAGE_LISTING_FILTERSETS:
        for name, queryset in SCOPED_FILTERS.items():
            filterset.base_filters[name].queryset = queryset


def remember_site(request, site: Site) -> None:
    """Tell Wagtail which Site the request is for. `Site.find_for_request` keeps its
    answer on `request._wagtail_site` (its docstring says so) and looks no further."""
    request._wagtail_site = site


def reviewable_by(manager, user):
    """Wagtail's "awaiting your review" asks every active task whether the user may
    moderate it, a query each: one task per site, so ~190 in a county's schema and
    half a second on a county webmaster's dashboard. Only a task with a review in
    progress can answer with anything, so only those are asked."""
    pending = (
        Task.objects.filter(active=True, task_states__status=TaskState.STATUS_IN_PROGRESS)
        .distinct()
        .specific()
    )
    states = TaskState.objects.none()
    for task in pending:
        states = states | task.get_task_states_user_can_moderate(user=user)
    return states


def ask_only_tasks_under_review() -> None:
    """Replace `TaskState.objects.reviewable_by` (no hook exists) with the above."""
    BaseTaskStateManager.reviewable_by = reviewable_by
