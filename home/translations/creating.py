"""Creating and updating translations the way the admin does, through wagtail-localize's own records.

The demo content (and anything else that writes both languages in code) calls `translate_with_localize` with
the target language's field values: they are entered as the translations of the source's segments, so the
result opens in wagtail-localize's editor, shows in its reports and in the translation status, and a later
edit of the source shows up as out of date, exactly like a translation a translator made.
"""

import copy

from django.db import transaction
from wagtail.fields import StreamField
from wagtail.models import DraftStateMixin, Locale, Page
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource
from wagtail_localize.segments import StringSegmentValue
from wagtail_localize.segments.extract import extract_segments


class SegmentMismatch(ValueError):
    """The translated values do not have the source's shape (another number of paragraphs or blocks)."""


def _strings(instance) -> list[StringSegmentValue]:
    return [segment for segment in extract_segments(instance) if isinstance(segment, StringSegmentValue)]


def _shape(path: str) -> str:
    # Stream block ids differ between the source and values built afresh; the block types and fields must not.
    return ".".join(part for part in path.split(".") if len(part) != 36)


@transaction.atomic
def translate_with_localize(source, locale: Locale, *, user=None, publish: bool = True, **fields):
    """Translate `source` into `locale` with wagtail-localize, `fields` holding the translated values (fields
    not given keep the source's text as their translation). Creates the translation or brings an existing one
    up to date with the source, then publishes it (or leaves a draft with `publish=False`). Returns it."""
    source = source.specific if isinstance(source, Page) else source
    translation_source, created = TranslationSource.get_or_create_from_instance(source)
    if not created:
        translation_source.update_from_db()
    translation, _ = Translation.objects.get_or_create(
        source=translation_source, target_locale=locale, defaults={"enabled": True}
    )

    translated = copy.copy(source)
    for name, value in fields.items():
        setattr(translated, name, value)
        if isinstance(source._meta.get_field(name), StreamField):
            getattr(translated, name).get_prep_value()  # gives new blocks their ids, as saving would
    originals, targets = _strings(source), _strings(translated)
    if [_shape(s.path) for s in originals] != [_shape(s.path) for s in targets]:
        raise SegmentMismatch(f"{source!r}: the translated fields do not have the shape of the source's")

    segments = {
        (segment.context.path, segment.string.data): segment
        for segment in StringSegment.objects.filter(source=translation_source).select_related("context", "string")
    }
    for original, target in zip(originals, targets, strict=True):
        segment = segments[(original.path, original.string.data)]
        StringTranslation.objects.update_or_create(
            translation_of=segment.string,
            locale=locale,
            context=segment.context,
            defaults={"data": target.string.data, "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL},
        )

    translation.save_target(user=user, publish=False)
    result = translation.get_target_instance()
    result = result.specific if isinstance(result, Page) else result
    if publish and isinstance(result, DraftStateMixin):
        # Publish here, not on commit as wagtail-localize would: later steps may edit the published copy.
        result.get_latest_revision().publish()
        result.refresh_from_db()
    return result
