"""资料中心: a library column starts with its four categories; items are listed with
their category, file type and 下载次数 (a download counts, a preview does not),
filtered by category, year and tag; a PDF is previewed in the page, an office file
offered for download; a file in a protected collection is never named or linked; an
item a county pushes down (下发) is listed in its villages' libraries and nowhere
else."""

from datetime import datetime

import pytest
from django.core.cache import caches
from django.core.files.base import ContentFile
from django.db import connection
from django.test import Client
from django.utils import timezone
from django_tenants.utils import schema_context
from wagtail.models import Collection, CollectionViewRestriction

from network.factories import UserFactory
from search.indexing import index_article
from search.query import Search
from sites.factories import (
    ColumnPageFactory,
    DocumentFactory,
    library_item,
    pdf_bytes,
    site_home,
)
from sites.library_setup import add_default_categories
from syndication.delivery import run_pending_here
from syndication.pushing import push_down
from syndication.stories import story_for_article

pytestmark = pytest.mark.django_db


def library_at(node):
    """Call inside the node's schema: a 资料中心 with its default categories."""
    library = ColumnPageFactory(parent=site_home(node), title="资料中心", kind="library")
    assert add_default_categories(library) == 4
    assert add_default_categories(library) == 0  # never twice
    return library


def category(library, title):
    return library.get_children().get(title=title).specific


def document(title, name, content=b"x", collection=None):
    doc = DocumentFactory(title=title, file=ContentFile(content, name=name))
    if collection is not None:
        doc.collection = collection
        doc.save()
    return doc


def test_items_are_listed_filtered_counted_and_previewed(net):
    with schema_context(net.village1.tenant.schema_name):
        library = library_at(net.village1)
        rules = document("党支部工作条例", "tiaoli.pdf", pdf_bytes())
        minutes = document("支委会记录表", "jilu.docx", b"PK\x03\x04docx")
        pdf_item = library_item(category(library, "制度汇编"), rules, tags=["条例"],
                                date=timezone.make_aware(datetime(2025, 3, 1)))  # fmt: skip
        library_item(category(library, "会议材料"), minutes)
        url = library.url
    reader = Client(HTTP_HOST="village1.localhost")
    page = reader.get(url).content.decode()
    assert page.index("支委会记录表") < page.index("党支部工作条例")  # newest first
    assert "制度汇编 · 2025-03-01" in page and "PDF · 下载 0 次" in page
    for option in ("党建实务", "制度汇编", "会议材料", "文献资料"):
        assert f">{option}</option>" in page
    only = reader.get(url, {"category": "zhi-du-hui-bian"}).content.decode()
    assert "党支部工作条例" in only and "支委会记录表" not in only
    assert "支委会记录表" not in reader.get(url, {"year": "2025"}).content.decode()
    assert "支委会记录表" not in reader.get(url, {"tag": "条例"}).content.decode()
    # the item's page: the PDF previewed, then downloaded twice; previews are not counted
    with schema_context(net.village1.tenant.schema_name):
        item_url = pdf_item.url
    item = reader.get(item_url).content.decode()
    assert 'class="pdf-preview"' in item and "?preview=1" in item and "已下载 0 次" in item
    assert reader.get(rules.url, {"preview": "1"}).status_code == 200
    for _ in range(2):
        assert reader.get(rules.url).status_code == 200
    caches["pages"].clear()  # the listing is a cached page: counts show within minutes
    assert "PDF · 下载 2 次" in reader.get(url).content.decode()
    with schema_context(net.village1.tenant.schema_name):
        office = library.get_descendants().get(title="支委会记录表").url
    office_page = reader.get(office).content.decode()
    assert "DOCX 文件请下载后用办公软件打开" in office_page and "pdf-preview" not in office_page
    # the site's Chinese search finds library items like any article
    with schema_context(net.village1.tenant.schema_name):
        index_article(pdf_item, net.village1)
    connection.set_schema_to_public()
    assert "党支部工作条例" in [e.title for e in Search(q="条例", node=net.village1).entries()]


def test_a_file_in_a_protected_collection_is_never_named(net):
    with schema_context(net.village1.tenant.schema_name):
        library = library_at(net.village1)
        root = Collection.get_first_root_node()
        closed = root.add_child(name="内部资料")
        CollectionViewRestriction.objects.create(
            collection=closed, restriction_type="password", password="neibu123"
        )
        secret = document("内部名单", "mingdan.pdf", pdf_bytes(), collection=closed)
        item = library_item(category(library, "文献资料"), secret, title="学习资料汇编")
        item_url = item.url
    reader = Client(HTTP_HOST="village1.localhost")
    page = reader.get(item_url).content.decode()
    assert "仅限授权人员下载" in page
    assert "内部名单" not in page and "mingdan" not in page and "pdf-preview" not in page


def test_an_item_pushed_down_reaches_the_villages_of_that_county_only(net):
    with schema_context(net.county1.tenant.schema_name):
        county_library = library_at(net.county1)
        doc = document("基层党建工作手册", "shouce.pdf", pdf_bytes())
        item = library_item(category(county_library, "党建实务"), doc)
        story = story_for_article(item, net.county1)
    assert story.is_resource
    with schema_context(net.village1.tenant.schema_name):
        village_library = library_at(net.village1).url
    with schema_context(net.village3.tenant.schema_name):
        far_library = library_at(net.village3).url
    reviewer = UserFactory(username="lib_rev", roles=[(net.county1, "reviewer")])
    push_down(user=reviewer, node=net.county1, story=story)
    run_pending_here()
    near = Client(HTTP_HOST="village1.localhost").get(village_library).content.decode()
    assert "上级下发的资料" in near and "基层党建工作手册" in near
    assert f"/syndicated/{story.uuid}/" in near
    far = Client(HTTP_HOST="village3.localhost").get(far_library).content.decode()
    assert "基层党建工作手册" not in far
