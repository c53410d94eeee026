"""Factories for nodes and accounts; nodes are made through the provisioning service."""

import factory
from django.contrib.auth import get_user_model

from .levels import Level, parent_level_of
from .models import Node
from .provisioning import NodeSpec, add_node
from .roles import assign_role

# Sequence numbers make codes of the right length for each level.
CODE_LENGTH = {
    Level.PROVINCE: 6, Level.CITY: 6, Level.COUNTY: 6, Level.TOWNSHIP: 9, Level.VILLAGE: 12,
}  # fmt: skip


class NodeFactory(factory.Factory):
    """`NodeFactory(level="village", parent=township)` provisions a real node."""

    class Meta:
        model = Node

    level = Level.PROVINCE
    parent = None
    name = factory.Sequence(lambda n: f"测试节点{n}")
    code = factory.LazyAttributeSequence(
        lambda o, n: (
            str(900000 + n).ljust(CODE_LENGTH[o.level], "0")[: CODE_LENGTH[o.level]]
            if o.level in (Level.PROVINCE, Level.CITY, Level.COUNTY)
            else f"{o.parent.code[:6]}{n:0{CODE_LENGTH[o.level] - 6}d}"
        )
    )
    domain = factory.LazyAttributeSequence(lambda o, n: f"node{o.code}-{n}.localhost")

    @classmethod
    def _create(cls, model_class, *, level, parent, name, code, domain):
        if parent_level_of(level) and parent is None:
            raise ValueError(f"a {level} node needs a parent")
        spec = NodeSpec.clean(
            code=code, name=name, level=level, domain=domain,
            parent_code=parent.code if parent else None,
        )  # fmt: skip
        return add_node(spec)

    _build = _create


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda o: f"{o.username}@example.org")
    password = factory.django.Password("xfnet-test-password")

    @factory.post_generation
    def roles(self, create, extracted, **kwargs):
        """`UserFactory(roles=[(node, "editor")])` puts the account in those node groups."""
        for node, role in extracted or ():
            assign_role(self, node, role)
