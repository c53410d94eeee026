"""流转日志: each story's deliveries and decisions, failures first to the eye."""

from django.db.models import CharField, Exists, OuterRef, Q, Value
from django.db.models.functions import Cast, Concat
from django.shortcuts import get_object_or_404
from django.urls import reverse

from network.roles import user_may_edit_content
from notifications.models import Dispatch, DispatchState
from notifications.queries import dispatch_states
from notifications.sending import retry_failed as retry_notice

from ..models import AuditEvent, Delivery, DeliveryState
from ..notices import notice_topic
from ..outbox import retry_failed
from ..permissions import may_review_at, require
from .base import NodeAdminView


def deliveries_about(node, user):
    deliveries = Delivery.objects.select_related(
        "story__origin_node",
        "push__from_node",
        "submission__from_node",
        "submission__to_node",
    ).order_by("-created_at", "-pk")
    if user.is_superuser and node.is_root():
        return deliveries
    return deliveries.filter(
        Q(story__origin_node=node)
        | Q(push__from_node=node)
        | Q(submission__to_node=node)
        | Q(submission__from_node=node)
    )


class LogView(NodeAdminView):
    template_name = "syndication/admin/log.html"
    page_title = "流转日志"

    def allowed(self, user, node):
        return user_may_edit_content(user, node)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        deliveries = deliveries_about(self.node, self.request.user)
        failed_only = self.request.GET.get("state") == DeliveryState.FAILED
        # a delivery failed, or the notice it owed could not be sent
        failed = Q(state=DeliveryState.FAILED) | Q(Exists(_failed_notices()))
        if failed_only:
            deliveries = deliveries.filter(failed)
        shown = list(deliveries[:200])
        states = dispatch_states(notice_topic(d.pk) for d in shown)
        context.update(
            failed_only=failed_only,
            failed_count=deliveries_about(self.node, self.request.user).filter(failed).count(),
            deliveries=[(d, states.get(notice_topic(d.pk))) for d in shown],
            events=AuditEvent.objects.filter(Q(node=self.node) | Q(story__origin_node=self.node))
            .select_related("story", "node", "actor")
            .order_by("-created_at", "-pk")[:200],
            may_retry=may_review_at(self.request.user, self.node),
        )
        return context

    def post(self, request, *args, **kwargs):
        delivery = get_object_or_404(
            deliveries_about(self.node, request.user), pk=request.POST.get("delivery")
        )
        if request.POST.get("what") == "notice":
            topic = notice_topic(delivery.pk)
            retry, done = (lambda: retry_notice(topic)), "已重新发送通知。"
        else:
            retry, done = (lambda: retry_failed(delivery)), "已重新投递。"
        return self.act(
            request,
            lambda: _retry(request.user, self.node, retry),
            done,
            reverse("xf_syndication_log"),
        )


def _retry(user, node, retry):
    require(may_review_at(user, node), "只有本站的审核员或站长可以重新投递。")
    retry()


def _failed_notices():
    """The failed e-mails or text messages of the delivery's notice (a subquery)."""
    topic = Concat(Value("syndication.delivery."), Cast(OuterRef("pk"), CharField()))
    return Dispatch.objects.filter(state=DispatchState.FAILED, item__topic=topic)
