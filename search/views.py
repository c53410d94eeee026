"""The search page every site has: this site, or the whole network (全网); and the
suggestions its search boxes offer as a reader types."""

from django.http import JsonResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from sites.lookup import home_path
from sites.models import ColumnPage

from .backend import results_for
from .counting import record_search
from .forms import SearchForm
from .hot import hot_searches
from .query import COUNT_CAP, FEW, WORDS_APART, Search, snippet, title_html
from .suggest import did_you_mean, suggestions, synonyms_of

RESULTS_PER_PAGE = 20


def search_page(request):
    node = getattr(request, "node", None)
    columns = _site_columns(node)
    form = SearchForm(request.GET or None, columns=columns)
    context = {
        "form": form,
        "node": node,
        "results": [],
        "page_obj": None,
        "hot_here": hot_searches(node) if node is not None else [],
        "hot_network": hot_searches(None),
    }
    if form.is_valid() and form.cleaned_data["q"].strip():
        data = form.cleaned_data
        network = data.get("scope") == "all"
        search = Search(
            q=data["q"],
            node=None if network else node,
            levels=data.get("level") or [],
            column_id=None if network else data.get("column"),
            date_from=data.get("date_from"),
            date_to=data.get("date_to"),
            newest_first=data.get("order") == "newest",
        )
        found = results_for(search, _page_number(request), RESULTS_PER_PAGE)
        if found.page.number == 1 and found.total:
            record_search(node, data["q"])
        typed = [e for e in found.page.object_list if getattr(e, "tier", None) != WORDS_APART]
        apart = [e for e in found.page.object_list if getattr(e, "tier", None) == WORDS_APART]
        context.update(
            page_obj=found.page,
            network=network,
            total=min(found.total, COUNT_CAP),
            more=found.more,
            words_apart=found.words_apart,
            query=data["q"],
            results=_results(typed, data["q"], network, node, request),
            apart_results=_results(apart, data["q"], network, node, request),
            did_you_mean=did_you_mean(search, found.total) if found.total < FEW else [],
            synonyms=synonyms_of(data["q"]),
            querystring=_without(request.GET, "page"),
            other_params=_without(request.GET, "page", "q"),
        )
    return render(request, "search/results.html", context)


@require_GET
def suggest(request):
    """搜索建议 for the search boxes: {"q": ..., "suggestions": [...]}."""
    query = request.GET.get("q", "")[:100]
    node = getattr(request, "node", None)
    network = request.GET.get("scope") == "all"
    found = suggestions(query, None if network else node)
    return JsonResponse({"q": query, "suggestions": found})


def _results(entries, q, network, node, request) -> list[dict]:
    return [
        {
            "entry": entry,
            "title": title_html(entry, q),
            "snippet": snippet(entry, q),
            "url": entry.node.absolute_url(entry.url_path, request)
            if network and entry.node_id != getattr(node, "pk", None)
            else entry.url_path,
        }
        for entry in entries
    ]


def _page_number(request) -> int:
    try:
        return max(1, int(request.GET.get("page", 1)))
    except ValueError:
        return 1


def _site_columns(node):
    if node is None or node.root_page_id is None:
        return []
    path = home_path(node)
    return list(
        ColumnPage.objects.filter(depth=len(path) // 4 + 1, path__startswith=path)
        .live()
        .order_by("path")
    )


def _without(params, *names):
    params = params.copy()
    for name in names:
        params.pop(name, None)
    return params.urlencode()
