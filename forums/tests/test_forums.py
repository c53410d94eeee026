"""论坛议事 over HTTP: members of the node and below post, others do not; text is kept
plain and images are re-encoded and served only while their post may be read;
quotes, reports, moderation (hide, let in, pin, lock), the 错敏词 list, the rate
limit, pagination and 点将台's named answer."""

from datetime import date, timedelta
from io import BytesIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.utils import timezone
from django_tenants.utils import schema_context
from PIL import Image

from forums.models import Post, PostImage, Report, Topic
from forums.queries import named_waiting
from messageboard.clock import due_date
from network.factories import UserFactory
from notifications.models import InboxItem
from partyaffairs.factories import MemberFactory, OrganisationFactory
from partyaffairs.ledger.models import MemberAccount
from sensitivewords.models import SensitiveWord

pytestmark = pytest.mark.django_db

HOST = "village1.localhost"


def member(node, username, name="王建国"):
    with schema_context(node.tenant.schema_name):
        branch = OrganisationFactory(node_code=node.code, name=f"{node.name}{username}支部")
        record = MemberFactory(organisation=branch, name=name)
    user = UserFactory(username=username, first_name=name)
    MemberAccount.objects.create(user=user, node=node, member_uuid=record.uuid)
    return user


def client_for(user, host=HOST):
    client = Client(HTTP_HOST=host)
    if user is not None:
        client.force_login(user)
    return client


def jpeg(size=(800, 600)) -> SimpleUploadedFile:
    out = BytesIO()
    Image.new("RGB", size, (200, 30, 30)).save(out, "JPEG", exif=b"Exif\x00\x00secret-gps")
    return SimpleUploadedFile("photo.jpg", out.getvalue(), content_type="image/jpeg")


def new_topic(client, title="村里的读书会", body="欢迎大家参加。", board="kangle", **extra):
    return client.post(f"/forum/{board}/", {"title": title, "body": body, **extra})


def test_members_of_the_node_and_below_post_and_others_read(net):
    home = Client(HTTP_HOST=HOST).get("/forum/").content.decode()
    assert all(name in home for name in ("点将台", "意见征询", "业务交流", "康乐空间"))
    poster = client_for(member(net.village1, "lt_cun"))
    made = new_topic(poster, body="<script>alert(1)</script>欢迎<b>大家</b>")
    assert made.status_code == 302
    topic = Topic.objects.get()
    assert Post.objects.get().body == "alert(1)欢迎大家"
    page = Client(HTTP_HOST=HOST).get(made.url).content.decode()
    assert "村里的读书会" in page and "王**" in page and "王建国" not in page
    assert "<script>alert" not in page
    for outsider, message in [
        (None, "党员登录"),  # anonymous: no form, asked to log in
        (member(net.village3, "lt_bie"), "只有本站及下级站点的党员"),  # another county
        (member(net.county1, "lt_xian"), "只有本站及下级站点的党员"),  # above, not below
    ]:
        response = new_topic(client_for(outsider), title="不该发出")
        assert message in response.content.decode()
    assert Topic.objects.count() == 1
    # a village member may post on the county's forum
    county = client_for(member(net.village2, "lt_cun2"), "county1.localhost")
    assert new_topic(county, title="县里的主题").status_code == 302
    assert topic.pk != Topic.objects.get(title="县里的主题").pk


def test_images_are_re_encoded_and_follow_their_post(net):
    poster = client_for(member(net.village1, "lt_img"))
    made = new_topic(poster, images=[jpeg()])
    image = PostImage.objects.get()
    served = Client(HTTP_HOST=HOST).get(f"/forum/images/{image.uuid}/")
    assert served.status_code == 200 and served["Content-Type"] == "image/jpeg"
    content = b"".join(served.streaming_content)
    assert b"secret-gps" not in content and Image.open(BytesIO(content)).size == (800, 600)
    fake = SimpleUploadedFile("x.jpg", b"<?php echo 1; ?>", content_type="image/jpeg")
    refused = new_topic(poster, title="假图片", images=[fake])
    assert refused.status_code == 400 and "不是可以识别的图片" in refused.content.decode()
    assert Topic.objects.count() == 1 and PostImage.objects.count() == 1
    big = SimpleUploadedFile("big.jpg", b"x" * (5 * 1024 * 1024 + 1), content_type="image/jpeg")
    assert "超过 5 MB" in new_topic(poster, title="大图", images=[big]).content.decode()
    # hidden by a moderator: the image is gone for readers, kept for moderators
    staff = UserFactory(username="lt_img_staff", roles=[(net.village1, "reviewer")])
    moderator = client_for(staff)
    post = Post.objects.get()
    hidden = moderator.post("/admin/forum/", {"action": "hide", "post": post.pk, "reason": "广告"})
    assert hidden.status_code == 302
    assert Client(HTTP_HOST=HOST).get(f"/forum/images/{image.uuid}/").status_code == 404
    assert moderator.get(f"/forum/images/{image.uuid}/").status_code == 200
    assert Client(HTTP_HOST="village2.localhost").get(made.url).status_code == 404


def test_quotes_reports_and_moderation(net):
    author = client_for(member(net.village1, "lt_a"))
    new_topic(author)
    topic = Topic.objects.get()
    opening = Post.objects.get()
    reader = member(net.village1, "lt_b", "李秀英")
    replying = client_for(reader)
    answer = replying.post(f"/forum/t/{topic.pk}/", {"body": "我报名。", "quote": opening.pk})
    assert answer.status_code == 302
    page = replying.get(f"/forum/t/{topic.pk}/").content.decode()
    assert "<blockquote>欢迎大家参加。</blockquote>" in page
    other = Topic.objects.create(board=topic.board, node=net.village1, title="别的",
                                 author=topic.author, last_post_at=timezone.now())  # fmt: skip
    stray = Post.objects.create(topic=other, author=topic.author, body="别的内容")
    refused = replying.post(f"/forum/t/{topic.pk}/", {"body": "引用别处", "quote": stray.pk})
    assert "引用的内容不存在" in refused.content.decode()
    reported = replying.post(f"/forum/p/{opening.pk}/report/", {"reason": "广告"})
    assert "举报已收到" in reported.content.decode()
    twice = replying.post(f"/forum/p/{opening.pk}/report/", {"reason": "广告"})
    assert "已经举报过" in twice.content.decode() and Report.objects.count() == 1
    hide = {"action": "hide", "post": opening.pk, "reason": "x"}
    assert client_for(reader).post("/admin/forum/", hide).status_code in (302, 403)
    staff = client_for(UserFactory(username="lt_mod", roles=[(net.village1, "webmaster")]))
    queue = staff.get("/admin/forum/").content.decode()
    assert "举报（1）" in queue and "广告" in queue
    staff.post("/admin/forum/", {"action": "hide", "post": opening.pk, "reason": "与主题无关"})
    assert Report.objects.get().resolved_at is not None
    shown = Client(HTTP_HOST=HOST).get("/forum/kangle/").content.decode()
    assert "村里的读书会" not in shown  # a topic stands with its opening post
    staff.post("/admin/forum/", {"action": "show", "post": opening.pk})
    staff.post("/admin/forum/", {"action": "lock", "topic": topic.pk})
    locked = replying.post(f"/forum/t/{topic.pk}/", {"body": "还能回吗"})
    assert "已锁定" in locked.content.decode()
    staff.post("/admin/forum/", {"action": "pin", "topic": other.pk})
    listing = Client(HTTP_HOST=HOST).get("/forum/kangle/").content.decode()
    assert listing.index("别的") < listing.index("村里的读书会")


def test_sensitive_words_the_rate_limit_and_pagination(net, settings):
    SensitiveWord.objects.create(word="代开发票", kind="block")
    SensitiveWord.objects.create(word="维权", kind="warn")
    user = member(net.village1, "lt_words")
    poster = client_for(user)
    refused = new_topic(poster, body="长期代开发票")
    assert refused.status_code == 400 and "代开发票" in refused.content.decode()
    assert "长期代开发票" in refused.content.decode()  # what was typed stays
    new_topic(poster, title="想问问", body="怎么维权")
    held = Topic.objects.get()
    assert held.state == "held"
    assert "怎么维权" in poster.get(f"/forum/t/{held.pk}/").content.decode()  # the author sees it
    assert Client(HTTP_HOST=HOST).get(f"/forum/t/{held.pk}/").status_code == 404
    staff = client_for(UserFactory(username="lt_words_mod", roles=[(net.village1, "editor")]))
    staff.post("/admin/forum/", {"action": "admit", "post": held.posts.get().pk})
    assert Client(HTTP_HOST=HOST).get(f"/forum/t/{held.pk}/").status_code == 200
    settings.XFNET_FORUM_RATE = (29, 600)  # the held topic was the first
    for n in range(28):
        assert poster.post(f"/forum/t/{held.pk}/", {"body": f"第{n}楼"}).status_code == 302
    page_two = Client(HTTP_HOST=HOST).get(f"/forum/t/{held.pk}/?page=2").content.decode()
    assert "第27楼" in page_two and "第 2 / 2 页" in page_two
    flooded = poster.post(f"/forum/t/{held.pk}/", {"body": "再来"})
    assert "发帖过于频繁" in flooded.content.decode()
    assert Post.objects.filter(topic=held).count() == 29


def test_a_member_named_in_dianjiangtai_answers_on_the_clock(net):
    named = member(net.village1, "lt_named", "刘晓燕")
    staff = UserFactory(username="lt_leader", roles=[(net.village1, "webmaster")])
    leader = client_for(staff)
    account = MemberAccount.objects.get(user=named)
    form = leader.get("/forum/dianjiangtai/").content.decode()
    assert "点名作答" in form and "刘晓燕" in form
    made = new_topic(leader, title="谈谈村集体经济", body="请刘晓燕同志谈谈想法。",
                     board="dianjiangtai", named=account.pk)  # fmt: skip
    assert made.status_code == 302
    topic = Topic.objects.get()
    assert topic.named == named and topic.named_due_on == due_date(
        net.village1, timezone.localdate()
    )
    told = InboxItem.objects.get(recipient=named)
    assert "点将台" in told.title and f"/forum/t/{topic.pk}/" in told.link
    assert named_waiting(net.village1, topic.named_due_on + timedelta(days=1)) == [(topic, True)]
    # a member cannot name anyone
    poster = client_for(member(net.village1, "lt_plain"))
    refused = new_topic(poster, title="我也点名", board="dianjiangtai", named=account.pk)
    assert refused.status_code == 302 and Topic.objects.get(title="我也点名").named is None
    client_for(named).post(f"/forum/t/{topic.pk}/", {"body": "我认为应当发展特色种植。"})
    topic.refresh_from_db()
    assert topic.named_answered_at is not None
    assert named_waiting(net.village1, date(2030, 1, 1)) == []
