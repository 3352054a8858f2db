"""Reads the pictures out of a rendered page, and the checks every picture of the site passes: a WebP offer in
several widths with `sizes`, a JPEG fallback, its size reserved (width and height), lazy or not as its place
on the page asks. The query helper counts the SQL that reads renditions."""

from dataclasses import dataclass, field
from html.parser import HTMLParser

from django.db import connection
from django.test.utils import CaptureQueriesContext


@dataclass
class Picture:
    img: dict[str, str]
    sources: list[dict[str, str]] = field(default_factory=list)

    @property
    def lazy(self) -> bool:
        return self.img.get("loading") == "lazy"

    def offer(self, mime_type: str) -> dict[str, str] | None:
        return next((source for source in self.sources if source.get("type") == mime_type), None)


class _PictureParser(HTMLParser):
    def __init__(self):
        super().__init__()
        self.pictures: list[Picture] = []
        self._sources: list[dict[str, str]] | None = None

    def handle_starttag(self, tag, attrs):
        attributes = {name: value or "" for name, value in attrs}
        if tag == "picture":
            self._sources = []
        elif tag == "source" and self._sources is not None:
            self._sources.append(attributes)
        elif tag == "img":
            self.pictures.append(Picture(attributes, self._sources or []))

    def handle_endtag(self, tag):
        if tag == "picture":
            self._sources = None


def pictures(html: str) -> list[Picture]:
    """Every <img> of `html` in document order, with the <source> offers of its <picture> if it has one."""
    parser = _PictureParser()
    parser.feed(html)
    return parser.pictures


def srcset_widths(srcset: str) -> list[int]:
    return [int(candidate.split()[-1].removesuffix("w")) for candidate in srcset.split(",") if candidate.strip()]


def assert_responsive(picture: Picture, *, lazy: bool, widths: int = 2) -> None:
    """WebP in `widths` widths with `sizes`, a JPEG fallback in as many, width and height set, lazy as asked."""
    img = picture.img
    webp = picture.offer("image/webp")
    assert webp is not None, f"no WebP offer for {img.get('src')}"
    assert len(srcset_widths(webp["srcset"])) == widths, webp["srcset"]
    assert webp.get("sizes"), f"the WebP offer has no sizes: {webp}"
    assert img["src"].endswith((".jpg", ".jpeg")), f"the fallback is not a JPEG: {img['src']}"
    assert len(srcset_widths(img.get("srcset", ""))) == widths, f"the fallback has no srcset: {img}"
    assert img.get("width", "").isdigit() and img.get("height", "").isdigit(), f"no width and height: {img}"
    assert picture.lazy == lazy, f"loading={img.get('loading')!r} for {img['src']}"


def rendition_queries(captured) -> int:
    """How many of the captured SQL queries read image renditions."""
    return sum('"wagtailimages_rendition"' in query["sql"] for query in captured.captured_queries)


def render_warm(client, url: str) -> tuple[list[Picture], int]:
    """The page's pictures and its rendition queries on a second view (the first view makes the renditions)."""
    assert client.get(url).status_code == 200
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return pictures(response.content.decode()), rendition_queries(queries)
