"""Factories for node sites' content: columns, articles with photos, documents."""

import io
import random

import factory
import wagtail_factories
from django.utils import timezone
from PIL import Image, ImageDraw
from wagtail.models import Collection
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from . import corpus
from .models import ArticlePage, ColumnPage, HomePage


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
    """A JPEG that reads as a news photo at a glance: sky, hills, a hall with a red
    banner and flags; colours and layout vary with `seed`."""

    def _make_data(self, params):
        rng = random.Random(params.get("seed"))
        width, height = params.get("width", 640), params.get("height", 360)
        image = Image.new("RGB", (width, height))
        draw = ImageDraw.Draw(image)
        top, bottom = (rng.randint(90, 140), rng.randint(150, 190), 235), (225, 235, 245)
        for y in range(height):
            t = y / height
            colour = tuple(int(a + (b - a) * t) for a, b in zip(top, bottom, strict=True))
            draw.line([(0, y), (width, y)], fill=colour)
        for i in range(3):  # hills
            base = height * (0.55 + 0.1 * i)
            green = (60 + 30 * i, 120 + 20 * i, 60 + 10 * i)
            peak = (width * rng.uniform(0.2, 0.8), base - rng.randint(30, 80))
            draw.polygon([(0, height), (0, base), peak, (width, base), (width, height)], fill=green)
        left, right = int(width * rng.uniform(0.15, 0.35)), int(width * rng.uniform(0.65, 0.85))
        roof = int(height * 0.42)
        draw.rectangle([left, roof, right, int(height * 0.85)], fill=(236, 228, 214))
        draw.rectangle([left, roof - 18, right, roof + 8], fill=(181, 18, 27))  # banner
        for x in range(left + 20, right - 10, 40):  # windows
            draw.rectangle([x, roof + 30, x + 18, roof + 60], fill=(120, 140, 160))
        for x in (left - 30, right + 20):  # flags
            draw.line([(x, roof - 60), (x, int(height * 0.85))], fill=(90, 90, 90), width=3)
            draw.rectangle([x + 2, roof - 60, x + 42, roof - 33], fill=(222, 41, 16))
            draw.regular_polygon((x + 11, roof - 51, 5), 5, fill=(255, 222, 0))
        buffer = io.BytesIO()
        image.save(buffer, format="JPEG", quality=80)
        return buffer.getvalue()


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
    "node_collection",
    "node_column",
    "site_home",
]
