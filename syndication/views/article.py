"""One article's syndication: its receipts, and 报送 / 下发 / 撤稿 from the article."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse

from network.models import Node
from network.roles import user_may_edit_content
from sites.lookup import node_of_page
from sites.models import ArticlePage

from .. import audit
from ..forms import PushForm, RevokeForm, SubmitForm, TopicSubmitForm
from ..models import Push, Story, SubmissionState
from ..permissions import may_push_from
from ..pushing import describe_scope, withdraw_push
from ..reach import lineage
from ..revoking import may_revoke, revoke_story
from ..stories import story_for_article
from ..submitting import submit_to_topic, submit_up
from ..topics import open_topics
from .base import NodeAdminView
from .pushing import PUSHED, push_from_form


class ArticleSyndicationView(NodeAdminView):
    template_name = "syndication/admin/article.html"
    page_title = "报送与下发"

    def allowed(self, user, node):
        return user_may_edit_content(user, node)

    def prepare(self, request, page_id, **kwargs):
        self.article = get_object_or_404(ArticlePage, pk=page_id)
        try:
            self.origin = node_of_page(self.article)
        except Exception as error:
            raise Http404 from error
        # the article must belong to a site the account may work on
        if not user_may_edit_content(request.user, self.origin):
            raise PermissionDenied
        self.story = Story.objects.filter(
            origin_node=self.origin, origin_page_id=self.article.pk
        ).first()

    def get_page_subtitle(self):
        return self.article.title

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        story = self.story
        pushes = list(story.pushes.select_related("from_node")) if story else []
        context.update(
            article=self.article,
            origin=self.origin,
            story=story,
            hops=lineage(story) if story else [],
            pushes=[(push, describe_push(push)) for push in pushes],
            events=audit.trail(story) if story else [],
            parent=(parent := self.origin.get_parent()),
            can_submit=parent is not None
            and self.article.live
            and (story is None or _open_to_submit(story, parent)),
            may_push=may_push_from(self.request.user, self.origin) and not self.origin.is_leaf(),
            may_revoke=story is not None and may_revoke(self.request.user, story),
            submit_form=kwargs.get("submit_form") or SubmitForm(),
            topic_form=kwargs.get("topic_form") or self.topic_form(),
            push_form=kwargs.get("push_form") or PushForm(node=self.origin),
            revoke_form=kwargs.get("revoke_form") or RevokeForm(),
        )
        return context

    def post(self, request, *args, **kwargs):
        handler = {
            "submit": self.submit,
            "topic": self.submit_topic,
            "push": self.push,
            "revoke": self.revoke,
            "withdraw": self.withdraw,
        }.get(request.POST.get("action"))
        if handler is None:
            raise PermissionDenied
        return handler(request)

    def _story(self):
        if not self.article.live:
            return None
        return self.story or story_for_article(self.article, self.origin, self.request.user)

    def back(self):
        return reverse("xf_syndication_article", args=[self.article.pk])

    def _not_live(self, request):
        messages.error(request, "文章发布后才能报送或下发。")
        return redirect(self.back())

    def submit(self, request):
        form = SubmitForm(request.POST)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(submit_form=form), status=400)
        story = self._story()
        if story is None:
            return self._not_live(request)
        note = form.cleaned_data["note"]
        return self.act(
            request,
            lambda: submit_up(user=request.user, node=self.origin, story=story, note=note),
            "已报送上级，等待上级审核。",
            self.back(),
        )

    def topic_form(self, data=None):
        """报送专题: the 专题 above this site still taking stories (only for a live article)."""
        topics = open_topics(self.origin) if self.article.live else []
        return TopicSubmitForm(data, topics=topics) if topics else None

    def submit_topic(self, request):
        form = self.topic_form(request.POST)
        if form is None or not form.is_valid():
            context = self.get_context_data(topic_form=form)
            return self.render_to_response(context, status=400)
        story = self._story()
        if story is None:
            return self._not_live(request)
        data = form.cleaned_data
        return self.act(
            request,
            lambda: submit_to_topic(user=request.user, node=self.origin, story=story,
                                    topic_key=data["topic"], note=data["note"]),
            "已报送专题，等待专题所在站点审核。",
            self.back(),
        )  # fmt: skip

    def push(self, request):
        form = PushForm(request.POST, node=self.origin)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(push_form=form), status=400)
        story = self._story()
        if story is None:
            return self._not_live(request)
        return self.act(
            request,
            lambda: push_from_form(request.user, self.origin, story, form.cleaned_data),
            PUSHED,
            self.back(),
        )

    def revoke(self, request):
        form = RevokeForm(request.POST)
        if not form.is_valid() or self.story is None:
            return self.render_to_response(self.get_context_data(revoke_form=form), status=400)
        data = form.cleaned_data
        unpublish = data["unpublish_origin"]
        return self.act(
            request,
            lambda: revoke_story(
                user=request.user,
                story=self.story,
                reason=data["reason"],
                unpublish_origin=unpublish,
            ),
            "已撤稿，其他站点不再显示这篇稿件"
            + ("，本站原文也已撤下。" if unpublish else "；本站原文仍然保留。"),
            self.back(),
        )

    def withdraw(self, request):
        push = get_object_or_404(Push, pk=request.POST.get("push"), story=self.story)
        return self.act(
            request,
            lambda: withdraw_push(user=request.user, push=push),
            "已撤回这次下发。",
            self.back(),
        )


def _open_to_submit(story, parent) -> bool:
    """Live, and not already sent to the parent (a returned story may go again)."""
    if not story.is_live:
        return False
    sent = story.submissions.filter(to_node=parent).first()
    return sent is None or sent.state == SubmissionState.RETURNED


def describe_push(push):
    branches = Node.objects.filter(path__in=push.branch_paths) if push.branch_paths else None
    return describe_scope(push, branches)
