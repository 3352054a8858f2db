"""The picture sizes that lists of cards ask for, so a list fetches exactly those renditions in one query.

Each spec here is written, word for word, in the `{% picture %}` tag of the card template named beside it; the
query-count tests (tests/home, tests/events, tests/community) fail when the two drift apart, because a card
whose renditions were not prefetched looks them up one query at a time.
"""

from django.db.models import Prefetch
from wagtail.images import get_image_model
from wagtail.images.models import Filter

# home/includes/news_card.html, events/includes/event_card.html, community/includes/article_card.html
CARD = "format-{webp,jpeg} fill-{320x180,640x360}"
# community/includes/board_member_card.html
PORTRAIT = "format-{webp,jpeg} fill-{200x200,400x400}"


def with_renditions(field: str, spec: str) -> Prefetch:
    """A prefetch of the renditions for `spec` (brace patterns as in the template) of the image in `field`, for
    `prefetch_related` beside `select_related(field)`: one query for the whole list, however long. They land where
    Wagtail's own `prefetch_renditions()` puts them, so `{% picture %}` finds them without asking."""
    specs = [item.spec if isinstance(item, Filter) else item for item in Filter.expand_spec(spec)]
    renditions = get_image_model().get_rendition_model().objects.filter(filter_spec__in=specs)
    return Prefetch(f"{field}__renditions", queryset=renditions, to_attr="prefetched_renditions")
