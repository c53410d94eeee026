from django import template

from network import people

register = template.Library()


@register.filter
def person(user, unit=None):
    """{{ hop.decided_by|person:hop.to_node }} → 王秀英（上派镇）; "" for nobody."""
    return people.person(user, unit)
