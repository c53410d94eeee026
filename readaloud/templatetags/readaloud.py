"""{% read_aloud page %}: the 语音播报 player on an article page."""

from django import template

from ..queries import ready_audio

register = template.Library()


@register.inclusion_tag("readaloud/player.html", takes_context=True)
def read_aloud(context, page):
    node = getattr(context.get("request"), "node", None)
    return {"audio": ready_audio(node, page), "page": page}
