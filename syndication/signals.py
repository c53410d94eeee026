"""Origin-page events reach the ledger here; the rules are in syndication.revoking."""

from django.db.models.signals import post_delete
from wagtail.signals import page_published, page_unpublished

from sites.lookup import is_article

from .models import AuditAction
from .revoking import origin_left, origin_published


def on_published(sender, instance, revision=None, **kwargs):
    if is_article(sender):
        origin_published(instance, getattr(revision, "user", None))


def on_unpublished(sender, instance, **kwargs):
    if is_article(sender):
        origin_left(instance.pk, AuditAction.UNPUBLISHED, kwargs.get("user"))


def on_deleted(sender, instance, **kwargs):
    if is_article(sender):
        origin_left(instance.pk, AuditAction.DELETED)


page_published.connect(on_published, dispatch_uid="syndication_published")
page_unpublished.connect(on_unpublished, dispatch_uid="syndication_unpublished")
post_delete.connect(on_deleted, dispatch_uid="syndication_deleted")
