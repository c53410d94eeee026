import pytest

from sites.slugs import pinyin_slug


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
