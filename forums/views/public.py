"""论坛议事 on every site (/forum/): the boards, a board's topics, a topic's posts
with the reply form, reports, and images (served only while their post may be read).
Never cached: what a page shows depends on who reads it."""

from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from network.screens import node_or_404
from partyaffairs.ledger.models import MemberAccount

from ..access import may_moderate, may_post
from ..boards import boards_of
from ..images import path_of
from ..models import BoardKind, Post, PostState
from ..posting import PostRefused, reply, report, start_topic
from ..queries import display_name, posts_of, readable_image, readable_topic, shown, topics_of

PER_PAGE = 20


@never_cache
def forum_home(request):
    node = node_or_404(request)
    boards = boards_of(node).annotate(
        count=Count("topics", filter=Q(topics__state=PostState.VISIBLE))
    )
    return render(request, "forums/home.html", {"node": node, "boards": boards})


@never_cache
def board_page(request, slug):
    node = node_or_404(request)
    board = get_object_or_404(boards_of(node), slug=slug)
    error, typed = None, {}
    nominate = board.kind == BoardKind.NOMINATE and may_moderate(request.user, node)
    if request.method == "POST":
        named = None
        if nominate and request.POST.get("named"):
            named = (
                MemberAccount.objects.filter(pk=request.POST["named"])
                .select_related("node", "user")
                .first()
            )
        try:
            topic = start_topic(request.user, board, request.POST.get("title", ""),
                                request.POST.get("body", ""), request.FILES.getlist("images"),
                                named=named)  # fmt: skip
        except (PostRefused, PermissionDenied) as refused:
            error, typed = str(refused), request.POST
        else:
            return redirect(f"/forum/t/{topic.pk}/")
    page = Paginator(topics_of(board, request.user), PER_PAGE).get_page(request.GET.get("page"))
    context = {
        "node": node, "board": board, "page_obj": page, "error": error, "typed": typed,
        "topics": [(t, display_name(t.author)) for t in page],
        "may_post": may_post(request.user, node),
        "members": _nameable(node) if nominate else [],
    }  # fmt: skip
    return render(request, "forums/board.html", context, status=400 if error else 200)


def _nameable(node):
    return list(
        MemberAccount.objects.filter(node__path__startswith=node.path, user__is_active=True)
        .select_related("user", "node").order_by("node__path", "user__first_name")[:500]
    )  # fmt: skip


@never_cache
def topic_page(request, topic_id):
    node = node_or_404(request)
    topic = readable_topic(topic_id, node, request.user)
    if topic is None:
        raise Http404("没有这个主题。")
    error, typed = None, {}
    if request.method == "POST":
        try:
            reply(request.user, topic, request.POST.get("body", ""),
                  request.FILES.getlist("images"), request.POST.get("quote") or None)  # fmt: skip
        except (PostRefused, PermissionDenied) as refused:
            error, typed = str(refused), request.POST
        else:
            last = Paginator(posts_of(topic, request.user), PER_PAGE).num_pages
            return redirect(f"/forum/t/{topic.pk}/?page={last}#reply")
    page = Paginator(posts_of(topic, request.user), PER_PAGE).get_page(request.GET.get("page"))
    moderator = may_moderate(request.user, node)
    quoted = None
    if request.GET.get("quote", "").isdigit():
        quoted = Post.objects.filter(pk=request.GET["quote"], topic=topic,
                                     state=PostState.VISIBLE).first()  # fmt: skip
    context = {
        "node": node, "topic": topic, "page_obj": page, "error": error, "typed": typed,
        "posts": [(p, shown(p, request.user, node), display_name(p.author)) for p in page],
        "may_post": may_post(request.user, node) and not topic.locked,
        "moderator": moderator, "quoted": quoted, "author": display_name(topic.author),
        "named": display_name(topic.named) if topic.named_id else None,
    }  # fmt: skip
    return render(request, "forums/topic.html", context, status=400 if error else 200)


@require_POST
def report_post(request, post_id):
    node = node_or_404(request)
    post = Post.objects.filter(pk=post_id, topic__node=node).select_related("topic__node").first()
    if post is None or not shown(post, request.user, node):
        raise Http404("没有这条内容。")
    try:
        report(request.user, post, request.POST.get("reason", ""))
    except (PostRefused, PermissionDenied) as refused:
        return render(request, "forums/reported.html", {"node": node, "error": str(refused),
                      "topic": post.topic}, status=400)  # fmt: skip
    return render(request, "forums/reported.html", {"node": node, "topic": post.topic})


@never_cache
def image(request, image_uuid):
    found = readable_image(image_uuid, request.user)
    if found is None or found.post.topic.node_id != node_or_404(request).pk:
        raise Http404
    path = path_of(found.name)
    if not path.exists():
        raise Http404
    kind = "image/png" if path.suffix == ".png" else "image/jpeg"
    response = FileResponse(path.open("rb"), content_type=kind)
    response["Cache-Control"] = "private, max-age=300"
    return response
