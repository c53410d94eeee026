import pytest

from network.factories import UserFactory


@pytest.fixture
def people(net):
    """Accounts with roles on the session network, by what they do."""

    class People:
        province_reviewer = UserFactory(username="sheng_shenhe", roles=[(net.province, "reviewer")])
        city_reviewer = UserFactory(username="shi_shenhe", roles=[(net.city, "reviewer")])
        county_reviewer = UserFactory(
            username="xian_shenhe", email="xian@example.cn", roles=[(net.county1, "reviewer")]
        )
        county_editor = UserFactory(username="xian_bianji", roles=[(net.county1, "editor")])
        town_reviewer = UserFactory(username="zhen_shenhe", roles=[(net.town1, "reviewer")])
        village_editor = UserFactory(
            username="cun_bianji", email="cun@example.cn", roles=[(net.village1, "editor")]
        )
        village_webmaster = UserFactory(
            username="cun_zhanzhang", roles=[(net.village1, "webmaster")]
        )
        village2_webmaster = UserFactory(
            username="cun2_zhanzhang", roles=[(net.village2, "webmaster")]
        )
        village3_webmaster = UserFactory(
            username="cun3_zhanzhang", roles=[(net.village3, "webmaster")]
        )

    return People
