import pytest
from django_tenants.utils import schema_context

from sites.slugs import is_browser_slug, pinyin_slug


@pytest.mark.parametrize(
    ("title", "slug"),
    [
        ("党建要闻", "dang-jian-yao-wen"),
        (
            "关于开展2026年度党员冬训工作的通知",
            "guan-yu-kai-zhan-2026-nian-du-dang-yuan-dong-xun-gong-zuo-de",
        ),
        ("“三会一课”制度落实情况", "san-hui-yi-ke-zhi-du-luo-shi-qing-kuang"),
        ("ICP备案 Notice", "icp-bei-an-notice"),
        ("！！！", "page"),
    ],
)  # fmt: skip
def test_pinyin_slug(title, slug):
    assert pinyin_slug(title) == slug


def test_long_titles_are_cut_at_a_syllable():
    slug = pinyin_slug(
        "中国共产党安徽省委员会组织部关于认真学习贯彻落实全省基层党建工作会议精神的通知"
    )
    assert len(slug) <= 60
    assert not slug.endswith("-")
    assert slug.startswith("zhong-guo-gong-chan-dang")


def test_standard_column_titles_have_distinct_slugs():
    from network.levels import Level
    from sites.columns import standard_columns

    for level in Level.values:
        titles = standard_columns(level)
        assert len({pinyin_slug(title) for title in titles}) == len(titles), level


@pytest.mark.parametrize(
    ("slug", "title", "made_by_browser"),
    [
        ("2026", "2026年第一季度党费收缴情况公示", True),
        ("1223", "12月23日主题党日", True),
        ("dangfei-2026", "2026年第一季度党费收缴情况公示", False),  # typed by someone
        ("notice", "Notice", False),  # a Latin title's slug is a real one
    ],
)
def test_a_slug_the_editor_made_from_a_chinese_title_is_recognised(slug, title, made_by_browser):
    assert is_browser_slug(slug, title) is made_by_browser


def test_an_article_whose_title_starts_with_digits_gets_a_pinyin_slug(client, net):
    from network.factories import UserFactory
    from sites.factories import article_form, node_column
    from sites.models import ArticlePage

    client.force_login(UserFactory(username="slug_zz", roles=[(net.village1, "webmaster")]))
    with schema_context(net.village1.tenant.schema_name):
        column = node_column(net.village1, "党务公开")
    title = "2026年第一季度党费收缴情况公示"
    # what Wagtail's editor sends: the slug its script filled in while the title was typed
    data = article_form(title, slug="2026", **{"action-publish": "action-publish"})
    response = client.post(
        f"/admin/pages/add/xfsites/articlepage/{column.pk}/", data, HTTP_HOST="village1.localhost"
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    with schema_context(net.village1.tenant.schema_name):
        assert ArticlePage.objects.get(title=title).slug == pinyin_slug(title)
