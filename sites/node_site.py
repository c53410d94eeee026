"""Building node sites (in bulk) and removing one, inside the current schema."""

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

from network.treepaths import ChildSlots, insert_sorted_children

from .admin_indexing import index_new
from .columns import DISCLOSURE_COLUMNS, standard_columns
from .inserting import insert_inherited
from .models import ColumnKind, ColumnPage, HomePage
from .slugs import pinyin_slug


@dataclass(frozen=True)
class SiteRequest:
    """What one node's site is built from."""

    code: str
    name: str
    level: str
    hostname: str
    is_default: bool


@dataclass
class NodeSite:
    site: Site
    home: HomePage
    collection: Collection


def create_node_sites(requests: list[SiteRequest]) -> list[NodeSite]:
    """For each request: a home page with the level's standard columns, a Site and a
    media collection, all written in bulk (one insert per table for the whole list);
    the pages are the ones `add_child` would make, one node or a county's 190 alike.
    """
    root = Page.get_first_root_node()
    locale = root.locale
    page_slots, homes, pages = ChildSlots(Page), [], []
    for request in requests:
        home = HomePage(title=request.name, slug=f"n{request.code}", node_code=request.code)
        _place_page(page_slots, home, root, locale)
        homes.append(home)
        pages.append(home)
        for title in standard_columns(request.level):
            # standard titles are distinct, so their slugs need no uniqueness search
            kind = ColumnKind.DISCLOSURE if title in DISCLOSURE_COLUMNS else ColumnKind.NEWS
            column = ColumnPage(title=title, slug=pinyin_slug(title), show_in_menus=True, kind=kind)
            _place_page(page_slots, column, home, locale)
            pages.append(column)
    page_slots.count_children(homes)
    insert_inherited(pages)
    page_slots.update_saved_parents()
    # New pages hold no references (no reference index rows), and are searchable at once.
    index_new(pages)

    sites = Site.objects.bulk_create(
        [
            Site(
                hostname=request.hostname,
                port=80,
                root_page=home,
                site_name=request.name,
                is_default_site=request.is_default,
            )
            for request, home in zip(requests, homes, strict=True)
        ]
    )
    Site.clear_site_root_paths_cache()  # what Wagtail's Site post_save handler does

    collections = [Collection(name=f"{request.name}（{request.code}）") for request in requests]
    # collections are kept sorted by name (treebeard's node_order_by)
    insert_sorted_children(Collection, Collection.get_first_root_node(), collections)
    return [NodeSite(*row) for row in zip(sites, homes, collections, strict=True)]


def _place_page(slots, page, parent, locale):
    """The fields Wagtail's `add_child` and `save` fill in for a new page."""
    slots.place(page, parent)
    page.locale = locale
    page.draft_title = page.title
    page.set_url_path(parent)


def create_review_workflows(reviews) -> None:
    """Per (name, home, reviewer groups): editors submit for moderation; the node's
    reviewers and webmaster approve. Written in bulk like the sites."""
    workflows = Workflow.objects.bulk_create(
        [Workflow(name=f"{name}审核") for name, _, _ in reviews]
    )
    tasks = [GroupApprovalTask(name=f"{name}审核员审批") for name, *_ in reviews]
    insert_inherited(tasks)
    groups_field = GroupApprovalTask._meta.get_field("groups")
    through = groups_field.remote_field.through
    task_column, group_column = groups_field.m2m_field_name(), groups_field.m2m_reverse_field_name()
    through.objects.bulk_create(
        [
            through(**{task_column: task, group_column: group})
            for task, (_, _, groups) in zip(tasks, reviews, strict=True)
            for group in groups
        ]
    )
    WorkflowTask.objects.bulk_create(
        [
            WorkflowTask(workflow=workflow, task=task, sort_order=0)
            for workflow, task in zip(workflows, tasks, strict=True)
        ]
    )
    WorkflowPage.objects.bulk_create(
        [
            WorkflowPage(workflow=workflow, page=home)
            for workflow, (_, home, _) in zip(workflows, reviews, strict=True)
        ]
    )


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
