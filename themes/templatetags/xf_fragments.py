"""`{% fragment %}`: a part of a public page kept rendered under generation tokens.

    {% fragment "nav" "site" page.pk %} ... {% endfragment %}

The name, the scope and the values after them (what else the part depends on) key
the HTML, with the node and the current tokens of the scope (network.generations):
"site" for what only the site's own changes touch (navigation, column lists), "page"
for what a push from above can change as well (shared blocks). Forgetting a scope
forgets its fragments with its pages, so a fragment is never older than the page
cache would be; a page the page cache cannot keep (an editor's, a bypassed one) is
still built from them. Previews and anything but GET render the part afresh.
"""

import hashlib

from django import template
from django.conf import settings

from network.generations import page_cache, request_tokens, scope_keys, site_scope_keys

register = template.Library()

SCOPES = {"site": site_scope_keys, "page": scope_keys}


def fragment_key(request, name: str, scope: str, vary: list[str]) -> str:
    tokens = request_tokens(request, SCOPES[scope])  # shared with the page cache's key
    raw = "|".join([name, str(request.node.pk), *vary, *tokens])
    return "xffrag:" + hashlib.sha1(raw.encode()).hexdigest()


class FragmentNode(template.Node):
    def __init__(self, nodelist, name, scope, vary):
        self.nodelist, self.name, self.scope, self.vary = nodelist, name, scope, vary

    def render(self, context):
        request = context.get("request")
        if (
            request is None
            or getattr(request, "node", None) is None
            or getattr(request, "is_preview", False)
            or request.method not in ("GET", "HEAD")
        ):
            return self.nodelist.render(context)
        vary = [str(value.resolve(context)) for value in self.vary]
        key = fragment_key(request, self.name.resolve(context), self.scope, vary)
        cache = page_cache()
        html = cache.get(key)
        if html is None:
            html = self.nodelist.render(context)
            cache.set(key, html, timeout=settings.XFNET_PAGE_CACHE_SECONDS)
        return html


@register.tag
def fragment(parser, token):
    bits = token.split_contents()
    if len(bits) < 3 or bits[2].strip("\"'") not in SCOPES:
        raise template.TemplateSyntaxError(
            '{% fragment "name" "site"|"page" [values it depends on] %}'
        )
    nodelist = parser.parse(("endfragment",))
    parser.delete_first_token()
    return FragmentNode(
        nodelist,
        parser.compile_filter(bits[1]),
        bits[2].strip("\"'"),
        [parser.compile_filter(bit) for bit in bits[3:]],
    )
