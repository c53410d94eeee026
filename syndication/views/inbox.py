"""报送审核: the inbox of what the node's children submitted, and one decision."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse

from ..errors import SyndicationError
from ..forms import DecisionForm
from ..mapping import columns_of, mapped_column
from ..models import Submission, SubmissionState
from ..permissions import may_review_at, require
from ..reach import inbox_for, lineage
from ..stories import body_for, origin_url
from ..submitting import decide
from .base import NodeAdminView

TABS = {
    "pending": ("待审核", [SubmissionState.PENDING]),
    "decided": ("已处理", [SubmissionState.ACCEPTED, SubmissionState.RETURNED]),
    "revoked": ("已撤稿", [SubmissionState.REVOKED]),
}


class InboxView(NodeAdminView):
    template_name = "syndication/admin/inbox.html"
    page_title = "报送审核"

    def allowed(self, user, node):
        return may_review_at(user, node)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        tab = self.request.GET.get("tab", "pending")
        tab = tab if tab in TABS else "pending"
        context["tab"] = tab
        context["tabs"] = [(key, label) for key, (label, _) in TABS.items()]
        context["submissions"] = inbox_for(self.node, TABS[tab][1])[:200]
        return context


class ReviewView(NodeAdminView):
    template_name = "syndication/admin/review.html"
    page_title = "审核报送"

    def allowed(self, user, node):
        return may_review_at(user, node)

    def prepare(self, request, pk, **kwargs):
        self.submission_pk = pk

    def get_submission(self):
        submission = get_object_or_404(
            Submission.objects.select_related("story__origin_node", "from_node", "to_node"),
            pk=self.submission_pk,
        )
        # only what was sent to this node is decided here
        require(submission.to_node_id == self.node.pk, "这篇报送不是报送给本站的。")
        return submission

    def get_context_data(self, form=None, **kwargs):
        context = super().get_context_data(**kwargs)
        submission = self.get_submission()
        story = submission.story
        form = form or self.decision_form(submission)
        context.update(
            submission=submission,
            story=story,
            body=body_for(story, self.request),
            origin_url=origin_url(story, self.request),
            hops=lineage(story),
            form=form,
            mapped=self.mapped,
            can_forward=not self.node.is_root(),
        )
        return context

    def decision_form(self, submission, data=None):
        """The form, with the column 栏目映射 names for the story preselected."""
        columns = columns_of(self.node)
        # a story sent to a 专题 goes to that column; any other, as 栏目映射 says
        topic = next((c for c in columns if c.pk == submission.topic_page_id), None)
        self.mapped = topic or mapped_column(
            self.node, submission.story.origin_column_title, columns
        )
        initial = {"column": self.mapped.pk} if self.mapped is not None else {}
        return DecisionForm(data, columns=columns, initial=initial)

    def post(self, request, *args, **kwargs):
        submission = self.get_submission()
        form = self.decision_form(submission, request.POST)
        columns = form.columns
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form), status=400)
        data = form.cleaned_data
        column = next((c for c in columns if c.pk == data.get("column")), None)
        require(data["action"] == "return" or column is not None, "采用栏目必须是本站的栏目。")
        # 采用并下发: accept here, then choose the push's scope on the 下发 page
        push_next = data["action"] == "accept_push"
        try:
            decide(
                user=request.user,
                submission=submission,
                action="accept" if push_next else data["action"],
                column=column,
                reason=data.get("reason") or "",
            )
        except SyndicationError as error:
            messages.error(request, str(error))
            return redirect(request.path)
        if push_next:
            messages.success(request, f"《{submission.story.title}》已采用，请选择下发范围。")
            return redirect(reverse("xf_syndication_push_story", args=[submission.story_id]))
        labels = dict(DecisionForm.base_fields["action"].choices)
        messages.success(request, f"《{submission.story.title}》：{labels[data['action']]}。")
        return redirect(reverse("xf_syndication_inbox"))
