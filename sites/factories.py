"""Factories for node sites' content: columns, articles with photos, documents."""

import random
from io import BytesIO

import factory
import wagtail_factories
from django.utils import timezone
from PIL import Image, ImageDraw
from wagtail.models import Collection
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from . import corpus
from .models import ArticlePage, ColumnPage, HomePage
from .news_photos import news_photo_jpeg


def _fill(template, org, rng):
    now = timezone.localtime()
    return template.format(
        org=org,
        year=now.year,
        month=rng.randint(1, 12),
        quarter=rng.randint(1, 4),
        n=rng.randint(1, 9),
        name=rng.choice(corpus.SURNAMES) + rng.choice(corpus.GIVEN_NAMES),
        product=rng.choice(corpus.PRODUCTS),
    )


def chinese_headline(column_title, org, rng=random):
    patterns = corpus.HEADLINES.get(column_title, corpus.GENERIC_HEADLINES)
    return _fill(rng.choice(patterns), org, rng)


def chinese_headlines(column_title, org, count, rng=random):
    """Up to `count` headlines for one column, no two from the same pattern."""
    patterns = corpus.HEADLINES.get(column_title, corpus.GENERIC_HEADLINES)
    chosen = rng.sample(patterns, k=min(count, len(patterns)))
    return [_fill(pattern, org, rng) for pattern in chosen]


def chinese_body(org, rng=random, paragraphs=3):
    """A StreamField value: paragraphs of plausible news text and, now and then, a quote."""
    chosen = rng.sample(corpus.PARAGRAPHS, k=min(paragraphs, len(corpus.PARAGRAPHS)))
    body = [("paragraph", f"<p>{_fill(text, org, rng)}</p>") for text in chosen]
    if rng.random() < 0.4:
        quote, attribution = rng.choice(corpus.QUOTES)
        body.insert(1, ("quote", {"quote": quote, "attribution": attribution}))
    return body


class NewsPhotoField(factory.django.ImageField):
    """A JPEG that reads as a news photo at a glance (sites.news_photos); the scene,
    colours and layout vary with `seed`."""

    def _make_data(self, params):
        return news_photo_jpeg(
            params.get("seed"), params.get("width", 640), params.get("height", 360)
        )


class CollectionFactory(wagtail_factories.CollectionFactory):
    name = factory.Sequence(lambda n: f"图片库{n}")


class ImageFactory(wagtail_factories.ImageFactory):
    """A real JPEG drawn for the occasion, sized like a news photo."""

    title = factory.Sequence(lambda n: f"新闻图片{n}")
    file = NewsPhotoField(
        width=640,
        height=360,
        seed=factory.Sequence(lambda n: n),
        filename=factory.Sequence(lambda n: f"photo{n}.jpg"),
    )
    collection = factory.LazyFunction(Collection.get_first_root_node)


class DocumentFactory(wagtail_factories.DocumentFactory):
    title = factory.Sequence(lambda n: f"通知附件{n}")
    collection = factory.LazyFunction(Collection.get_first_root_node)


class ColumnPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = ColumnPage

    title = factory.Sequence(lambda n: f"栏目{n}")
    slug = ""
    show_in_menus = True


class ArticlePageFactory(wagtail_factories.PageFactory):
    """`ArticlePageFactory(parent=column)`; org names the node the news is about."""

    class Meta:
        model = ArticlePage

    class Params:
        org = "本单位"
        rng = factory.LazyFunction(random.Random)

    title = factory.LazyAttribute(lambda o: chinese_headline(o.parent.title, o.org, o.rng))
    slug = ""
    date = factory.LazyFunction(timezone.now)
    source = factory.LazyAttribute(lambda o: o.rng.choice(corpus.SOURCES))
    author = factory.LazyAttribute(
        lambda o: o.rng.choice(corpus.SURNAMES) + o.rng.choice(corpus.GIVEN_NAMES)
    )
    summary = factory.LazyAttribute(lambda o: _fill(corpus.PARAGRAPHS[0], o.org, o.rng))
    body = factory.LazyAttribute(lambda o: chinese_body(o.org, o.rng))


def library_item(category, document, **fields) -> ArticlePage:
    """A published 资料中心 item in a category column: its file is the first
    attachment. Call inside the node's schema."""
    fields.setdefault("title", document.title)
    item = ArticlePageFactory.build(**fields)
    item.body = [("attachment", {"document": document, "title": ""})]
    category.add_child(instance=item)
    item.save_revision().publish()
    return item


def pdf_bytes(pages: int = 2) -> bytes:
    """A small real PDF (Pillow draws each page), for uploads and previews."""
    sheets = [Image.new("RGB", (595, 842), (255, 255, 255)) for _ in range(pages)]
    for number, sheet in enumerate(sheets, 1):
        ImageDraw.Draw(sheet).rectangle((60, 60 + number * 40, 535, 120 + number * 40),
                                        fill=(180, 20, 20))  # fmt: skip
    out = BytesIO()
    sheets[0].save(out, format="PDF", save_all=True, append_images=sheets[1:])
    return out.getvalue()


def article_form(title, **extra):
    """POST data of the admin's article form (create or edit), for tests."""
    return nested_form_data(
        {
            "title": title,
            "slug": "",
            "date": "2026-11-20 09:00:00",
            "source": "甲村党支部",
            "author": "王秀英",
            "summary": "",
            "body": streamfield([("paragraph", rich_text("<p>村党支部召开党员大会。</p>"))]),
            "tags": "",
            "comments": inline_formset([]),
            **extra,
        }
    )


def site_home(node) -> HomePage:
    """The home page of a node's site; call inside the node's schema."""
    return HomePage.objects.get(pk=node.root_page_id)


def node_column(node, title) -> ColumnPage:
    """A top-level column of a node's site, by title; call inside the node's schema."""
    return ColumnPage.objects.child_of(site_home(node)).get(title=title)


def node_collection(node) -> Collection:
    return Collection.objects.get(pk=node.collection_id)


__all__ = [
    "ArticlePageFactory",
    "CollectionFactory",
    "ColumnPageFactory",
    "DocumentFactory",
    "ImageFactory",
    "article_form",
    "chinese_body",
    "chinese_headline",
    "chinese_headlines",
    "library_item",
    "node_collection",
    "node_column",
    "pdf_bytes",
    "site_home",
]
