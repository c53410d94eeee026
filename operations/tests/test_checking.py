"""Broken internal links and missing files, found without leaving the server."""

import pytest
from django.core.files.storage import default_storage
from django_tenants.utils import schema_context
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.rich_text import RichText

from operations.checking import check_schema, references
from operations.models import SiteProblem
from sites.factories import ArticlePageFactory, node_column

pytestmark = pytest.mark.django_db


def test_references_are_read_from_rich_text_and_choosers():
    body = [
        {"type": "paragraph", "value": '<p><a linktype="page" id="12">旧闻</a>'
         '<a id="7" linktype="document">附件</a><a href="/media/documents/a.pdf">下载</a>'
         '<a href="https://www.12371.cn/">共产党员网</a></p>'},
        {"type": "image", "value": {"image": 5, "caption": "合影"}},
        {"type": "paragraph", "value": '<embed alt="" embedtype="image" format="left" id="6"/>'},
    ]  # fmt: skip
    found = references(body)
    assert found == {
        "page": {12},
        "document": {7},
        "image": {5, 6},
        "media": {"documents/a.pdf"},
    }  # fmt: skip  (the outside address is not followed)


def test_a_sites_broken_links_and_missing_files_are_listed(net):
    schema = net.village1.tenant.schema_name
    with schema_context(schema):
        column = node_column(net.village1, "党员教育")
        target = ArticlePageFactory(parent=column, title="将被删除的文章")
        good = ArticlePageFactory(parent=column, title="仍然在的文章")
        image = get_image_model().objects.create(title="丢失的照片", file=get_test_image_file())
        default_storage.delete(image.file.name)  # the file is gone, the record stays
        links = (
            f'<p><a linktype="page" id="{target.pk}">已删</a>'
            f'<a linktype="page" id="{good.pk}">还在</a>'
            '<a href="/media/documents/none.pdf">附件</a></p>'
        )
        ArticlePageFactory(
            parent=column, title="引用了失效内容的文章",
            body=[("paragraph", RichText(links)), ("image", {"image": image, "caption": "合影"})],
        )  # fmt: skip
        target.delete()
    found = check_schema(schema)
    problems = SiteProblem.objects.filter(node=net.village1)
    assert found == problems.count() == 3
    details = sorted(problems.values_list("kind", "target"))
    assert details[0][0] == "broken_link" and f"#{target.pk}" in details[0][1]
    assert {kind for kind, _ in details[1:]} == {"missing_file"}
    assert all(p.page_title == "引用了失效内容的文章" for p in problems)
    # a second run replaces, never adds
    assert check_schema(schema) == 3 and SiteProblem.objects.filter(node=net.village1).count() == 3
