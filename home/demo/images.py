"""Demo pictures drawn with Pillow: a two-colour gradient, soft shapes, a little line chart and a label."""

import io
import random

from django.core.files.base import ContentFile
from django.db.models import Q
from PIL import Image as PILImage
from PIL import ImageChops, ImageDraw, ImageFont
from wagtail.images import get_image_model
from wagtail.models import Collection

from home.demo.context import DEMO_SEED
from home.factories import ImageFactory

# Pairs of deep colours that keep white text readable (the hero puts its title on top of the picture).
GRADIENTS = [
    ("#0f2b46", "#2f6f9f"),
    ("#23395b", "#8e3b5f"),
    ("#17403c", "#3f8f73"),
    ("#2b2d5c", "#5f6cc4"),
    ("#3b1f4a", "#c0564b"),
    ("#1d3b2a", "#9a8f2e"),
    ("#2a2a3a", "#4f7cac"),
    ("#402218", "#c98a3a"),
]


def _rgb(colour: str) -> tuple[int, int, int]:
    return tuple(int(colour[i : i + 2], 16) for i in (1, 3, 5))


def _gradient(size: tuple[int, int], start: str, end: str) -> PILImage.Image:
    """A diagonal gradient from the top-left colour to the bottom-right one."""
    down = PILImage.linear_gradient("L").resize(size)
    across = PILImage.linear_gradient("L").rotate(90).resize(size)
    mask = ImageChops.add(down, across, scale=2)
    return PILImage.composite(PILImage.new("RGB", size, _rgb(end)), PILImage.new("RGB", size, _rgb(start)), mask)


def _decorate(canvas: PILImage.Image, rng: random.Random) -> None:
    width, height = canvas.size
    overlay = PILImage.new("RGBA", canvas.size, (0, 0, 0, 0))
    draw = ImageDraw.Draw(overlay)
    for _ in range(rng.randint(3, 5)):
        radius = rng.uniform(0.15, 0.45) * height
        x, y = rng.uniform(0.35, 1.0) * width, rng.uniform(-0.1, 0.8) * height
        draw.ellipse([x - radius, y - radius, x + radius, y + radius], fill=(255, 255, 255, rng.randint(14, 34)))

    # A few bars and a line over them, in the right half: it should read as "data" at a glance.
    bars = rng.randint(6, 9)
    left, right, base = 0.52 * width, 0.94 * width, 0.86 * height
    step = (right - left) / bars
    values = [rng.uniform(0.15, 0.55) for _ in range(bars)]
    for index, value in enumerate(values):
        x = left + index * step
        draw.rectangle([x + step * 0.18, base - value * height, x + step * 0.82, base], fill=(255, 255, 255, 46))
    level, points = rng.uniform(0.3, 0.5), []
    for index in range(bars):
        level = min(0.7, max(0.2, level + rng.uniform(-0.08, 0.12)))
        points.append((left + (index + 0.5) * step, base - level * height))
    draw.line(points, fill=(255, 255, 255, 210), width=max(3, height // 110), joint="curve")
    dot = max(5, height // 70)
    for x, y in points:
        draw.ellipse([x - dot, y - dot, x + dot, y + dot], fill=(255, 255, 255, 235))
    canvas.alpha_composite(overlay)


# Pillow's built-in font has no æ, ø or å; a system DejaVu or Liberation font has, where one is installed.
_FONT_FILES = [
    "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
    "/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf",
    "/usr/share/fonts/dejavu/DejaVuSans-Bold.ttf",
    "/Library/Fonts/Arial Bold.ttf",
    "C:/Windows/Fonts/arialbd.ttf",
]


def demo_font(size: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    for path in _FONT_FILES:
        try:
            return ImageFont.truetype(path, size)
        except OSError:
            continue
    return ImageFont.load_default(size=size)


def _label(canvas: PILImage.Image, label: str) -> None:
    if not label:  # the hero picture: the page puts its own title on top
        return
    width, height = canvas.size
    draw = ImageDraw.Draw(canvas)
    small = demo_font(max(14, height // 26))
    draw.text((0.05 * width, 0.07 * height), "Danish Data Science Community", font=small, fill=(255, 255, 255, 200))
    size = height // 8
    font = demo_font(size)
    while size > 20 and draw.textlength(label, font=font) > 0.5 * width:
        size -= 4
        font = demo_font(size)
    x, y = 0.05 * width, 0.86 * height - size
    draw.text((x + 3, y + 3), label, font=font, fill=(0, 0, 0, 110))
    draw.text((x, y), label, font=font, fill=(255, 255, 255, 255))


def render_poster(label: str, seed: str, size: tuple[int, int] = (1200, 675)) -> bytes:
    """A JPEG of `size` with `label` on it (none when empty); the same label and seed give the same picture."""
    rng = random.Random(seed)  # noqa: S311 - decoration, not security
    start, end = rng.choice(GRADIENTS)
    canvas = _gradient(size, start, end).convert("RGBA")
    _decorate(canvas, rng)
    _label(canvas, label)
    buffer = io.BytesIO()
    canvas.convert("RGB").save(buffer, format="JPEG", quality=88, optimize=True)
    return buffer.getvalue()


def demo_image(key: str, title: str, label: str, size: tuple[int, int] = (1200, 675)):
    """The demo image `demo-<key>.jpg`, drawn and stored the first time it is asked for. Its title is also the
    page's alternative text for it, so it says what the picture is about."""
    stem = f"original_images/demo-{key}"
    # The storage may add a suffix to a name already taken: "demo-key.jpg" or "demo-key_AbC123.jpg".
    existing = get_image_model().objects.filter(Q(file=f"{stem}.jpg") | Q(file__startswith=f"{stem}_")).first()
    if existing is not None:
        return existing
    data = render_poster(label, f"{DEMO_SEED}-{key}", size)
    # In the root collection, where the Editors' image permissions apply.
    return ImageFactory(
        title=title, file=ContentFile(data, name=f"demo-{key}.jpg"), collection=Collection.get_first_root_node()
    )
