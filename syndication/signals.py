"""Origin-page events reach the ledger here; the rules are in syndication.revoking.

A story is shown elsewhere only while its origin is public (sites.visibility): so
unpublishing or restricting a column reaches the stories of every article below it.
"""

from django.db.models.signals import post_delete, post_save
from wagtail.models import PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from sites.lookup import article_ids_below, article_ids_restricted_by, is_article

from .models import AuditAction
from .revoking import origin_left, origin_published, origin_recheck


def on_published(sender, instance, revision=None, **kwargs):
    if is_article(sender):
        origin_published(instance, getattr(revision, "user", None))
    else:
        origin_recheck(article_ids_below(instance))


def on_unpublished(sender, instance, **kwargs):
    origin_left(article_ids_below(instance), AuditAction.UNPUBLISHED, kwargs.get("user"))


def on_deleted(sender, instance, **kwargs):
    if is_article(sender):
        origin_left([instance.pk], AuditAction.DELETED)


def on_restricted(sender, instance, **kwargs):
    origin_left(article_ids_restricted_by(instance), AuditAction.CLOSED)


def on_restriction_lifted(sender, instance, **kwargs):
    origin_recheck(article_ids_restricted_by(instance))


def on_moved(sender, instance, **kwargs):
    origin_recheck(article_ids_below(instance))


page_published.connect(on_published, dispatch_uid="syndication_published")
page_unpublished.connect(on_unpublished, dispatch_uid="syndication_unpublished")
post_delete.connect(on_deleted, dispatch_uid="syndication_deleted")
post_save.connect(on_restricted, sender=PageViewRestriction, dispatch_uid="syndication_restricted")
post_delete.connect(
    on_restriction_lifted,
    sender=PageViewRestriction,
    dispatch_uid="syndication_restriction_lifted",
)
post_page_move.connect(on_moved, dispatch_uid="syndication_moved")
