"""Debian's Chromium, headless, against a live server with its own database
connection (data a browser test needs is committed, and removed afterwards)."""

import pytest
from django.contrib.staticfiles.handlers import StaticFilesHandler
from django.test.testcases import LiveServerThread

from tests.tools import artifacts_dir, require_program


@pytest.fixture
def chromium():
    return require_program("chromium", "apt-get install chromium fonts-noto-cjk")


@pytest.fixture
def live_server_url(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        server = LiveServerThread("localhost", StaticFilesHandler, port=0)
        server.daemon = True
        server.start()
        server.is_ready.wait()
        if server.error:
            raise server.error
        yield f"http://village1.localhost:{server.port}"
        server.terminate()


# The right edge of the widest thing on the page: the admin scrolls inside its own
# containers, so the document's scrollWidth alone misses a table running off-screen.
# What sits inside a deliberate scroller (overflow-x other than visible, below <main>,
# which the admin sets to hidden: there it cuts content off) is its own.
WIDEST = """() => {
  let widest = document.documentElement.scrollWidth, what = 'the document';
  for (const element of document.querySelectorAll('body *')) {
    const box = element.getBoundingClientRect();
    if (!box.width || !box.height) continue;
    if (box.width <= 1 && box.height <= 1) continue;  // visually hidden: nothing to see
    let parent = element.parentElement, scrolled = false;
    while (parent && parent !== document.body && parent.tagName !== 'MAIN') {
      if (getComputedStyle(parent).overflowX !== 'visible') { scrolled = true; break; }
      parent = parent.parentElement;
    }
    if (!scrolled && box.right > widest) {
      widest = box.right;
      const name = element.getAttribute('name') || '';
      what = `${element.tagName.toLowerCase()}.${element.className}[${name}]`;
    }
  }
  return [Math.round(widest), what];
}"""


# A phone as the phone tests hold it (Playwright's browser.new_context(**PHONE)).
PHONE = {
    "viewport": {"width": 375, "height": 812}, "has_touch": True, "is_mobile": True,
    "device_scale_factor": 2, "locale": "zh-CN",
}  # fmt: skip


def fits_the_phone(page, name: str, prefix: str) -> None:
    """Wait for the page to settle, fail if anything on it runs wider than the 375 px
    phone, and keep a full-page screenshot (`<prefix>-<name>.png`) for a person."""
    page.wait_for_load_state("networkidle")
    width, widest = page.evaluate(WIDEST)
    assert width <= 375, f"{name} is {width}px wide on a 375px phone ({widest})"
    page.screenshot(path=str(artifacts_dir() / f"{prefix}-{name}.png"), full_page=True)


def member_logs_in(page, live_server_url: str, username: str, password: str) -> None:
    """A party member logs in at 个人中心 (/my/login/) on this page."""
    page.goto(live_server_url + "/my/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", password)
    page.get_by_role("button", name="登录").click()
    page.wait_for_load_state("networkidle")
