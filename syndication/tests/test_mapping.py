"""栏目映射 (issue 19, item 3): an accepted story lands in the mapped column without
the reviewer picking it; the province sets defaults, a node its own; refusals change
nothing."""

import pytest
from django_tenants.utils import schema_context

from network.factories import UserFactory
from syndication.delivery import run_pending_here
from syndication.errors import SyndicationError
from syndication.factories import publish_article
from syndication.mapping import (
    mapped_column,
    set_column_mapping,
    set_default_mapping,
)
from syndication.models import ColumnMapping, Submission
from syndication.permissions import SyndicationDenied
from syndication.reach import stories_in_columns
from syndication.stories import story_for_article
from syndication.submitting import columns_of, decide, submit_up

pytestmark = pytest.mark.django_db


@pytest.fixture
def admins(net):
    class Admins:
        province = UserFactory(username="sheng_zhanzhang", roles=[(net.province, "webmaster")])
        town = UserFactory(username="zhen_zhanzhang", roles=[(net.town1, "webmaster")])
        town_reviewer = UserFactory(username="zhen_shenhe_ys", roles=[(net.town1, "reviewer")])
        village = UserFactory(username="cun_zhanzhang_ys", roles=[(net.village1, "webmaster")])

    return Admins


def column_titled(node, title):
    return next(column for column in columns_of(node) if column.title == title)


def submitted_from(net, admins, column_title, title):
    article = publish_article(net.village1, column_title=column_title, title=title)
    with schema_context(net.village1.tenant.schema_name):
        story = story_for_article(article, net.village1)
    submission = submit_up(user=admins.village, node=net.village1, story=story)
    run_pending_here()
    submission.refresh_from_db()
    return submission


def test_the_provinces_default_places_an_accepted_story(net, admins):
    set_default_mapping(user=admins.province, from_title="村务公开", to_title="基层动态")
    submission = submitted_from(net, admins, "村务公开", "甲村公开村级财务")
    assert submission.story.origin_column_title == "村务公开"
    decide(user=admins.town_reviewer, submission=submission, action="accept")  # no column
    submission.refresh_from_db()
    column = column_titled(net.town1, "基层动态")
    assert (submission.state, submission.column_page_id) == ("accepted", column.pk)
    titles = [story.title for story in stories_in_columns(net.town1, [column.pk])]
    assert "甲村公开村级财务" in titles


def test_a_nodes_own_mapping_comes_before_the_default_and_the_reviewer_may_override(
    client, net, admins
):
    set_default_mapping(user=admins.province, from_title="村务公开", to_title="基层动态")
    own = column_titled(net.town1, "党务公开")
    set_column_mapping(user=admins.town, node=net.town1, from_title="村务公开", column=own)
    assert mapped_column(net.town1, "村务公开") == own
    submission = submitted_from(net, admins, "村务公开", "甲村公示低保名单")

    client.force_login(admins.town_reviewer)
    url = f"/admin/syndication/inbox/{submission.pk}/"
    page = client.get(url, HTTP_HOST="town1.localhost").content.decode()
    assert f'<option value="{own.pk}" selected>' in page
    assert "按栏目映射" in page and "预选“党务公开”" in page
    other = column_titled(net.town1, "党建要闻")
    response = client.post(
        url, {"action": "accept", "column": other.pk}, HTTP_HOST="town1.localhost"
    )
    assert response.status_code == 302
    submission.refresh_from_db()
    assert submission.column_page_id == other.pk  # overridden for this story only
    assert mapped_column(net.town1, "村务公开") == own


def test_the_mapping_screen_saves_and_clears(client, net, admins):
    client.force_login(admins.town)
    page = client.get("/admin/syndication/mapping/", HTTP_HOST="town1.localhost")
    html = page.content.decode()
    assert page.status_code == 200 and "下级的“村务公开”" in html
    assert "全网默认映射" not in html  # the defaults are the province's
    titles = page.context["form"].titles
    name = next(name for name, title in titles.items() if title == "村务公开")
    target = column_titled(net.town1, "基层动态")
    response = client.post(
        "/admin/syndication/mapping/", {"save_own": "1", name: target.pk},
        HTTP_HOST="town1.localhost",
    )  # fmt: skip
    assert response.status_code == 302
    assert (
        ColumnMapping.objects.get(node=net.town1, from_title="村务公开").column_title == "基层动态"
    )
    client.post("/admin/syndication/mapping/", {"save_own": "1"}, HTTP_HOST="town1.localhost")
    assert not ColumnMapping.objects.filter(node=net.town1).exists()


def test_refusals_change_nothing(client, net, admins):
    foreign = column_titled(net.county1, "基层动态")
    with pytest.raises(SyndicationDenied, match="只能映射到本站的栏目"):
        set_column_mapping(user=admins.town, node=net.town1, from_title="村务公开", column=foreign)
    with pytest.raises(SyndicationDenied, match="只有本站站长"):
        set_column_mapping(
            user=admins.town_reviewer, node=net.town1, from_title="村务公开",
            column=column_titled(net.town1, "基层动态"),
        )  # fmt: skip
    with pytest.raises(SyndicationDenied, match="省级站长"):
        set_default_mapping(user=admins.town, from_title="村务公开", to_title="基层动态")
    with pytest.raises(SyndicationError, match="请填写下级栏目名称"):
        set_default_mapping(user=admins.province, from_title=" ", to_title="基层动态")
    assert not ColumnMapping.objects.exists()

    # a forged post naming another node's column: the form refuses it, nothing saved
    client.force_login(admins.town)
    titles = (
        client.get("/admin/syndication/mapping/", HTTP_HOST="town1.localhost")
        .context["form"]
        .titles
    )
    response = client.post(
        "/admin/syndication/mapping/",
        {"save_own": "1", **{name: foreign.pk for name in titles}},
        HTTP_HOST="town1.localhost",
    )
    assert response.status_code == 400 and "有效" in response.content.decode()
    assert not ColumnMapping.objects.exists()
    # a reviewer does not open the screen at all
    client.force_login(admins.town_reviewer)
    assert client.get("/admin/syndication/mapping/", HTTP_HOST="town1.localhost").status_code == 403

    # without a mapping, accepting without a column asks for one and changes nothing
    submission = submitted_from(net, admins, "党员教育", "甲村学习")
    with pytest.raises(SyndicationError, match="没有映射"):
        decide(user=admins.town_reviewer, submission=submission, action="accept")
    assert Submission.objects.get(pk=submission.pk).state == "pending"


def test_the_province_sets_defaults_on_its_screen(client, net, admins):
    client.force_login(admins.province)
    page = client.get("/admin/syndication/mapping/", HTTP_HOST="prov.localhost")
    assert page.status_code == 200 and "全网默认映射" in page.content.decode()
    titles = page.context["defaults_form"].titles
    name = next(name for name, title in titles.items() if title == "村务公开")
    response = client.post(
        "/admin/syndication/mapping/", {"save_defaults": "1", name: "基层动态"},
        HTTP_HOST="prov.localhost",
    )  # fmt: skip
    assert response.status_code == 302
    assert ColumnMapping.objects.get(node=None, from_title="村务公开").column_title == "基层动态"
    assert mapped_column(net.town1, "村务公开") == column_titled(net.town1, "基层动态")
