"""The state of every translation: each source page and translatable snippet, per target language, is current,
out of date (its source changed since the translation was last synced, or segments wait for a translation) or
missing. A fixed number of queries whatever the number of objects; the changed segments of one object are
worked out on request (`changed_segments`), as that needs the object itself."""

from dataclasses import dataclass, field
from datetime import datetime

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import Count, F
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.models import DraftStateMixin, Locale, Page, RevisionMixin, TranslatableMixin
from wagtail.snippets.models import get_snippet_models
from wagtail_localize.models import StringSegment, Translation, TranslationSource
from wagtail_localize.segments import StringSegmentValue
from wagtail_localize.segments.extract import extract_segments

CURRENT, OUTDATED, MISSING = "current", "outdated", "missing"
STATES = {CURRENT: _("Current"), OUTDATED: _("Out of date"), MISSING: _("Missing")}
SNIPPETS_SECTION = "snippets"


@dataclass
class Row:
    """One source object in one target language."""

    source: object
    kind: str  # "page" or "snippet"
    type_key: str  # "app_label.model"
    type_name: str
    section_key: str
    locale: Locale
    state: str
    target: object | None = None
    source_changed: bool = False  # edited after the translation was last synced
    untranslated: int = 0  # segments without a translation in this language
    translation_source_id: int | None = None
    links: dict = field(default_factory=dict)

    @property
    def state_label(self) -> str:
        return str(STATES[self.state])


@dataclass
class Status:
    rows: list[Row]
    counts: dict[str, int]
    types: list[tuple[str, str]]
    sections: list[tuple[str, str]]


def default_locale() -> Locale:
    return Locale.objects.get(language_code=settings.LANGUAGE_CODE)


def translatable_snippet_models() -> list[type]:
    return [model for model in get_snippet_models() if issubclass(model, TranslatableMixin)]


def _type_key(model) -> str:
    return f"{model._meta.app_label}.{model._meta.model_name}"


def _edited_at(obj) -> datetime | None:
    if isinstance(obj, Page):
        return obj.latest_revision_created_at or obj.last_published_at
    if isinstance(obj, RevisionMixin) and obj.latest_revision_id:
        return obj.latest_revision.created_at
    return None


def _sources(source_locale: Locale) -> list[tuple[object, str]]:
    """(object, kind) for every page (under a home page) and translatable snippet in the source language."""
    pages = (
        Page.objects.filter(locale=source_locale, depth__gte=2)
        .select_related("content_type", "latest_revision")
        .order_by("path")
    )
    found = [(page, "page") for page in pages]
    for model in translatable_snippet_models():
        snippets = model.objects.filter(locale=source_locale)
        if issubclass(model, RevisionMixin):
            snippets = snippets.select_related("latest_revision")
        found += [(snippet, "snippet") for snippet in snippets.order_by("pk")]
    return found


def _targets(sources, locales) -> dict:
    """{(translation_key, locale_id): target object}: one query for pages and one per snippet model."""
    keys_by_model: dict = {}
    for obj, kind in sources:
        keys_by_model.setdefault(Page if kind == "page" else type(obj), set()).add(obj.translation_key)
    found = {}
    for model, keys in keys_by_model.items():
        for target in model.objects.filter(translation_key__in=keys, locale__in=locales):
            found[(target.translation_key, target.locale_id)] = target
    return found


def _untranslated_counts(sources_by_id: dict, locales) -> dict:
    """{(translation_source_id, locale_id): segments without a translation}: two queries per locale."""
    totals = dict(
        StringSegment.objects.filter(source_id__in=sources_by_id)
        .values_list("source_id")
        .annotate(n=Count("id"))
        .values_list("source_id", "n")
    )
    counts = {}
    for locale in locales:
        # A segment is translated when its string has a translation, without an error, in its context.
        done = dict(
            StringSegment.objects.filter(
                source_id__in=sources_by_id,
                string__translations__locale=locale,
                string__translations__context_id=F("context_id"),
                string__translations__has_error=False,
            )
            .values_list("source_id")
            .annotate(n=Count("id", distinct=True))
            .values_list("source_id", "n")
        )
        for source_id, total in totals.items():
            counts[(source_id, locale.pk)] = total - done.get(source_id, 0)
    return counts


def _sections(source_locale: Locale) -> dict[str, str]:
    """{path prefix: title} of the top-level sections (the home page's children) in the source language."""
    return {
        page.path: page.title
        for page in Page.objects.filter(locale=source_locale, depth=3).only("path", "title").order_by("path")
    }


def _links(row: Row, finder: AdminURLFinder) -> dict:
    source = row.source
    if row.target is not None:
        edit = finder.get_edit_url(row.target)
    elif row.kind == "page":
        edit = reverse("wagtail_localize:submit_page_translation", args=[source.pk])
    else:
        meta = source._meta
        edit = reverse(
            "wagtail_localize:submit_snippet_translation", args=[meta.app_label, meta.model_name, source.pk]
        )
    return {"edit": edit, "source": finder.get_edit_url(source)}


def translation_status(user, *, state: str = "", type_key: str = "", section: str = "") -> Status:
    """Every source object's state in every other language, filtered, with counts of the filtered rows."""
    source_locale = default_locale()
    locales = list(Locale.objects.exclude(pk=source_locale.pk).order_by("language_code"))
    sources = _sources(source_locale)
    targets = _targets(sources, locales)
    translation_sources = {
        ts.object_id: ts
        for ts in TranslationSource.objects.filter(
            object_id__in={obj.translation_key for obj, _kind in sources}, locale=source_locale
        )
    }
    enabled = set(
        Translation.objects.filter(source__in=translation_sources.values(), enabled=True).values_list(
            "source_id", "target_locale_id"
        )
    )
    untranslated = _untranslated_counts({ts.pk: ts for ts in translation_sources.values()}, locales)
    section_titles = _sections(source_locale)
    finder = AdminURLFinder(user)

    rows, types = [], {}
    for obj, kind in sources:
        specific_type = obj.content_type if kind == "page" else ContentType.objects.get_for_model(type(obj))
        model = specific_type.model_class() or type(obj)
        key = _type_key(model)
        types[key] = str(model._meta.verbose_name).capitalize()
        if kind == "page":
            section_key = next((path for path in section_titles if obj.path.startswith(path)), "")
        else:
            section_key = SNIPPETS_SECTION
        ts = translation_sources.get(obj.translation_key)
        for locale in locales:
            target = targets.get((obj.translation_key, locale.pk))
            row = Row(obj, kind, key, types[key], section_key, locale, MISSING, target=target)
            if target is not None:
                managed = ts is not None and (ts.pk, locale.pk) in enabled
                edited = _edited_at(obj)
                if managed:
                    row.translation_source_id = ts.pk
                    row.source_changed = bool(edited and edited > ts.last_updated_at)
                    row.untranslated = untranslated.get((ts.pk, locale.pk), 0)
                else:  # translated by hand, outside wagtail-localize: compare the edits
                    target_edited = _edited_at(target)
                    row.source_changed = bool(edited and target_edited and edited > target_edited)
                row.state = OUTDATED if row.source_changed or row.untranslated else CURRENT
            rows.append(row)

    wanted = [
        row
        for row in rows
        if (not state or row.state == state)
        and (not type_key or row.type_key == type_key)
        and (not section or row.section_key == section)
    ]
    for row in wanted:
        row.links = _links(row, finder)
    counts = {key: sum(1 for row in wanted if row.state == key) for key in STATES}
    sections = [(path, title) for path, title in section_titles.items()] + [(SNIPPETS_SECTION, str(_("Snippets")))]
    return Status(wanted, counts, sorted(types.items(), key=lambda item: item[1]), sections)


@dataclass
class Changes:
    added: list[str]  # source texts that are new since the last sync
    removed: list[str]  # texts the last sync had that the source no longer has


def changed_segments(translation_source: TranslationSource) -> Changes:
    """What changed in the source since the translation was last synced: its texts then and now."""
    current = translation_source.get_source_instance()
    now = [s.string.data for s in extract_segments(current) if isinstance(s, StringSegmentValue)]
    then = list(
        StringSegment.objects.filter(source=translation_source)
        .order_by("order")
        .values_list("string__data", flat=True)
    )
    return Changes(
        added=[text for text in now if text not in then], removed=[text for text in then if text not in now]
    )


@transaction.atomic
def sync_translations(translation_source: TranslationSource, user) -> int:
    """Bring every translation of this source up to date: take the source's current content, keep every text
    already translated, and save each translation as a draft (new texts fall back to the source's until a
    translator translates them; publishing goes through review). Returns how many translations were saved."""
    translation_source.update_from_db()
    saved = 0
    # A snippet without drafts cannot be saved as one; ours are all moderated, so this is for third-party ones.
    as_draft = issubclass(translation_source.specific_content_type.model_class(), DraftStateMixin)
    for translation in translation_source.translations.filter(enabled=True):
        translation.save_target(user=user, publish=not as_draft)
        saved += 1
    return saved


def outdated_sources(user) -> list[TranslationSource]:
    ids = {row.translation_source_id for row in translation_status(user, state=OUTDATED).rows if row.source_changed}
    return list(TranslationSource.objects.filter(pk__in=ids - {None}))
