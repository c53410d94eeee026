"""Factories for party registers: tests and the demo network. Run in the node's
schema (`schema_context(node.tenant.schema_name)`); pass `node_code`."""

import random
from datetime import date, timedelta

import factory

from sites import corpus

from . import idcards
from .models import Member, Organisation, OrganisationKind
from .models.member import Education, Gender


def id_number(region: str, birth: date, rng=random) -> str:
    """A well-formed (made-up) identity number for someone born on `birth`."""
    first17 = f"{region[:6]:0<6}{birth:%Y%m%d}{rng.randint(0, 999):03d}"
    return first17 + idcards.check_digit(first17)


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    node_code = "340000"
    name = factory.Sequence(lambda n: f"第{n}党支部")
    kind = OrganisationKind.BRANCH
    term_started_on = factory.LazyFunction(lambda: date.today() - timedelta(days=400))
    term_ends_on = factory.LazyAttribute(
        lambda o: o.term_started_on.replace(year=o.term_started_on.year + 3)
    )


class MemberFactory(factory.django.DjangoModelFactory):
    """A member; `id_number=` (the clear number) is encrypted as the services do."""

    class Meta:
        model = Member

    organisation = factory.SubFactory(OrganisationFactory)
    node_code = factory.SelfAttribute("organisation.node_code")
    name = factory.LazyFunction(
        lambda: random.choice(corpus.SURNAMES) + random.choice(corpus.GIVEN_NAMES)
    )
    gender = factory.LazyFunction(lambda: random.choice(Gender.values))
    birth_date = factory.LazyFunction(
        lambda: date(random.randint(1945, 2000), random.randint(1, 12), random.randint(1, 28))
    )
    education = factory.LazyFunction(lambda: random.choice(Education.values))
    joined_on = factory.LazyAttribute(
        lambda o: o.birth_date.replace(year=o.birth_date.year + random.randint(19, 25))
    )
    full_member_on = factory.LazyAttribute(lambda o: o.joined_on.replace(year=o.joined_on.year + 1))
    phone = factory.Sequence(lambda n: f"139{n:08d}")

    class Params:
        id_number = None

    @factory.lazy_attribute
    def id_number_encrypted(self):
        return idcards.encrypt(self.id_number or "")

    @factory.lazy_attribute
    def id_number_masked(self):
        return idcards.mask(self.id_number or "")

    @factory.lazy_attribute
    def id_number_hash(self):
        return idcards.fingerprint(self.id_number or "")
