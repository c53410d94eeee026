from django import template
from django.utils.safestring import mark_safe

from ..blocks import DEFAULT_LAYOUT, SharedBlocks

register = template.Library()
_stream_block = SharedBlocks()


@register.simple_tag(takes_context=True)
def default_shared_blocks(context):
    """The standard arrangement of shared blocks, for pages that set none."""
    value = _stream_block.to_python(
        [{"type": name, "value": value} for name, value in DEFAULT_LAYOUT]
    )
    flat = context.flatten()
    return mark_safe("".join(child.render(context=flat) for child in value))
