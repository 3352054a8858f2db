"""Profile pictures: check that an upload is a real JPEG, PNG or WebP image and turn it into a square picture."""

import io
import warnings

from django.conf import settings
from django.core.files.base import ContentFile
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageOps, UnidentifiedImageError

MAX_BYTES = 5 * 1024 * 1024
# Pillow reads the size from the header before decoding; a small file can claim a huge canvas (a decompression
# bomb), so a picture with more pixels than settings.MAX_IMAGE_PIXELS, or with far more pixels than its bytes
# could describe, is refused before it is decoded. A photo needs a byte for every few pixels; no real picture
# compresses a thousand pixels into one byte, while a bomb does that and more.
MAX_PIXELS_PER_BYTE = 1000
# Below this many pixels any picture decodes in a few milliseconds, however well it compresses.
ALWAYS_DECODABLE_PIXELS = 1_000_000
ALLOWED_FORMATS = {"JPEG", "PNG", "WEBP"}
SIDE = 400


class ProfileImageError(Exception):
    """An upload that is not an acceptable picture; `code` for programs and tests, `message` for people."""

    MESSAGES = {
        "too_large": _("The picture is larger than 5 MB. Choose a smaller file."),
        "not_an_image": _("The file is not a picture we can read. Upload a JPEG, PNG or WebP image."),
        "wrong_format": _("Only JPEG, PNG and WebP pictures can be used."),
        "too_many_pixels": _("The picture has too many pixels. Choose a smaller picture."),
    }

    def __init__(self, code: str):
        self.code = code
        super().__init__(str(self.MESSAGES[code]))

    @property
    def message(self) -> str:
        return str(self.MESSAGES[self.code])


def prepare(upload) -> ContentFile:
    """A square WebP of at most SIDE pixels cut from the middle of `upload`, or ProfileImageError.

    The file's name and the browser's content type are ignored: only what Pillow finds in the bytes counts, so a
    PNG named .jpg is accepted as the PNG it is and a text file named .png is refused."""
    if upload.size > MAX_BYTES:
        raise ProfileImageError("too_large")
    with warnings.catch_warnings():
        # Pillow only warns between MAX_IMAGE_PIXELS and twice that; treat the warning as the refusal it means.
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            upload.seek(0)
            with Image.open(upload) as probe:
                image_format = probe.format
                width, height = probe.size
                if image_format not in ALLOWED_FORMATS:
                    raise ProfileImageError("wrong_format")
                if too_many_pixels(width * height, upload.size):
                    raise ProfileImageError("too_many_pixels")
                probe.verify()
            # verify() leaves the image unusable; open it again to decode it for real.
            upload.seek(0)
            with Image.open(upload) as image:
                # A JPEG decodes at a fraction of its size, enough for the square (much less work for a big photo).
                image.draft("RGB", (SIDE * 2, SIDE * 2))
                image.load()
                square = _square(image)
        except ProfileImageError:
            raise
        except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
            raise ProfileImageError("too_many_pixels") from exc
        except (UnidentifiedImageError, OSError, SyntaxError, ValueError, EOFError) as exc:
            raise ProfileImageError("not_an_image") from exc
    output = io.BytesIO()
    square.save(output, format="WEBP", quality=85)
    return ContentFile(output.getvalue(), name="profile.webp")


def too_many_pixels(pixels: int, size: int) -> bool:
    if pixels > settings.MAX_IMAGE_PIXELS:
        return True
    return pixels > ALWAYS_DECODABLE_PIXELS and pixels > MAX_PIXELS_PER_BYTE * size


def _square(image: Image.Image) -> Image.Image:
    image = ImageOps.exif_transpose(image)  # phone photos store their rotation in EXIF
    has_alpha = image.mode in ("RGBA", "LA") or (image.mode == "P" and "transparency" in image.info)
    image = image.convert("RGBA" if has_alpha else "RGB")
    side = min(SIDE, image.width, image.height)
    return ImageOps.fit(image, (side, side), method=Image.Resampling.LANCZOS, centering=(0.5, 0.5))
