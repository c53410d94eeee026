"""资料中心 on a phone (375×812): the library lists the item with its category; the
item's page draws the PDF's pages with the vendored pdf.js (module script and worker
allowed by the page's Content-Security-Policy) as wide as the phone, and the preview
is not counted as a download."""

import pytest
from django.core.files.base import ContentFile
from django.db import connection
from django_tenants.utils import schema_context
from wagtail.models import Page

from network.models import Node
from readership.models import DocumentDownloads
from sites.factories import ColumnPageFactory, DocumentFactory, library_item, pdf_bytes, site_home
from sites.library_setup import add_default_categories
from tests.browser.conftest import PHONE, fits_the_phone

pytestmark = pytest.mark.browser


@pytest.fixture
def library_page(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        village = Node.objects.select_related("tenant").get(code="340111001001")
        with schema_context(village.tenant.schema_name):
            library = ColumnPageFactory(parent=site_home(village), title="资料中心", kind="library")
            add_default_categories(library)
            rules = library.get_children().get(title="制度汇编").specific
            doc = DocumentFactory(title="党支部工作条例",
                                  file=ContentFile(pdf_bytes(3), name="tiaoli.pdf"))  # fmt: skip
            item = library_item(rules, doc)
            paths = library.get_url_parts()[2], item.get_url_parts()[2]
        yield paths
        with schema_context(village.tenant.schema_name):
            Page.objects.get(pk=library.pk).delete()
            doc.delete()
        DocumentDownloads.objects.all().delete()
        connection.set_schema_to_public()


def test_a_pdf_is_previewed_on_a_phone(chromium, live_server_url, library_page, django_db_blocker):
    from playwright.sync_api import expect, sync_playwright

    library_url, item_url = library_page
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=["--no-sandbox"])
        try:
            page = browser.new_context(**PHONE).new_page()
            errors = []
            page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
            page.goto(live_server_url + library_url)
            expect(page.locator(".library-list")).to_contain_text("制度汇编")
            fits_the_phone(page, "list", "library")
            with page.expect_navigation():
                page.get_by_role("link", name="党支部工作条例").tap()
            assert page.url.endswith(item_url)
            status = page.locator("[data-pdf-status]")
            expect(status).to_have_text("预览：第 1–3 页，共 3 页", timeout=20_000)
            canvases = page.locator(".pdf-preview canvas")
            expect(canvases).to_have_count(3)
            box = canvases.first.bounding_box()
            assert 300 <= box["width"] <= 375 and box["height"] > box["width"]  # a portrait page
            fits_the_phone(page, "preview", "library")
            assert not errors, errors
        finally:
            browser.close()
    with django_db_blocker.unblock():
        assert not DocumentDownloads.objects.exists()  # a preview is no download
