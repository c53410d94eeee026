"""Wagtail's publish signals call the article rule (awarding); nothing else here."""

from django.dispatch import receiver
from wagtail.signals import page_published, page_unpublished

from sites.models import ArticlePage

from .awarding import award_article, take_back_article


@receiver(page_published, sender=ArticlePage, dispatch_uid="learning_article_published")
def on_published(sender, instance, **kwargs):
    award_article(instance)


@receiver(page_unpublished, sender=ArticlePage, dispatch_uid="learning_article_unpublished")
def on_unpublished(sender, instance, **kwargs):
    take_back_article(instance)
