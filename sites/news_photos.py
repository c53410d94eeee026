"""Pictures drawn for the demo and the tests that read as news photos at a glance, so
a demo portal's carousel and lists do not show one picture over and over: a hall with
flags, a meeting, volunteers planting trees, a 徽派 village street and a harvest, each
with colours and layout varied by a seed."""

import io
import random

from PIL import Image, ImageDraw

RED, GOLD = (200, 22, 29), (255, 211, 78)


def _sky(draw, width, height, rng, bottom=(225, 235, 245)):
    top = (rng.randint(90, 140), rng.randint(150, 190), 235)
    for y in range(height):
        t = y / height
        draw.line(
            [(0, y), (width, y)],
            fill=tuple(int(a + (b - a) * t) for a, b in zip(top, bottom, strict=True)),
        )


def _hills(draw, width, height, rng, colours):
    for i, colour in enumerate(colours):
        base = height * (0.55 + 0.1 * i)
        peak = (width * rng.uniform(0.2, 0.8), base - rng.randint(30, 80))
        draw.polygon([(0, height), (0, base), peak, (width, base), (width, height)], fill=colour)


def _person(draw, x, y, size, shirt):
    draw.ellipse([x - size * 0.3, y - size, x + size * 0.3, y - size * 0.4], fill=(40, 30, 25))
    draw.rounded_rectangle(
        [x - size * 0.45, y - size * 0.4, x + size * 0.45, y + size * 0.6],
        radius=int(size * 0.2),
        fill=shirt,
    )


def hall(draw, width, height, rng):
    _sky(draw, width, height, rng)
    _hills(draw, width, height, rng, [(60, 120, 60), (90, 140, 70), (120, 160, 80)])
    left, right = int(width * rng.uniform(0.15, 0.35)), int(width * rng.uniform(0.65, 0.85))
    roof = int(height * 0.42)
    draw.rectangle([left, roof, right, int(height * 0.85)], fill=(236, 228, 214))
    draw.rectangle([left, roof - 18, right, roof + 8], fill=RED)
    for x in range(left + 20, right - 10, 40):
        draw.rectangle([x, roof + 30, x + 18, roof + 60], fill=(120, 140, 160))
    for x in (left - 30, right + 20):
        draw.line([(x, roof - 60), (x, int(height * 0.85))], fill=(90, 90, 90), width=3)
        draw.rectangle([x + 2, roof - 60, x + 42, roof - 33], fill=(222, 41, 16))
        draw.regular_polygon((x + 11, roof - 51, 5), 5, fill=GOLD)


def meeting(draw, width, height, rng):
    draw.rectangle([0, 0, width, height], fill=(rng.randint(215, 240), rng.randint(205, 225), 200))
    draw.rectangle([0, 0, width, int(height * 0.22)], fill=RED)
    for x in range(int(width * 0.1), int(width * 0.9), 28):
        draw.rectangle([x, int(height * 0.08), x + 18, int(height * 0.14)], fill=GOLD)
    draw.rectangle([0, int(height * 0.72), width, height], fill=(150, 95, 60))
    shirts = [(30, 40, 70), (240, 240, 240), (60, 60, 60), (20, 60, 110)]
    for row, y in enumerate((0.5, 0.62, 0.78)):
        size = 30 + row * 10
        for x in range(int(size), width, int(size * 1.6)):
            _person(draw, x + rng.randint(-6, 6), int(height * y), size, rng.choice(shirts))


def planting(draw, width, height, rng):
    _sky(draw, width, height, rng)
    draw.rectangle([0, int(height * 0.55), width, height], fill=(rng.randint(120, 150), 95, 60))
    for _ in range(rng.randint(5, 8)):
        x, y = rng.randint(20, width - 20), rng.randint(int(height * 0.5), int(height * 0.7))
        draw.rectangle([x - 4, y, x + 4, y + 40], fill=(100, 70, 40))
        draw.ellipse([x - 28, y - 50, x + 28, y + 6], fill=(50, rng.randint(120, 160), 60))
    for _ in range(rng.randint(4, 7)):
        _person(
            draw,
            rng.randint(30, width - 30),
            rng.randint(int(height * 0.7), int(height * 0.9)),
            40,
            RED,
        )


def village(draw, width, height, rng):
    _sky(draw, width, height, rng)
    _hills(draw, width, height, rng, [(70, 110, 80), (100, 140, 90)])
    draw.polygon(
        [
            (width * 0.42, height * 0.6),
            (width * 0.58, height * 0.6),
            (width * 0.9, height),
            (width * 0.1, height),
        ],
        fill=(150, 150, 150),
    )
    for side in (-1, 1):
        for i in range(3):
            w = 90 - i * 20
            x = width / 2 + side * (width * 0.28 - i * 55) - w / 2
            top = height * (0.42 + i * 0.06)
            draw.rectangle([x, top, x + w, top + w * 0.9], fill=(245, 245, 240))
            draw.polygon([(x - 8, top), (x + w / 2, top - 24), (x + w + 8, top)], fill=(50, 50, 55))
            draw.rectangle(
                [x + w * 0.35, top + w * 0.4, x + w * 0.65, top + w * 0.9], fill=(90, 60, 40)
            )


def harvest(draw, width, height, rng):
    _sky(draw, width, height, rng)
    gold = (rng.randint(210, 235), rng.randint(170, 195), 60)
    draw.rectangle([0, int(height * 0.45), width, height], fill=gold)
    for y in range(int(height * 0.48), height, 14):
        draw.line([(0, y), (width, y + rng.randint(-6, 6))], fill=(180, 140, 40), width=3)
    for _ in range(rng.randint(3, 5)):
        _person(
            draw,
            rng.randint(30, width - 30),
            rng.randint(int(height * 0.6), int(height * 0.85)),
            44,
            (40, 90, 150),
        )
    draw.regular_polygon((width * 0.85, height * 0.16, 26), 24, fill=(255, 240, 180))


SCENES = (hall, meeting, planting, village, harvest)


def news_photo_jpeg(seed, width=640, height=360) -> bytes:
    """A JPEG of one of the scenes, chosen and varied by the seed."""
    rng = random.Random(seed)
    image = Image.new("RGB", (width, height))
    SCENES[seed % len(SCENES) if isinstance(seed, int) else rng.randrange(len(SCENES))](
        ImageDraw.Draw(image), width, height, rng
    )
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", quality=80)
    return buffer.getvalue()
