"""写稿 in the admin: the one screen a grassroots webmaster or editor needs."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from network.levels import is_grassroots
from network.roles import user_may_edit_content
from sites.lookup import home_path
from sites.models import ArticlePage, ColumnPage
from syndication.errors import SyndicationError
from syndication.models import Submission
from syndication.submitting import columns_of
from syndication.views.base import NodeAdminView

from .forms import QuickPostForm
from .photos import PhotoRefused
from .posting import may_publish, post_article


def last_column_of(user, node) -> int | None:
    """The column of the account's latest article on this site (kept across logins)."""
    latest = (
        ArticlePage.objects.filter(owner=user, path__startswith=home_path(node))
        .order_by("-pk")
        .values_list("path", flat=True)
        .first()
    )
    if latest is None:
        return None
    parent = latest[: -ArticlePage.steplen]
    return ColumnPage.objects.filter(path=parent).values_list("pk", flat=True).first()


class SiteMemberView(NodeAdminView):
    """Open to every editor, reviewer and webmaster of the host's site."""

    def allowed(self, user, node):
        return user_may_edit_content(user, node)


class QuickPostView(SiteMemberView):
    template_name = "quickpost/write.html"
    page_title = "写稿"
    header_icon = "edit"

    def get_form(self):
        columns = columns_of(self.node)
        if self.request.method == "POST":
            return QuickPostForm(self.request.POST, self.request.FILES, columns=columns)
        last = last_column_of(self.request.user, self.node)
        initial = {"column": last} if last in {c.pk for c in columns} else {}
        initial["submit_to_parent"] = is_grassroots(self.node.level)
        return QuickPostForm(initial=initial, columns=columns)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["form"] = kwargs.get("form") or self.get_form()
        context["may_publish"] = may_publish(self.request.user, self.node)
        context["parent"] = self.node.get_parent()
        return context

    def post(self, request, *args, **kwargs):
        form = self.get_form()
        if form.is_valid():
            data = form.cleaned_data
            column = get_object_or_404(ColumnPage, pk=data["column"])
            try:
                article = post_article(
                    user=request.user, node=self.node, column=column,
                    title=data["title"], text=data["text"], photos=data["photos"],
                    submit_to_parent=data["submit_to_parent"],
                )  # fmt: skip
            except (PhotoRefused, SyndicationError) as error:
                form.add_error(None, str(error))
            else:
                return redirect(reverse("xf_quickpost_done", args=[article.pk]))
        return self.render_to_response(self.get_context_data(form=form))


class PostedView(SiteMemberView):
    template_name = "quickpost/done.html"
    page_title = "已发稿"
    header_icon = "success"

    def prepare(self, request, page_id):
        # only what this account wrote on this site
        self.article = get_object_or_404(ArticlePage, pk=page_id, owner=request.user)
        if not self.article.path.startswith(home_path(self.node)):
            raise PermissionDenied("这篇稿件不属于本站。")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        article = self.article
        context["article"] = article
        context["submission"] = (
            Submission.objects.filter(
                story__origin_node=self.node, story__origin_page_id=article.pk
            )
            .select_related("to_node")
            .first()
        )
        context["edit_url"] = reverse("wagtailadmin_pages:edit", args=[article.pk])
        return context


class GuideView(WagtailAdminTemplateMixin, TemplateView):
    """发稿指南: how to post, submit and review, for every account of the admin."""

    template_name = "quickpost/guide.html"
    page_title = "发稿指南"
    header_icon = "help"
