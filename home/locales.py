"""The active Wagtail Locale without a query each time: Locale rows are made once per language and never
change, so each process keeps the ones it has found (an edit or deletion forgets them). Only while the site
shell is cached (FRAGMENT_CACHE_SECONDS > 0; the test suite, whose rows come and go, turns it off)."""

from django.conf import settings
from django.utils import translation
from wagtail.models import Locale

_found: dict[str, Locale] = {}


def active_locale() -> Locale | None:
    """The Locale of the active language, else the default language's; None when neither exists."""
    code = translation.get_language() or ""
    locale = _found.get(code) if settings.FRAGMENT_CACHE_SECONDS > 0 else None
    if locale is None:
        try:
            locale = Locale.get_active()
        except (Locale.DoesNotExist, LookupError):
            return None
        if locale.language_code == code:  # a fallback to the default is not kept: the language may be added
            _found[code] = locale
    return locale


def language_code_of(obj) -> str:
    """The language code of a translatable object (a page), from the Locales found so far when its own
    `locale` was not loaded with it."""
    if settings.FRAGMENT_CACHE_SECONDS > 0 and "locale" not in obj._state.fields_cache:
        for locale in _found.values():
            if locale.pk == obj.locale_id:
                return locale.language_code
    return obj.locale.language_code


def forget_locales(**kwargs) -> None:
    _found.clear()
