"""Demo portraits drawn with Pillow: an abstract head and shoulders on a gradient, with the person's initials."""

import io
import random

from django.core.files.base import ContentFile
from django.db.models import Q
from PIL import Image as PILImage
from PIL import ImageDraw
from wagtail.images import get_image_model
from wagtail.models import Collection

from home.demo.context import DEMO_SEED
from home.demo.images import GRADIENTS, demo_font
from home.factories import ImageFactory

# Portrait format, taller than wide; the face sits in the upper part, which the focal point marks so that
# square crops (the board cards) keep the face.
SIZE = (600, 800)
FACE = (300, 300, 150)  # centre x, centre y, radius


def _rgb(colour: str) -> tuple[int, int, int]:
    return tuple(int(colour[i : i + 2], 16) for i in (1, 3, 5))


def render_portrait(name: str, seed: str) -> bytes:
    """A JPEG portrait: vertical gradient, a pale head and shoulders, and the initials of `name` on the head."""
    rng = random.Random(seed)  # noqa: S311 - decoration, not security
    top, bottom = (_rgb(colour) for colour in rng.choice(GRADIENTS))
    width, height = SIZE
    canvas = PILImage.new("RGB", SIZE)
    draw = ImageDraw.Draw(canvas)
    for y in range(height):
        mix = y / (height - 1)
        draw.line([(0, y), (width, y)], fill=tuple(round(a + (b - a) * mix) for a, b in zip(top, bottom, strict=True)))
    x, y, radius = FACE
    tone = rng.choice([(236, 214, 196), (214, 180, 150), (176, 130, 100), (120, 86, 64)])
    draw.ellipse([x - 230, y + 200, x + 230, y + 660], fill=tuple(max(0, c - 40) for c in tone))  # shoulders
    draw.ellipse([x - radius, y - radius, x + radius, y + radius], fill=tone)
    initials = "".join(part[0] for part in name.split()[:2]).upper()
    font = demo_font(110)
    draw.text((x, y), initials, font=font, fill=(255, 255, 255), anchor="mm", stroke_width=3, stroke_fill=(0, 0, 0))
    buffer = io.BytesIO()
    canvas.save(buffer, format="JPEG", quality=88, optimize=True)
    return buffer.getvalue()


def demo_portrait(key: str, name: str):
    """The portrait `demo-portrait-<key>.jpg`, drawn and stored the first time it is asked for, with its focal
    point on the face."""
    stem = f"original_images/demo-portrait-{key}"
    existing = get_image_model().objects.filter(Q(file=f"{stem}.jpg") | Q(file__startswith=f"{stem}_")).first()
    if existing is not None:
        return existing
    data = render_portrait(name, f"{DEMO_SEED}-{key}")
    x, y, radius = FACE
    return ImageFactory(
        title=name,
        file=ContentFile(data, name=f"demo-portrait-{key}.jpg"),
        collection=Collection.get_first_root_node(),
        focal_point_x=x,
        focal_point_y=y,
        focal_point_width=2 * radius,
        focal_point_height=2 * radius,
    )
