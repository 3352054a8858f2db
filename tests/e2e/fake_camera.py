"""A video file Chromium plays as its camera (--use-file-for-fake-video-capture): a picture, such as a ticket's
QR code, centred on white, as uncompressed YUV4MPEG2 (4:2:0) frames."""

import io
from pathlib import Path

from PIL import Image

WIDTH = 640
HEIGHT = 480


def y4m_frames(picture: Image.Image, *, width: int = WIDTH, height: int = HEIGHT, frames: int = 5) -> bytes:
    """`frames` identical frames of `picture` scaled to fill most of the height, centred on white."""
    side = int(min(width, height) * 0.85)
    # Nearest-neighbour keeps a QR code's modules sharp-edged.
    scaled = picture.convert("RGB").resize((side, side), Image.Resampling.NEAREST)
    canvas = Image.new("RGB", (width, height), "white")
    canvas.paste(scaled, ((width - side) // 2, (height - side) // 2))
    luma, blue, red = canvas.convert("YCbCr").split()
    # 4:2:0: one colour sample for each 2x2 block of pixels.
    chroma_size = (width // 2, height // 2)
    frame = (
        b"FRAME\n"
        + luma.tobytes()
        + blue.resize(chroma_size, Image.Resampling.BOX).tobytes()
        + red.resize(chroma_size, Image.Resampling.BOX).tobytes()
    )
    header = f"YUV4MPEG2 W{width} H{height} F10:1 Ip A1:1 C420jpeg\n".encode("ascii")
    return header + frame * frames


def write_fake_camera(path: Path, png: bytes, **options) -> Path:
    """Write the PNG image `png` as a Y4M camera file at `path`."""
    path.write_bytes(y4m_frames(Image.open(io.BytesIO(png)), **options))
    return path
