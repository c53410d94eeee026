"""The public board on every site (/messages/): the answered messages the node chose
to show (askers' names masked) and the form to leave one. Never cached: each form
carries its own challenge."""

from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import render
from django.views.decorators.cache import never_cache

from network.addresses import client_ip
from network.people import masked
from network.screens import node_or_404

from ..clock import reply_days
from ..forms import MessageForm
from ..guarding import Refused, check_challenge, new_challenge
from ..handling import Posting, post_message
from ..models import Message, MessageState
from ..queries import public_answers

PER_PAGE = 15


@never_cache
def board(request):
    node = node_or_404(request)
    if request.method == "POST":
        form = MessageForm(request.POST)
        sent = _post(request, node, form)
        if sent is not None:
            return render(request, "messageboard/sent.html", {"node": node, "message": sent,
                          "days": reply_days(node)})  # fmt: skip
    else:
        form = MessageForm()
    return _board(request, node, form)


def _post(request, node, form) -> Message | None:
    """The new message, or None with the reason on the form (what was typed kept)."""
    if not form.is_valid():
        return None
    data = form.cleaned_data
    try:
        if form.honeypot_filled:
            raise Refused("提交未通过校验，请刷新页面后重试。")
        check_challenge(data["token"], data["answer"])
        posting = Posting(name=data["name"], phone=data["phone"], category=data["category"],
                          text=data["text"])  # fmt: skip
        return post_message(node, posting, client_ip(request))
    except Refused as refused:
        form.add_error(None, str(refused))
        return None


def _board(request, node, form):
    page = Paginator(public_answers(node), PER_PAGE).get_page(request.GET.get("page"))
    context = {
        "node": node, "form": form, "page_obj": page,
        # a fresh challenge each time the form is shown (the template writes its token
        # and an empty answer); what was typed otherwise stays
        "challenge": new_challenge(),
        "answers": [(message, masked(message.name)) for message in page],
        "days": reply_days(node),
    }  # fmt: skip
    return render(request, "messageboard/board.html", context)


@never_cache
def answer_page(request, uuid):
    node = node_or_404(request)
    message = (
        Message.objects.filter(uuid=uuid, node=node, state=MessageState.ANSWERED, public=True)
        .select_related("origin")
        .first()
    )
    if message is None:
        raise Http404("没有这条留言。")
    context = {"node": node, "message": message, "masked": masked(message.name)}
    return render(request, "messageboard/answer.html", context)
