"""The search page every site has: this site, or the whole network (全网)."""

from django.core.paginator import Paginator
from django.shortcuts import render

from sites.lookup import home_path
from sites.models import ColumnPage

from .backend import results_for
from .forms import SearchForm
from .query import COUNT_CAP, Search, snippet, title_html

RESULTS_PER_PAGE = 20


def search_page(request):
    node = getattr(request, "node", None)
    columns = _site_columns(node)
    form = SearchForm(request.GET or None, columns=columns)
    context = {"form": form, "node": node, "results": [], "page_obj": None}
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
        results, total = results_for(search)
        page_obj = Paginator(results, RESULTS_PER_PAGE).get_page(request.GET.get("page"))
        context.update(
            page_obj=page_obj,
            network=network,
            total=min(total, COUNT_CAP),
            more=total > COUNT_CAP,
            query=data["q"],
            results=[
                {
                    "entry": entry,
                    "title": title_html(entry, data["q"]),
                    "snippet": snippet(entry, data["q"]),
                    "url": entry.node.absolute_url(entry.url_path, request)
                    if network and entry.node_id != getattr(node, "pk", None)
                    else entry.url_path,
                }
                for entry in page_obj.object_list
            ],
            querystring=_without_page(request.GET),
        )
    return render(request, "search/results.html", context)


def _site_columns(node):
    if node is None or node.root_page_id is None:
        return []
    path = home_path(node)
    return list(
        ColumnPage.objects.filter(depth=len(path) // 4 + 1, path__startswith=path)
        .live()
        .order_by("path")
    )


def _without_page(params):
    params = params.copy()
    params.pop("page", None)
    return params.urlencode()
