"""写稿 over HTTP: one screen posts, publishes and submits; every refusal is a Chinese
sentence and leaves nothing behind."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django_tenants.utils import schema_context
from PIL import Image as PILImage
from wagtail.images import get_image_model

from network.factories import UserFactory
from sites.factories import node_column
from sites.models import ArticlePage
from syndication.models import Submission

HOST = "village1.localhost"
URL = "/admin/write/"


def photo(name="IMG_20261123_0930.jpg", size=(3000, 2000)):
    data = io.BytesIO()
    PILImage.new("RGB", size, (200, 30, 30)).save(data, "JPEG")
    return SimpleUploadedFile(name, data.getvalue(), content_type="image/jpeg")


@pytest.fixture
def webmaster(net):
    return UserFactory(username="qp_zhanzhang", roles=[(net.village1, "webmaster")])


@pytest.fixture
def editor(net):
    return UserFactory(username="qp_bianji", roles=[(net.village1, "editor")])


def column_id(net, title="村务公开"):
    with schema_context(net.village1.tenant.schema_name):
        return node_column(net.village1, title).pk


def post(client, net, **overrides):
    data = {
        "title": "甲村召开党员大会",
        "text": "　　11月23日，甲村党支部召开党员大会。\n\n会议传达了上级精神。\r\n",
        "column": column_id(net),
        "submit_to_parent": "on",
        "photos": [photo(), photo("IMG_2.png")],
        "descriptions": ["党员大会现场", "党员发言"],
        **overrides,
    }
    return client.post(URL, data, HTTP_HOST=HOST)


def counts(net):
    with schema_context(net.village1.tenant.schema_name):
        return ArticlePage.objects.count(), get_image_model().objects.count()


def test_a_webmaster_publishes_and_submits_in_one_step(client, net, webmaster):
    client.force_login(webmaster)
    page = client.get(URL, HTTP_HOST=HOST).content.decode()
    assert "发布" in page and "同时报送甲镇" in page
    response = post(client, net)
    assert response.status_code == 302, response.content.decode()[:3000]
    with schema_context(net.village1.tenant.schema_name):
        article = ArticlePage.objects.get(title="甲村召开党员大会")
        assert article.live and article.owner == webmaster
        blocks = [(block.block_type, block.value) for block in article.body]
        assert [kind for kind, _ in blocks] == ["paragraph", "paragraph", "image", "image"]
        assert blocks[0][1].source == "<p>11月23日，甲村党支部召开党员大会。</p>"
        first = blocks[2][1]["image"]
        assert first.title == "党员大会现场" and blocks[2][1]["caption"] == "党员大会现场"
        assert max(first.width, first.height) == 2000  # resized on upload
        assert article.cover_image_id == first.pk
        assert first.collection_id == net.village1.collection_id
    submission = Submission.objects.get(story__origin_page_id=article.pk)
    assert submission.to_node == net.town1
    done = client.get(response["Location"], HTTP_HOST=HOST).content.decode()
    assert "已发布到甲村" in done and "已报送甲镇" in done
    # the public page: the photo described for a screen reader
    client.logout()
    public = client.get("/" + article.url_path.split("/", 2)[2], HTTP_HOST=HOST)
    assert 'alt="党员大会现场"' in public.content.decode()
    # the column is remembered for the next article
    client.force_login(webmaster)
    again = client.get(URL, HTTP_HOST=HOST).content.decode()
    assert f'<option value="{column_id(net)}" selected>' in again


def test_an_editor_sends_to_the_sites_reviewer_and_publishes_nothing(client, net, editor):
    client.force_login(editor)
    page = client.get(URL, HTTP_HOST=HOST).content.decode()
    assert "提交审核" in page and "同时报送" not in page
    response = post(client, net, photos=[], descriptions=[])
    assert response.status_code == 302
    with schema_context(net.village1.tenant.schema_name):
        article = ArticlePage.objects.get(title="甲村召开党员大会")
        assert not article.live
        assert article.current_workflow_state.status == "in_progress"
    assert not Submission.objects.exists()
    done = client.get(response["Location"], HTTP_HOST=HOST).content.decode()
    assert "已提交本站审核员审核" in done


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"text": "  \n\u3000 "}, "正文不能为空"),
        ({"title": ""}, "请填写标题。"),
        ({"descriptions": ["党员大会现场", ""]}, "请为第 2 张照片写一句说明"),
        ({"photos": [SimpleUploadedFile("会议.docx", b"PK\x03\x04 not an image")],
          "descriptions": ["会议纪要"]}, "“会议.docx”不是图片"),
        ({"photos": [SimpleUploadedFile("big.jpg", b"\xff" * (20 * 1024 * 1024 + 1))],
          "descriptions": ["很大的照片"]}, "超过 20 MB"),
        ({"column": 999999}, "请选择本站的栏目。"),
    ],
)  # fmt: skip
def test_bad_input_is_one_chinese_sentence_and_nothing_is_made(
    client, net, webmaster, overrides, message
):
    client.force_login(webmaster)
    before = counts(net)
    response = post(client, net, **overrides)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert counts(net) == before
    assert not Submission.objects.exists()


def test_only_the_sites_own_people_may_write_there(client, net):
    outsider = UserFactory(username="qp_cun2", roles=[(net.village2, "webmaster")])
    client.force_login(outsider)
    assert client.get(URL, HTTP_HOST=HOST).status_code == 403
    assert post(client, net).status_code == 403
    with schema_context(net.village1.tenant.schema_name):
        assert not ArticlePage.objects.filter(title="甲村召开党员大会").exists()


def test_unticking_submit_publishes_only(client, net, webmaster):
    client.force_login(webmaster)
    response = post(client, net, submit_to_parent="", photos=[], descriptions=[])
    assert response.status_code == 302
    with schema_context(net.village1.tenant.schema_name):
        assert ArticlePage.objects.get(title="甲村召开党员大会").live
    assert not Submission.objects.exists()
    done = client.get(response["Location"], HTTP_HOST=HOST).content.decode()
    assert "已发布到甲村" in done and "已报送" not in done
