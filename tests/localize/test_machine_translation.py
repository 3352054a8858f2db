"""Machine translation as a first draft: DeepL (into British English) when DEEPL_API_KEY is set, a dummy that
marks its drafts in development, nothing otherwise. The tests check the configuration and our own code; they
never call DeepL."""

from django.conf import settings
from wagtail.models import Locale
from wagtail_localize.machine_translators import get_machine_translator
from wagtail_localize.strings import StringValue

from cms.settings.env import machine_translator
from home.machine_translation import DRAFT_MARK, BritishDeepLTranslator, MarkedDraftTranslator


def test_a_deepl_key_configures_deepl_into_british_english():
    config = machine_translator("a-key:fx", development=True)

    assert config == {"CLASS": "home.machine_translation.BritishDeepLTranslator", "OPTIONS": {"AUTH_KEY": "a-key:fx"}}
    translator = BritishDeepLTranslator(config["OPTIONS"])
    parameters = translator.get_parameters(
        Locale(language_code="da"), Locale(language_code="en"), [StringValue.from_plaintext("Hej")]
    )
    assert parameters["target_lang"] == "EN-GB"
    assert parameters["source_lang"] == "DA"
    assert translator.get_api_endpoint() == "https://api-free.deepl.com/v2/translate"


def test_development_without_a_key_gets_the_marked_dummy_and_production_gets_none():
    assert machine_translator(None, development=True)["CLASS"] == "home.machine_translation.MarkedDraftTranslator"
    assert machine_translator(None, development=False) is None


def test_the_test_settings_never_reach_a_translation_service():
    assert settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR is None
    assert get_machine_translator() is None


def test_the_dummy_marks_every_draft_and_keeps_the_markup():
    translator = MarkedDraftTranslator({})
    source = StringValue('Læs <a id="a1">mere</a>')

    result = translator.translate(Locale(language_code="da"), Locale(language_code="en"), [source])

    assert result[source].data == f'{DRAFT_MARK} Læs <a id="a1">mere</a>'
    assert translator.can_translate(Locale(language_code="da"), Locale(language_code="en"))
    assert not translator.can_translate(Locale(language_code="da"), Locale(language_code="da"))
