"""The role checks read the account's roles once per request; giving or taking a role
is seen at once."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from network.factories import UserFactory
from network.roles import (
    assign_role,
    remove_role,
    user_may_administer,
    user_may_edit_content,
    user_roles_above,
)  # fmt: skip


def test_roles_are_read_once_and_a_change_is_seen_at_once(net):
    user = UserFactory(username="juese")
    assert not user_may_administer(user, net.village1)
    assign_role(user, net.village1, "organiser")
    with CaptureQueriesContext(connection) as queries:
        assert user_may_administer(user, net.village1)
        assert not user_may_edit_content(user, net.village1)  # 组织员 write no pages
        assert user_roles_above(user, net.village1) == {(net.village1.path, "organiser")}
        assert not user_may_administer(user, net.village2)
    assert len(queries) == 1
    assign_role(user, net.county1, "webmaster")
    assert user_may_edit_content(user, net.village2)  # a county webmaster reaches it
    assert not user_may_edit_content(user, net.village3)  # not in the county's schema
    remove_role(user, net.county1, "webmaster")
    assert not user_may_edit_content(user, net.village2)
