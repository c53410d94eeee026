"""写稿: one article from a title, text and photos, through the same steps as the full
editor: a revision, then 发布 (and 报送上级) for those who may publish, or 提交审核
to the node's own reviewers for an editor. All or nothing."""

from django.db import transaction
from django.utils import timezone
from django.utils.html import escape
from django_tenants.utils import schema_context
from wagtail.images import get_image_model
from wagtail.rich_text import RichText

from network.models import Node
from sites.models import ArticlePage
from syndication.permissions import may_review_at, may_submit_from, require
from syndication.stories import story_for_article
from syndication.submitting import column_belongs_to, submit_up

from .photos import prepared_photo


def paragraphs(text: str) -> list[str]:
    """Text pasted from WeChat or Word: one paragraph per line, styles gone."""
    lines = (line.strip().replace("\u3000", " ").strip() for line in text.splitlines())
    return [line for line in lines if line]


def may_publish(user, node: Node) -> bool:
    """审核员 and 站长 publish; 编辑 (信息员) send to them."""
    return may_review_at(user, node)


def post_article(*, user, node: Node, column, title, text, photos, submit_to_parent) -> ArticlePage:
    """`photos`: (uploaded file, description) pairs; the description is the photo's
    title, its caption and its `alt`. What happened is on the article and the ledger
    (live, its workflow, its submission)."""
    require(may_submit_from(user, node), "只有本站成员可以写稿。")
    require(column_belongs_to(column, node), "只能发到本站的栏目。")
    prepared = [(prepared_photo(upload), description) for upload, description in photos]
    publish = may_publish(user, node)
    with transaction.atomic(), schema_context(node.tenant.schema_name):
        images = [
            get_image_model().objects.create(
                title=description, file=file, collection_id=node.collection_id,
                uploaded_by_user=user,
            )
            for file, description in prepared
        ]  # fmt: skip
        body = [("paragraph", RichText(f"<p>{escape(p)}</p>")) for p in paragraphs(text)]
        body += [("image", {"image": image, "caption": image.title}) for image in images]
        article = ArticlePage(
            title=title,
            date=timezone.now(),
            source=node.name,
            author=user.get_full_name() or user.get_username(),
            body=body,
            cover_image=images[0] if images else None,
            owner=user,
            live=False,  # a draft until published below (or approved by a reviewer)
        )
        column.specific.add_child(instance=article)
        revision = article.save_revision(user=user, log_action=True)
        if publish:
            revision.publish(user=user)
            article.refresh_from_db()
            if submit_to_parent and not node.is_root():
                story = story_for_article(article, node, user)
                submit_up(user=user, node=node, story=story)
        else:
            workflow = article.get_workflow()
            if workflow is not None:
                workflow.start(article, user)
    return article
