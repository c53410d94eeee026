"""What the syndication workflow announces when what readers see has changed.

Sent after the ledger changed, so that what shows stories (the page cache) can listen
without the workflow importing it. Receivers read; they never change the ledger.
"""

from django.dispatch import Signal

# A push was delivered or withdrawn: 上级要闻 of every site below `from_node`.
pushed_news_changed = Signal()  # from_node
# `node` accepted a submitted story: its column and 基层动态 (全网头条 at the root).
story_accepted = Signal()  # node
# `node` hid a received story or showed it again.
story_hidden_or_shown = Signal()  # node
# A story's text or state changed: it may show on any site.
story_changed = Signal()
