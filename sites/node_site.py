"""Building and removing one node's Wagtail site inside the current schema."""

from dataclasses import dataclass

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    Page,
    Site,
    Workflow,
    WorkflowPage,
    WorkflowState,
    WorkflowTask,
)
from wagtail.signal_handlers import disable_reference_index_auto_update

from .admin_indexing import batched_search_indexing
from .columns import DISCLOSURE_COLUMNS, standard_columns
from .models import ColumnKind, ColumnPage, HomePage
from .slugs import pinyin_slug


@dataclass
class NodeSite:
    site: Site
    home: HomePage
    collection: Collection


def create_node_site(*, code, name, level, hostname, is_default) -> NodeSite:
    """A home page with the level's standard columns, a Site and a media collection."""
    root = Page.get_first_root_node()
    # New pages hold no references yet; their search entries are written in one batch.
    with disable_reference_index_auto_update(), batched_search_indexing():
        locale = root.locale
        home = root.add_child(
            instance=HomePage(title=name, slug=f"n{code}", node_code=code, locale=locale)
        )
        for title in standard_columns(level):
            # standard titles are distinct, so their slugs need no uniqueness search
            kind = ColumnKind.DISCLOSURE if title in DISCLOSURE_COLUMNS else ColumnKind.NEWS
            column = ColumnPage(
                title=title, slug=pinyin_slug(title), show_in_menus=True, locale=locale, kind=kind
            )
            home.add_child(instance=column)
    site = Site.objects.create(
        hostname=hostname, port=80, root_page=home, site_name=name, is_default_site=is_default
    )
    collection = Collection.get_first_root_node().add_child(name=f"{name}（{code}）")
    return NodeSite(site=site, home=home, collection=collection)


def create_review_workflow(*, name, home, reviewer_groups):
    """Editors submit for moderation; the node's reviewers and webmaster approve."""
    workflow = Workflow.objects.create(name=f"{name}审核")
    task = GroupApprovalTask.objects.create(name=f"{name}审核员审批")
    task.groups.set(reviewer_groups)
    WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    WorkflowPage.objects.create(workflow=workflow, page=home)
    return workflow


def delete_node_site(*, site_id, root_page_id, collection_id):
    """Remove a site, its pages, media and workflow from the current schema."""
    Site.objects.filter(pk=site_id).delete()
    home = Page.objects.filter(pk=root_page_id).first()
    if home is not None:
        workflows = list(Workflow.objects.filter(workflow_pages__page=home))
        home.delete()
        for workflow in workflows:
            tasks = [workflow_task.task for workflow_task in workflow.workflow_tasks.all()]
            WorkflowState.objects.filter(workflow=workflow).delete()
            workflow.delete()
            for task in tasks:
                task.delete()
    collection = Collection.objects.filter(pk=collection_id).first()
    if collection is not None:
        get_image_model().objects.filter(collection=collection).delete()
        get_document_model().objects.filter(collection=collection).delete()
        collection.delete()
