"""An image saved (uploaded, or its file or focal point changed): its public
renditions are made in the background once the save is committed."""

from django.db import transaction
from django.db.models.signals import post_save
from wagtail.images import get_image_model

from .tasks import make_renditions


def image_saved(sender, instance, **kwargs):
    transaction.on_commit(lambda: make_renditions.delay(instance.pk))


post_save.connect(image_saved, sender=get_image_model(), dispatch_uid="themes_make_renditions")
