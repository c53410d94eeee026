"""Public renditions are made by a worker when an image is saved, not by a reader."""

import re
import time
from pathlib import Path

from django.db import connection
from django_tenants.utils import schema_context
from wagtail.images import get_image_model

from sites.factories import ImageFactory
from themes.renditions import PUBLIC_RENDITIONS

ROOT = Path(__file__).resolve().parents[2]


FILTER = re.compile(r"{% image \S+ ((?:fill|max|min|width|height)-\w+)")


def test_every_size_the_templates_use_is_made_on_upload():
    used = set()
    for folder in ("themes/templates", "shared_blocks/templates"):
        for template in (ROOT / folder).rglob("*.html"):
            used |= set(
                re.findall(
                    r"{% image \S+ ((?:fill|max|min|width|height)-\w+)", template.read_text()
                )
            )
    assert used and used <= set(PUBLIC_RENDITIONS), used - set(PUBLIC_RENDITIONS)


def test_a_saved_image_gets_its_renditions_from_a_worker(worker, django_db_blocker):
    with django_db_blocker.unblock(), schema_context("n340111"):
        image = ImageFactory()  # committed: the worker reads it
        try:
            deadline = time.monotonic() + 60
            renditions = get_image_model().objects.get(pk=image.pk).renditions
            while renditions.count() < len(PUBLIC_RENDITIONS):
                assert time.monotonic() < deadline, renditions.count()
                time.sleep(0.2)
            made = set(renditions.values_list("filter_spec", flat=True))
            assert made == set(PUBLIC_RENDITIONS)
        finally:
            get_image_model().objects.filter(pk=image.pk).delete()
    connection.set_schema_to_public()
