"""The full editor's buttons at a grassroots site: the main one publishes and 报送s,
approving an editor's article does too, and those that only publish say so and ask."""

import re

import pytest
from django_tenants.utils import schema_context

from sites.factories import article_form, node_column
from sites.models import ArticlePage
from syndication.models import Submission

pytestmark = pytest.mark.django_db

VILLAGE = "village1.localhost"


def footer_buttons(html):
    """The action menu's buttons in order (the first is the main one)."""
    footer = html[html.index('<footer class="footer') :]
    return [
        re.sub(r"<[^>]+>|\s+", "", label)
        for label in re.findall(r"<button[^>]*>(.*?)</button>", footer, re.S)
        if re.sub(r"<[^>]+>|\s+", "", label)
    ]


def add_url(net, node=None):
    node = node or net.village1
    with schema_context(node.tenant.schema_name):
        column = node_column(node, "党务公开")
    return f"/admin/pages/add/xfsites/articlepage/{column.pk}/"


def written_by_the_editor(client, net, people, title):
    """The village editor writes an article and submits it to the village's review."""
    client.force_login(people.village_editor)
    response = client.post(
        add_url(net), article_form(title, **{"action-submit": "submit"}), HTTP_HOST=VILLAGE
    )
    assert response.status_code == 302
    with schema_context(net.village1.tenant.schema_name):
        article = ArticlePage.objects.get(title=title)
        assert article.current_workflow_state is not None and not article.live
    client.force_login(people.village_webmaster)
    return article


def test_a_village_webmasters_main_button_publishes_and_submits(client, net, people):
    client.force_login(people.village_webmaster)
    buttons = footer_buttons(client.get(add_url(net), HTTP_HOST=VILLAGE).content.decode())
    assert buttons[0] == "发布并报送上级"
    assert "仅在本站发布（不报送）" in buttons and "发布" not in buttons
    html = client.get(add_url(net), HTTP_HOST=VILLAGE).content.decode()
    assert 'data-xf-confirm="只在本站发布，不报送上级？' in html
    assert "syndication/confirm.js" in html


def test_approving_an_editors_article_publishes_and_submits(client, net, people):
    article = written_by_the_editor(client, net, people, "甲村编辑写的稿件")
    edit = f"/admin/pages/{article.pk}/edit/"
    buttons = footer_buttons(client.get(edit, HTTP_HOST=VILLAGE).content.decode())
    assert buttons[0] == "批准、发布并报送上级"
    assert "批准并发布（不报送）" in buttons and "请求修改" in buttons
    # Nothing that would cancel the review by publishing over it, no second approval.
    assert not {"发布", "发布并报送上级", "仅在本站发布（不报送）"} & set(buttons)
    assert not any("带评论" in label for label in buttons)
    response = client.post(
        edit,
        article_form(
            "甲村编辑写的稿件",
            **{
                "action-workflow-action": "true",
                "workflow-action-name": "approve",
                "xf-submit-up": "submit-up",
            },
        ),
        HTTP_HOST=VILLAGE,
    )
    assert response.status_code == 302
    with schema_context(net.village1.tenant.schema_name):
        assert ArticlePage.objects.get(pk=article.pk).live
    submission = Submission.objects.get(story__title="甲村编辑写的稿件")
    assert submission.to_node == net.town1 and submission.submitted_by == people.village_webmaster


def test_approving_only_here_publishes_without_submitting(client, net, people):
    article = written_by_the_editor(client, net, people, "只在本村发布的稿件")
    response = client.post(
        f"/admin/pages/{article.pk}/edit/",
        article_form(
            "只在本村发布的稿件",
            **{"action-workflow-action": "true", "workflow-action-name": "approve"},
        ),
        HTTP_HOST=VILLAGE,
    )
    assert response.status_code == 302
    with schema_context(net.village1.tenant.schema_name):
        assert ArticlePage.objects.get(pk=article.pk).live
    assert not Submission.objects.filter(story__title="只在本村发布的稿件").exists()


def test_above_grassroots_wagtails_buttons_stay(client, net, people):
    client.force_login(people.county_reviewer)
    html = client.get(add_url(net, net.county1), HTTP_HOST="county1.localhost").content.decode()
    buttons = footer_buttons(html)
    assert buttons[0] == "保存草稿" and "发布" in buttons and "发布并报送上级" in buttons
    assert "data-xf-confirm" not in html
