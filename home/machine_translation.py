"""Machine translators for wagtail-localize's "Machine translate": DeepL into British English, and a marked
dummy for development that never leaves the machine."""

from django.utils.translation import gettext_lazy as _
from wagtail_localize.machine_translators.base import BaseMachineTranslator
from wagtail_localize.machine_translators.deepl import DeepLTranslator
from wagtail_localize.strings import StringValue

DRAFT_MARK = "[MT draft]"


class BritishDeepLTranslator(DeepLTranslator):
    """DeepL asks for a variant of English as the target; the site writes British English (og:locale en_GB)."""

    def get_parameters(self, source_locale, target_locale, strings):
        parameters = super().get_parameters(source_locale, target_locale, strings)
        if parameters["target_lang"] == "EN":
            parameters["target_lang"] = "EN-GB"
        return parameters


class MarkedDraftTranslator(BaseMachineTranslator):
    """Development's stand-in: returns each source string unchanged behind a visible mark, so a page that was
    machine "translated" and not yet revised by a person cannot pass for a translation."""

    display_name = _("Marked draft (development)")

    def translate(self, source_locale, target_locale, strings):
        return {string: StringValue(f"{DRAFT_MARK} {string.data}") for string in strings}

    def can_translate(self, source_locale, target_locale):
        return source_locale.language_code != target_locale.language_code
