"""An editor sees and changes only the nodes they were given, even by typing URLs."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django_tenants.utils import schema_context
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from network.factories import UserFactory
from sites.factories import (
    ArticlePageFactory,
    DocumentFactory,
    ImageFactory,
    article_form,
    node_collection,
    node_column,
)
from sites.models import ArticlePage

pytestmark = pytest.mark.django_db

PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x02\x00\x00\x00"
    b"\x90wS\xde\x00\x00\x00\x0cIDATx\x9cc\xf8\xcf\xc0\x00\x00\x03\x01\x01\x00\xc9\xfe\x92\xef"
    b"\x00\x00\x00\x00IEND\xaeB`\x82"
)


@pytest.fixture
def village_editor(net):
    return UserFactory(username="jia_editor", roles=[(net.village1, "editor")])


@pytest.fixture
def other_village(net):
    """Content of village2 (same county schema as village1): a column, an image, a document."""
    with schema_context(net.village2.tenant.schema_name):
        column = node_column(net.village2, "党务公开")
        article = ArticlePageFactory(parent=column, title="乙村原稿")
        image = ImageFactory(collection=node_collection(net.village2))
        document = DocumentFactory(collection=node_collection(net.village2))
    return {"column": column, "article": article, "image": image, "document": document}


def admin_get(client, host, path):
    return client.get(path, HTTP_HOST=host)


def test_editor_uses_the_admin_of_their_own_site(client, net, village_editor):
    client.force_login(village_editor)
    response = admin_get(client, "village1.localhost", "/admin/")
    assert response.status_code == 200


@pytest.mark.parametrize("host", ["county1.localhost", "village2.localhost", "county2.localhost"])
def test_editor_is_kept_out_of_other_sites_admin(client, net, village_editor, host):
    client.force_login(village_editor)
    response = admin_get(client, host, "/admin/")
    assert response.status_code == 403
    assert "没有管理权限" in response.content.decode()


def test_explorer_shows_only_the_editors_site(client, net, village_editor):
    client.force_login(village_editor)
    response = client.get("/admin/pages/", HTTP_HOST="village1.localhost", follow=True)
    assert response.redirect_chain[-1][0] == f"/admin/pages/{net.village1.root_page_id}/"
    html = response.content.decode()
    assert response.status_code == 200
    assert "甲村" in html
    assert "乙村" not in html and "甲县先锋网" not in html


def test_editor_cannot_open_edit_or_publish_another_sites_page(
    client, net, village_editor, other_village
):
    client.force_login(village_editor)
    article = other_village["article"]
    edit_url = f"/admin/pages/{article.pk}/edit/"
    assert admin_get(client, "village1.localhost", edit_url).status_code in (302, 403)
    response = client.post(
        edit_url, article_form("被篡改的标题", **{"action-publish": "action-publish"}),
        HTTP_HOST="village1.localhost",
    )  # fmt: skip
    assert response.status_code in (302, 403)
    with schema_context(net.village2.tenant.schema_name):
        article.refresh_from_db()
        assert article.title == "乙村原稿"
        assert article.latest_revision_id is None or article.draft_title == "乙村原稿"


def test_editor_cannot_add_delete_or_unpublish_in_another_site(
    client, net, village_editor, other_village
):
    client.force_login(village_editor)
    column, article = other_village["column"], other_village["article"]
    add_url = f"/admin/pages/add/xfsites/articlepage/{column.pk}/"
    response = client.post(add_url, article_form("闯入的稿件"), HTTP_HOST="village1.localhost")
    assert response.status_code in (302, 403)
    for url in (f"/admin/pages/{article.pk}/delete/", f"/admin/pages/{article.pk}/unpublish/"):
        response = client.post(url, {}, HTTP_HOST="village1.localhost")
        assert response.status_code in (302, 403)
    with schema_context(net.village2.tenant.schema_name):
        assert not ArticlePage.objects.filter(title="闯入的稿件").exists()
        assert ArticlePage.objects.get(pk=article.pk).live


def test_editor_posts_a_news_item_with_a_photo_into_their_column(client, net, village_editor):
    client.force_login(village_editor)
    host = "village1.localhost"
    with schema_context(net.village1.tenant.schema_name):
        column = node_column(net.village1, "党务公开")
        collection = node_collection(net.village1)
    upload = client.post(
        "/admin/images/add/",
        {"title": "党员大会", "collection": collection.pk, "tags": "",
         "file": SimpleUploadedFile("meeting.png", PNG, content_type="image/png")},
        HTTP_HOST=host,
    )  # fmt: skip
    assert upload.status_code == 302, upload.content.decode()[:2000]
    with schema_context(net.village1.tenant.schema_name):
        image = get_image_model().objects.get(title="党员大会")
    assert image.collection_id == collection.pk
    response = client.post(
        f"/admin/pages/add/xfsites/articlepage/{column.pk}/",
        article_form(
            "甲村召开党员大会", cover_image=image.pk, **{"action-submit": "action-submit"}
        ),
        HTTP_HOST=host,
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    with schema_context(net.village1.tenant.schema_name):
        article = ArticlePage.objects.get(title="甲村召开党员大会")
        assert article.slug == "jia-cun-zhao-kai-dang-yuan-da-hui"
        assert article.cover_image_id == image.pk
        assert article.get_parent().pk == column.pk
        # an editor cannot publish: the item waits for the site's reviewers
        assert not article.live
        assert article.current_workflow_state is not None


def test_editor_cannot_upload_into_or_touch_another_sites_media(
    client, net, village_editor, other_village
):
    client.force_login(village_editor)
    host = "village1.localhost"
    with schema_context(net.village2.tenant.schema_name):
        foreign = node_collection(net.village2)
    client.post(
        "/admin/images/add/",
        {"title": "越权图片", "collection": foreign.pk, "tags": "",
         "file": SimpleUploadedFile("x.png", PNG, content_type="image/png")},
        HTTP_HOST=host,
    )  # fmt: skip
    _assert_not_in_collection(net, "越权图片", get_image_model(), foreign)
    client.post(
        "/admin/documents/add/",
        {"title": "越权文档", "collection": foreign.pk, "tags": "",
         "file": SimpleUploadedFile("x.txt", b"hello", content_type="text/plain")},
        HTTP_HOST=host,
    )  # fmt: skip
    _assert_not_in_collection(net, "越权文档", get_document_model(), foreign)
    image, document = other_village["image"], other_village["document"]
    for url in (f"/admin/images/{image.pk}/", f"/admin/documents/edit/{document.pk}/"):
        assert admin_get(client, host, url).status_code in (302, 403)
    for url in (f"/admin/images/{image.pk}/delete/", f"/admin/documents/delete/{document.pk}/"):
        assert client.post(url, {}, HTTP_HOST=host).status_code in (302, 403)
    listing = admin_get(client, host, "/admin/images/").content.decode()
    assert image.title not in listing
    with schema_context(net.village2.tenant.schema_name):
        assert get_image_model().objects.filter(pk=image.pk).exists()
        assert get_document_model().objects.filter(pk=document.pk).exists()


def _assert_not_in_collection(net, title, model, collection):
    """The upload either failed or landed in the editor's own collection, never the other."""
    with schema_context(net.village1.tenant.schema_name):
        assert not model.objects.filter(title=title, collection=collection).exists()
        stored = model.objects.filter(title=title).first()
        if stored is not None:
            assert stored.collection_id == net.village1.collection_id


def test_lists_filters_and_choosers_show_nothing_of_other_sites(client, net, village_editor):
    with schema_context(net.village2.tenant.schema_name):
        draft = ArticlePageFactory(
            parent=node_column(net.village2, "党务公开"), title="乙村未发布稿", live=False
        )
        draft.save_revision()
    client.force_login(village_editor)
    host = "village1.localhost"
    for url in ("/admin/pages/search/?q=乙村未发布稿", "/admin/choose-page/search/?q=乙村未发布稿"):
        html = client.get(url, HTTP_HOST=host).content.decode()
        assert f"/admin/pages/{draft.pk}/" not in html and f'data-id="{draft.pk}"' not in html
    for url in (
        f"/admin/pages/{net.village1.root_page_id}/",
        "/admin/reports/aging-pages/",
        "/admin/reports/site-history/",
    ):
        response = client.get(url, HTTP_HOST=host, follow=True)
        assert response.status_code == 200, url
        html = response.content.decode()
        assert "乙村" not in html and "甲县先锋网" not in html, url
    assert admin_get(client, host, "/admin/reports/page-types-usage/").status_code == 403


def test_county_webmaster_manages_the_grassroots_sites_it_hosts(client, net, other_village):
    webmaster = UserFactory(username="jia_webmaster", roles=[(net.county1, "webmaster")])
    client.force_login(webmaster)
    article = other_village["article"]
    for host in ("county1.localhost", "village2.localhost"):
        response = admin_get(client, host, f"/admin/pages/{article.pk}/edit/")
        assert response.status_code == 200
    response = client.post(
        f"/admin/pages/{article.pk}/edit/",
        article_form("乙村原稿（县站长修订）", **{"action-publish": "action-publish"}),
        HTTP_HOST="county1.localhost",
    )
    assert response.status_code == 302
    with schema_context(net.village2.tenant.schema_name):
        article.refresh_from_db()
        assert article.title == "乙村原稿（县站长修订）" and article.live
    # but not a site hosted by the other county
    assert admin_get(client, "county2.localhost", "/admin/").status_code == 403


def test_one_account_can_hold_roles_on_several_nodes(client, net):
    user = UserFactory(
        username="multi", roles=[(net.village1, "editor"), (net.village3, "webmaster")]
    )
    client.force_login(user)
    assert admin_get(client, "village1.localhost", "/admin/").status_code == 200
    assert admin_get(client, "village3.localhost", "/admin/").status_code == 200
    assert admin_get(client, "village2.localhost", "/admin/").status_code == 403


def test_an_ancestor_role_other_than_webmaster_gives_no_way_into_a_child_site(client, net):
    town_editor = UserFactory(username="town_editor", roles=[(net.town1, "editor")])
    town_webmaster = UserFactory(username="town_webmaster", roles=[(net.town1, "webmaster")])
    client.force_login(town_editor)
    assert admin_get(client, "village1.localhost", "/admin/").status_code == 403
    assert admin_get(client, "town1.localhost", "/admin/").status_code == 200
    client.force_login(town_webmaster)
    assert admin_get(client, "village1.localhost", "/admin/").status_code == 200


def test_workflow_urls_of_another_sites_draft_say_nothing(client, net, village_editor):
    """Page ids are sequential: a loop over Wagtail's workflow URLs must not read the
    draft titles of the other sites in the same schema."""
    village2_editor = UserFactory(username="yi_editor", roles=[(net.village2, "editor")])
    with schema_context(net.village2.tenant.schema_name):
        draft = ArticlePageFactory(
            parent=node_column(net.village2, "党务公开"), title="乙村送审草稿", live=False
        )
        draft.save_revision(user=village2_editor)
        workflow_state = draft.get_workflow().start(draft, village2_editor)
        task_state = workflow_state.current_task_state
    client.force_login(village_editor)
    urls = [
        f"/admin/pages/workflow/preview/{draft.pk}/{task_state.task_id}/",
        f"/admin/pages/workflow/action/{draft.pk}/approve/{task_state.pk}/",
        f"/admin/pages/workflow/collect_action_data/{draft.pk}/approve/{task_state.pk}/",
        f"/admin/pages/workflow/confirm_cancellation/{draft.pk}/",
        f"/admin/pages/{draft.pk}/workflow_history/",
        f"/admin/pages/{draft.pk}/history/",
        f"/admin/pages/{draft.pk}/revisions/compare/earliest...latest/",
    ]
    for url in urls:
        for method in (client.get, client.post):
            response = method(url, HTTP_HOST="village1.localhost")
            assert response.status_code == 403, (url, response.status_code)
            assert "乙村送审草稿" not in response.content.decode(), url
    with schema_context(net.village2.tenant.schema_name):
        draft.refresh_from_db()
        assert not draft.live
        assert draft.current_workflow_task_state.status == "in_progress"
    # the site's own reviewers still preview and decide it
    client.force_login(UserFactory(username="yi_sh", roles=[(net.village2, "reviewer")]))
    preview = f"/admin/pages/workflow/preview/{draft.pk}/{task_state.task_id}/"
    assert client.get(preview, HTTP_HOST="village2.localhost").status_code == 200


def test_another_sites_image_or_document_cannot_be_used_by_id(
    client, net, village_editor, other_village
):
    """The chooser lists only the editor's collections; a forged id is refused too."""
    client.force_login(village_editor)
    host = "village1.localhost"
    image, document = other_village["image"], other_village["document"]
    link = f'<p><a linktype="document" id="{document.pk}">通知</a></p>'
    with schema_context(net.village1.tenant.schema_name):
        column = node_column(net.village1, "党务公开")
        own_image = ImageFactory(collection=node_collection(net.village1))
        # (rich_text() looks the document up, in the schema that holds it)
        attempts = {
            "cover": {"cover_image": image.pk},
            "image block": {"body": streamfield([("image", {"image": image.pk, "caption": ""})])},
            "attachment": {
                "body": streamfield([("attachment", {"document": document.pk, "title": "附件"})])
            },
            "document link": {"body": streamfield([("paragraph", rich_text(link))])},
        }
    for name, fields in attempts.items():
        title = f"越权引用{name}"
        data = article_form(title, **{"action-publish": "action-publish"})
        data.update(nested_form_data(fields))
        response = client.post(
            f"/admin/pages/add/xfsites/articlepage/{column.pk}/", data, HTTP_HOST=host
        )
        assert response.status_code == 200, name
        assert "不属于您可以使用的图片库" in response.content.decode(), name
        with schema_context(net.village1.tenant.schema_name):
            assert not ArticlePage.objects.filter(title=title).exists(), name
    # the editor's own image is accepted
    data = article_form("本村图片", cover_image=own_image.pk)
    data.update({"action-submit": "action-submit"})
    response = client.post(
        f"/admin/pages/add/xfsites/articlepage/{column.pk}/", data, HTTP_HOST=host
    )
    assert response.status_code == 302


def test_site_settings_refuse_another_sites_image(client, net, other_village):
    webmaster = UserFactory(username="jia_cun_zz", roles=[(net.village1, "webmaster")])
    client.force_login(webmaster)
    with schema_context(net.village1.tenant.schema_name):
        site_id = (
            get_image_model()
            ._meta.apps.get_model("wagtailcore", "Site")
            .objects.get(root_page_id=net.village1.root_page_id)
            .pk
        )
    response = client.post(
        f"/admin/settings/themes/sitetheme/{site_id}/",
        {"site_name": "甲村", "logo": other_village["image"].pk, "accent_colour": "#B5121B"},
        HTTP_HOST="village1.localhost",
    )
    assert response.status_code == 200
    assert "不属于您可以使用的图片库" in response.content.decode()
