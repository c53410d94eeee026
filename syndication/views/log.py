"""流转日志: each story's deliveries and decisions, failures first to the eye."""

from django.db.models import Q
from django.shortcuts import get_object_or_404
from django.urls import reverse

from network.roles import user_may_administer

from ..delivery import retry_failed
from ..models import AuditEvent, Delivery, DeliveryState
from ..permissions import may_review_at
from .base import NodeAdminView


def deliveries_about(node, user):
    deliveries = Delivery.objects.select_related(
        "story__origin_node", "push__from_node", "submission__from_node", "submission__to_node"
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
        return user_may_administer(user, node)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        deliveries = deliveries_about(self.node, self.request.user)
        failed_only = self.request.GET.get("state") == "failed"
        if failed_only:
            deliveries = deliveries.filter(state=DeliveryState.FAILED)
        context.update(
            failed_only=failed_only,
            failed_count=deliveries_about(self.node, self.request.user)
            .filter(state=DeliveryState.FAILED)
            .count(),
            deliveries=deliveries[:200],
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
        return self.act(
            request,
            lambda: _retry(request.user, self.node, delivery),
            "已重新投递。",
            reverse("xf_syndication_log"),
        )


def _retry(user, node, delivery):
    from ..permissions import require

    require(may_review_at(user, node), "只有本站的审核员或站长可以重新投递。")
    retry_failed(delivery)
