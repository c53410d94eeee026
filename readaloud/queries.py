"""语音播报, the read side: the audio a public article page may offer."""

from sites.visibility import is_public

from .models import ArticleAudio, AudioState


def revision_of(page) -> int:
    """The revision a reader sees (0 for pages written without revisions)."""
    return page.live_revision_id or page.latest_revision_id or 0


def ready_audio(node, page) -> ArticleAudio | None:
    """The audio made for the article's live revision, if it is public and made."""
    if node is None or not is_public(page):
        return None
    return ArticleAudio.objects.filter(
        node=node, page_id=page.pk, state=AudioState.READY, revision_id=revision_of(page)
    ).first()
