"""A photo's alt text: its caption, else its title, never a camera's file name."""

import pytest
from django_tenants.utils import schema_context

from sites.blocks import ImageBlock
from sites.factories import ImageFactory
from sites.photo_titles import is_camera_file_name

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "title, camera",
    [
        ("IMG_20261123_093012", True), ("IMG_20261123_093012.jpg", True), ("DSC01234", True),
        ("mmexport1700000000000", True), ("微信图片_20261123", True), ("1700000000.jpg", True),
        ("村党支部召开党员大会", False), ("2026年主题党日", False),
    ],
)  # fmt: skip
def test_camera_file_names_are_recognised(title, camera):
    assert is_camera_file_name(title) is camera


@pytest.mark.parametrize(
    "title, caption, alt",
    [
        ("IMG_20261123_093012", "", 'alt=""'),
        ("IMG_20261123_093012", "主题党日活动现场", 'alt="主题党日活动现场"'),
        ("村党支部召开党员大会", "", 'alt="村党支部召开党员大会"'),
    ],
)
def test_an_article_photo_is_described_by_its_caption_or_title(net, title, caption, alt):
    block = ImageBlock()
    with schema_context(net.village1.tenant.schema_name):
        image = ImageFactory(title=title)
        html = block.render(block.to_python({"image": image.pk, "caption": caption}))
    assert alt in html
