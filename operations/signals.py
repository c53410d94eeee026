"""Publishing, unpublishing or deleting a page marks its schema for the next
incremental timeliness scan; nothing else happens here."""

from django.db.models.signals import post_delete
from django.dispatch import receiver
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished

from .scanning import current_schema_changed


@receiver(page_published)
@receiver(page_unpublished)
def _page_changed(sender, **kwargs):
    current_schema_changed()


@receiver(post_delete, sender=Page)
def _page_deleted(sender, **kwargs):
    current_schema_changed()
