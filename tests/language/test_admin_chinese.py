"""Every admin screen a grassroots webmaster or editor reaches speaks Chinese: the text
a person sees (and what a screen reader reads: labels, placeholders, titles, alt) has
no Latin word outside names, formats and keys."""

import json
import re
from html.parser import HTMLParser

import pytest
from django_tenants.utils import schema_context

from network.factories import UserFactory
from partyaffairs.factories import MemberFactory, OrganisationFactory
from sites.factories import (
    ArticlePageFactory,
    DocumentFactory,
    ImageFactory,
    node_collection,
    node_column,
    site_home,
)

HOST = "village1.localhost"
# Names of formats, products and keys, which Chinese software writes this way too.
ALLOWED = {
    "Ctrl", "Shift", "Alt", "Esc", "Word", "CSV", "Excel", "GIF", "JPG", "JPEG", "PNG",
    "WEBP", "AVIF", "SVG", "HEIC", "MB", "KB", "JavaScript", "RSS", "URL", "ICP",
}  # fmt: skip
READ_ATTRIBUTES = {"placeholder", "aria-label", "title", "alt", "aria-description"}
SKIPPED = {"script", "style", "svg", "noscript"}


class VisibleText(HTMLParser):
    """Text and read-out attributes, outside scripts and elements marked `hidden`."""

    VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
            "source", "track", "wbr"}  # fmt: skip

    def __init__(self):
        super().__init__()
        self.texts, self.stack = [], []

    def skipping(self):
        return any(skip for _, skip in self.stack)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if not self.skipping():
            self.texts += [v for k, v in attrs.items() if k in READ_ATTRIBUTES and v]
        if tag not in self.VOID:
            self.stack.append((tag, tag in SKIPPED or "hidden" in attrs))

    def handle_endtag(self, tag):
        while self.stack:
            if self.stack.pop()[0] == tag:
                break

    def handle_data(self, data):
        if not self.skipping() and data.strip():
            self.texts.append(data.strip())


def english_in(html: str, names: set[str]) -> set[str]:
    parser = VisibleText()
    parser.feed(html)
    words = set()
    for text in parser.texts:
        words |= {w for w in re.findall(r"[A-Za-z][A-Za-z'’]+", text) if w not in ALLOWED | names}
    return words


@pytest.fixture
def screens(net):
    with schema_context(net.village1.tenant.schema_name):
        column = node_column(net.village1, "村务公开")
        article = ArticlePageFactory(parent=column, title="村务公开测试稿件")
        home = site_home(net.village1)
        collection = node_collection(net.village1)
        image = ImageFactory(collection=collection, title="村务公开栏")
        document = DocumentFactory(collection=collection, title="村务公开表")
        site_id = home.get_site().pk
        member = MemberFactory(organisation=OrganisationFactory(node_code=net.village1.code))
    # what the test data is called (file names, the site's host) is data, not the admin's
    data = {image.file.name, document.file.name, net.village1.primary_domain}
    words = {word for name in data for word in re.findall(r"[A-Za-z]+", name)}
    return words, [
        "/admin/", "/admin/write/", "/admin/guide/", f"/admin/pages/{home.pk}/",
        f"/admin/pages/{column.pk}/", f"/admin/pages/add/xfsites/articlepage/{column.pk}/",
        f"/admin/pages/{article.pk}/edit/", f"/admin/pages/{article.pk}/history/",
        "/admin/images/", "/admin/images/multiple/add/", "/admin/images/chooser/",
        "/admin/documents/", "/admin/documents/multiple/add/", "/admin/account/",
        "/admin/syndication/receipts/", "/admin/syndication/received/",
        "/admin/syndication/points/", "/admin/syndication/log/",
        f"/admin/syndication/article/{article.pk}/", "/admin/readership/",
        # beyond the everyday: media, the page's other screens, choosers, settings
        f"/admin/images/{image.pk}/", "/admin/images/add/", f"/admin/images/{image.pk}/delete/",
        f"/admin/documents/edit/{document.pk}/", "/admin/documents/add/",
        "/admin/documents/chooser/", f"/admin/choose-page/{column.pk}/",
        f"/admin/pages/{article.pk}/workflow_history/", f"/admin/pages/{article.pk}/unpublish/",
        f"/admin/pages/{article.pk}/delete/", f"/admin/pages/{article.pk}/copy/",
        f"/admin/pages/{article.pk}/move/", f"/admin/pages/{article.pk}/usage/",
        f"/admin/pages/{column.pk}/add_subpage/", "/admin/pages/search/?q=村务",
        f"/admin/settings/themes/sitetheme/{site_id}/", "/admin/reports/locked/",
        "/admin/reports/aging-pages/", "/admin/reports/site-history/",
        "/admin/collections/", "/admin/workflows/list/",
        # 党务管理 (the webmaster's and the 组织员's)
        *(f"/admin/party/{net.village1.code}/{tail}" for tail in (
            "", "members/", "members/add/", f"members/{member.uuid}/",
            f"members/{member.uuid}/edit/", f"members/{member.uuid}/transfer/?to_code=340111001002",
            "organisations/", f"organisations/{member.organisation.uuid}/", "meetings/",
            "meetings/add/", "recruits/", "transfers/", "import/", "figures/",
            "audit/",
        )),
    ]  # fmt: skip


@pytest.mark.parametrize("role", ["webmaster", "editor", "organiser"])
def test_grassroots_admin_screens_are_in_chinese(client, net, screens, role):
    user = UserFactory(username=f"cun_{role}", roles=[(net.village1, role)])
    data_words, paths = screens
    names = {user.username, *user.username.split("_"), *data_words}
    client.force_login(user)
    found = {}
    for path in paths:
        response = client.get(path, HTTP_HOST=HOST)
        if response.status_code in (302, 403):
            continue  # not this role's screen (refused, or sent to the dashboard)
        assert response.status_code == 200, (path, response.status_code)
        html = response.content.decode()
        if response["Content-Type"].startswith("application/json"):  # a chooser modal
            html = json.loads(html)["html"]
        for word in english_in(html, names):
            found.setdefault(word, path)
    assert not found, f"English on screens a {role} reaches: {found}"


def test_the_login_page_is_in_chinese(client, db):
    response = client.get("/admin/login/", HTTP_HOST=HOST)
    assert response.status_code == 200
    assert not english_in(response.content.decode(), set())


def test_the_check_finds_english(db):
    # the test itself bites: English in text, in a label, not in a hidden element
    assert english_in('<p>保存 Save</p><input placeholder="Search…">', set()) == {"Save", "Search"}
    assert english_in("<div hidden>None</div><p>按 Ctrl + S 保存</p>", set()) == set()
