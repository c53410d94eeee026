"""The project's own admin screens on a 375 px phone (issue 14): nothing wider than
the screen, every control a 44×44 px target, people shown by real name and unit."""

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django_tenants.utils import schema_context

from network.factories import UserFactory
from network.models import Node
from sites.models import ArticlePage
from syndication.delivery import run_pending_here
from syndication.factories import story_at
from syndication.models import Story
from syndication.submitting import columns_of, decide, submit_up
from tests.browser.conftest import WIDEST
from tests.tools import artifacts_dir

pytestmark = pytest.mark.browser

PASSWORD = "Shouji-2026-admin"

# Targets on the project's screens: buttons, button-links, the links that open a row,
# form controls (a radio or checkbox through its label; the file input through its
# label, which is the button a person taps).
SMALL_TARGETS = """() => {
  const found = [];
  const controls = '.xf-screen a.button, .xf-screen button, .xf-screen select, '
    + '.xf-screen input:not([type=hidden]), .xf-screen .xf-row-link, .xf-screen label[for]';
  for (const control of document.querySelectorAll(controls)) {
    if (control.matches('input[type=file]')) continue;
    if (control.matches('label[for]')) {  // only the file input's label is its button
      const labelled = document.getElementById(control.htmlFor);
      if (!labelled || !labelled.matches('input[type=file]')) continue;
    }
    const target = control.matches('input[type=radio], input[type=checkbox]')
      ? (control.closest('label') || control) : control;
    const box = target.getBoundingClientRect();
    if (!box.width || !box.height) continue;
    if (box.width < 44 || box.height < 44) {
      const what = (target.innerText || control.name || '').trim().slice(0, 16);
      found.push(`${control.tagName} "${what}" ${Math.round(box.width)}×${Math.round(box.height)}`);
    }
  }
  return found;
}"""


@pytest.fixture
def desk(django_db_setup, django_db_blocker):
    """A village webmaster and the township's reviewer; one story accepted, one waiting."""
    with django_db_blocker.unblock():
        village = Node.objects.select_related("tenant").get(code="340111001001")
        town = Node.objects.get(code="340111001")
        author = UserFactory(
            username="phone_cun", password=PASSWORD, first_name="秀英", last_name="王",
            roles=[(village, "webmaster")],
        )  # fmt: skip
        reviewer = UserFactory(
            username="phone_zhen", password=PASSWORD, first_name="志强", last_name="陈",
            roles=[(town, "reviewer")],
        )  # fmt: skip
        stories = []
        for title in ("甲村召开第四季度党员大会", "甲村新修村道通车"):
            story = story_at(village, user=author, title=title)
            stories.append(story)
            submit_up(user=author, node=village, story=story, note="请审核")
        run_pending_here()
        accepted = stories[1].submissions.get()
        decide(user=reviewer, submission=accepted, action="accept", column=columns_of(town)[0])
        run_pending_here()
        connection.set_schema_to_public()
        yield author, reviewer, stories[0].submissions.get()
        Story.objects.filter(pk__in=[story.pk for story in stories]).delete()
        with schema_context(village.tenant.schema_name):
            ArticlePage.objects.filter(pk__in=[story.origin_page_id for story in stories]).delete()
            get_user_model().objects.filter(pk__in=[author.pk, reviewer.pk]).delete()
        connection.set_schema_to_public()


def test_the_projects_admin_screens_fit_a_phone(chromium, live_server_url, desk):
    from playwright.sync_api import sync_playwright

    author, reviewer, pending = desk
    port = live_server_url.rsplit(":", 1)[1]
    screens = {
        reviewer: ("town1", [
            "/admin/syndication/inbox/", f"/admin/syndication/inbox/{pending.pk}/",
            "/admin/syndication/received/", "/admin/syndication/points/?by=author",
            "/admin/syndication/log/", "/admin/guide/",
        ]),
        author: ("village1", [
            "/admin/write/", "/admin/syndication/receipts/", "/admin/syndication/points/",
        ]),
    }  # fmt: skip
    out = artifacts_dir()
    texts, problems = {}, []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=["--no-sandbox"])
        try:
            for user, (host, paths) in screens.items():
                phone = browser.new_context(
                    viewport={"width": 375, "height": 812}, has_touch=True, is_mobile=True,
                    locale="zh-CN",
                )  # fmt: skip
                page = phone.new_page()
                base = f"http://{host}.localhost:{port}"
                page.goto(base + "/admin/login/")
                page.fill("input[name=username]", user.username)
                page.fill("input[name=password]", PASSWORD)
                page.click("form button[type=submit]")
                page.wait_for_url("**/admin/")
                for path in paths:
                    response = page.goto(base + path)
                    assert response.status == 200, path
                    page.wait_for_load_state("networkidle")
                    name = path.strip("/").replace("/", "-").replace("?", "-")
                    page.screenshot(path=str(out / f"phone-{name}.png"), full_page=True)
                    width, widest = page.evaluate(WIDEST)
                    if width > 375:
                        problems.append(f"{path} is {width}px wide ({widest})")
                    problems += [f"{path}: {small}" for small in page.evaluate(SMALL_TARGETS)]
                    texts[(user.username, path)] = page.locator("main").inner_text()
                phone.close()
        finally:
            browser.close()
    assert not problems, "\n".join(problems)
    # by real name and unit, not by login name
    receipts = texts[(author.username, "/admin/syndication/receipts/")]
    assert "陈志强（甲镇）" in receipts and "phone_zhen" not in receipts
    review = texts[(reviewer.username, f"/admin/syndication/inbox/{pending.pk}/")]
    assert "王秀英" in review and "phone_cun" not in review
    assert "王秀英" in texts[(reviewer.username, "/admin/syndication/points/?by=author")]
