"""Documents are served only after Django checked the reader (nginx, deploy config)."""

import pytest
from django.core.files.base import ContentFile
from django.db import connection
from django_tenants.utils import schema_context
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, CollectionViewRestriction

from network.models import Node
from sites.factories import ImageFactory

from .conftest import fetch

HOST = "county1.localhost"
SECRET_BYTES = b"secret minutes of the branch committee"
PUBLIC_BYTES = b"public notice"


@pytest.fixture
def files(django_db_blocker):
    """Committed (the servers read them): a document in a password-protected
    collection, one in an open collection, and an image."""
    with django_db_blocker.unblock():
        node = Node.objects.select_related("tenant").get(code="340111")
        with schema_context(node.tenant.schema_name):
            root = Collection.get_first_root_node()
            private = root.add_child(name="测试保密文件")
            CollectionViewRestriction.objects.create(
                collection=private, restriction_type="password", password="mima123"
            )
            Document = get_document_model()
            secret = Document.objects.create(
                title="保密纪要", collection=private,
                file=ContentFile(SECRET_BYTES, name="jiyao.txt"),
            )  # fmt: skip
            public = Document.objects.create(
                title="公开通知", collection=Collection.objects.get(pk=node.collection_id),
                file=ContentFile(PUBLIC_BYTES, name="tongzhi.txt"),
            )  # fmt: skip
            image = ImageFactory(collection=Collection.objects.get(pk=node.collection_id))
            paths = {
                "secret": (secret.url, f"/media/{secret.file.name}"),
                "public": (public.url, f"/media/{public.file.name}"),
                "image": f"/media/{image.file.name}",
                "internal": f"/_protected_media/{secret.file.name}",
            }
        connection.set_schema_to_public()
        try:
            yield paths
        finally:
            with schema_context(node.tenant.schema_name):
                # Wagtail removes the files once the deletes are committed
                for item in (secret, public, image):
                    item.delete()
                private.delete()
            connection.set_schema_to_public()


def test_nginx_never_serves_a_document_by_its_media_path(stack, files):
    base = stack.base
    view, raw = files["secret"]
    status, _, body = fetch(base, raw, HOST)
    assert status == 404 and SECRET_BYTES not in body
    status, _, body = fetch(base, files["internal"], HOST)  # internal only
    assert status == 404 and SECRET_BYTES not in body
    # the checking view asks for the password instead
    status, _, body = fetch(base, view, HOST)
    assert status == 200 and SECRET_BYTES not in body
    assert "密码".encode() in body


def test_an_open_document_comes_from_nginx_after_the_check(stack, files):
    base = stack.base
    view, raw = files["public"]
    status, headers, body = fetch(base, view, HOST)
    assert status == 200 and body == PUBLIC_BYTES
    assert "X-Accel-Redirect" not in headers  # consumed by nginx
    assert fetch(base, raw, HOST)[0] == 404
    status, headers, body = fetch(base, files["image"], HOST)
    assert status == 200 and headers["Content-Type"] == "image/jpeg" and body[:2] == b"\xff\xd8"


def test_the_application_itself_refuses_media_documents(client, settings, files):
    settings.DEBUG = True  # images are served in development, documents never
    _, raw = files["public"]
    assert client.get(raw, HTTP_HOST=HOST).status_code == 404
    assert client.get(files["image"], HTTP_HOST=HOST).status_code == 200
    assert get_image_model() is not None
