import pytest
from django_tenants.utils import schema_context

from network.factories import UserFactory
from partyaffairs.factories import MemberFactory, OrganisationFactory
from partyaffairs.ledger.models import MemberAccount
from partyaffairs.models import Organisation


@pytest.fixture
def member_of():
    """member_of(node, username, organisation="…") → a member's account user."""

    def make(node, username, organisation="甲村党支部"):
        with schema_context(node.tenant.schema_name):
            branch = Organisation.objects.filter(node_code=node.code, name=organisation).first()
            branch = branch or OrganisationFactory(node_code=node.code, name=organisation)
            record = MemberFactory(organisation=branch)
        user = UserFactory(username=username)
        MemberAccount.objects.create(user=user, node=node, member_uuid=record.uuid)
        return user

    return make
