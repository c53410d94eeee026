"""Publishing an article asks for its audio (when the province turned audio on);
unpublishing or deleting it forgets the audio. The rules are in readaloud.audio."""

from contextlib import suppress

from django.db.models.signals import post_delete
from django.dispatch import receiver
from wagtail.signals import page_published, page_unpublished

from network.models import Node
from sites.lookup import node_of_page
from sites.models import ArticlePage

from .audio import ReadAloudError, audio_enabled, forget_article, request_audio


@receiver(page_published, sender=ArticlePage)
def _published(sender, instance, **kwargs):
    if audio_enabled():
        # request_audio decides publicity: a page readers may not open gets none
        with suppress(ReadAloudError):
            request_audio(node_of_page(instance), instance)


@receiver(page_unpublished, sender=ArticlePage)
@receiver(post_delete, sender=ArticlePage)
def _withdrawn(sender, instance, **kwargs):
    try:
        node = node_of_page(instance)
    except Node.DoesNotExist:  # the whole site is being deleted: its node's rows go too
        return
    forget_article(node, instance.pk)
