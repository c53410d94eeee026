"""Debian's Chromium, headless, against a live server with its own database
connection (data a browser test needs is committed, and removed afterwards)."""

import pytest
from django.contrib.staticfiles.handlers import StaticFilesHandler
from django.test.testcases import LiveServerThread

from tests.tools import require_program


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
