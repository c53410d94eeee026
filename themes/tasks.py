from celery import shared_task
from wagtail.images import get_image_model

from .renditions import make_public_renditions


# Sent from the image's schema, run in it (tenant-aware Celery). A file the worker
# cannot read yet (shared storage catching up) is retried.
@shared_task(
    name="themes.tasks.make_renditions",
    autoretry_for=(OSError,),
    retry_backoff=2,
    retry_backoff_max=20,
    max_retries=5,
)
def make_renditions(image_id: int) -> int:
    image = get_image_model().objects.filter(pk=image_id).first()
    return make_public_renditions(image) if image is not None else 0
