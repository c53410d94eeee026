"""The Wagtail internals network.wagtail_internals relies on are still there."""

import pytest
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django_tenants.utils import schema_context
from wagtail.models import Site, TaskState
from wagtail.models.workflows import BaseTaskStateManager

from network.admin_scope import page_editors_for, page_owners_for, sites_for
from network.factories import UserFactory
from network.wagtail_internals import PAGE_LISTING_FILTERSETS, remember_site, reviewable_by
from sites.factories import ArticlePageFactory, node_column

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("filterset", PAGE_LISTING_FILTERSETS, ids=lambda f: f.__name__)
def test_page_listing_filters_take_their_choices_from_the_users_sites(filterset):
    filters = filterset.base_filters
    assert {"site", "owner", "edited_by"} <= set(filters), "Wagtail renamed a page filter"
    assert filters["site"].queryset is sites_for
    assert filters["owner"].queryset is page_owners_for
    assert filters["edited_by"].queryset is page_editors_for


def test_wagtail_keeps_the_site_it_is_given_and_asks_no_more(net):
    with schema_context(net.county1.tenant.schema_name):
        site = Site.objects.get(pk=net.county1.site_id)
    request = RequestFactory().get("/", HTTP_HOST="somewhere-else.localhost")
    remember_site(request, site)
    with CaptureQueriesContext(connection) as queries:
        assert Site.find_for_request(request) is site
    assert not queries.captured_queries


def test_the_routing_middleware_answers_which_site_once(client, net):
    host = "village1.localhost"
    client.get("/", HTTP_HOST=host)  # the host's route is cached from here on
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/tong-zhi-gong-gao/?page=1&uncached=1", HTTP_HOST=host)
    assert response.status_code == 200
    assert Site.find_for_request(response.wsgi_request).pk == net.village1.site_id
    assert not [q for q in queries.captured_queries if "wagtailcore_site" in q["sql"]]


def test_awaiting_review_asks_only_the_tasks_with_a_review_in_progress(net):
    """A county's schema holds a review task per site; the dashboard's "awaiting your
    review" lists the same states, with queries for pending tasks only."""
    assert BaseTaskStateManager.reviewable_by is reviewable_by
    reviewer = UserFactory(username="jia_shenhe", roles=[(net.village1, "reviewer")])
    other = UserFactory(username="yi_shenhe", roles=[(net.village2, "reviewer")])
    with schema_context(net.village1.tenant.schema_name):
        quiet = CaptureQueriesContext(connection)
        with quiet:
            assert list(TaskState.objects.reviewable_by(reviewer)) == []
        draft = ArticlePageFactory(parent=node_column(net.village1, "村务公开"), live=False)
        draft.save_revision(user=reviewer)
        state = draft.get_workflow().start(draft, reviewer).current_task_state
        assert list(TaskState.objects.reviewable_by(reviewer)) == [state]
        assert list(TaskState.objects.reviewable_by(other)) == []
    # with nothing under review no task is asked (Wagtail asked each site's)
    assert len(quiet.captured_queries) <= 2
