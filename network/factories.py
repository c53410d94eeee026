"""Factories for accounts; nodes are made by `provisioning.nodes.add_node`."""

import factory
from django.contrib.auth import get_user_model

from .roles import assign_role


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
