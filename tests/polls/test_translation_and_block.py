"""A poll translated with wagtail-localize keeps its questions' and choices' identities (so both languages count
in one tally, and the lock holds in both), and the poll block shows a poll inside any page's body."""

import pytest
from wagtail_localize.models import TranslationSource

from home.factories import StandardPageFactory
from polls import services
from polls.factories import question
from polls.models import Poll, PollPage, QuestionTally
from polls.structure import load
from tests.home.tree import english_locale, ensure_home_page, publish_translation
from tests.polls.builders import choose, keys, make_poll, member

pytestmark = pytest.mark.django_db


@pytest.fixture
def localize(django_capture_on_commit_callbacks):
    def translate(page) -> PollPage:
        """`page` translated into English by wagtail-localize and published (its parents are translated)."""
        source, _created = TranslationSource.get_or_create_from_instance(page)
        source.update_from_db()
        # wagtail-localize publishes once the transaction commits. Untranslated strings fall back to the Danish
        # text: the questionnaire's structure is what matters here.
        with django_capture_on_commit_callbacks(execute=True):
            translated, _created = source.create_or_update_translation(english_locale(), fallback=True)
        return PollPage.objects.get(pk=translated.pk)

    return translate


def test_wagtail_localize_keeps_the_questionnaire_and_the_poll(index, english_index, localize):
    danish = make_poll(
        index,
        questions=[
            question("Formand", ["Ada", "Grace", "Linus"], kind="ranked"),
            question("Emner", ["MLOps", "LLM"], kind="multiple", max_choices=1),
        ],
    )

    english = localize(danish)

    assert english.live
    assert english.poll_id == danish.poll_id
    assert keys(english) == keys(danish)
    assert [(q.kind, q.max_choices, q.locale.language_code) for q in english.questions.all()] == [
        ("ranked", None, "en"),
        ("multiple", 1, "en"),
    ]
    assert {c.locale.language_code for q in english.questions.all() for c in q.choices.all()} == {"en"}


def test_a_re_synced_translation_of_a_locked_poll_still_counts_in_the_same_tally(index, english_index, localize):
    danish = make_poll(index, questions=[question("Emne", ["MLOps", "LLM"])])
    english = localize(danish)
    services.cast_ballot(member(), danish, choose(danish, 0))
    structure = Poll.objects.get(pk=danish.poll_id).structure

    # The Danish text is corrected and published; the translation is synced again and published too.
    danish = PollPage.objects.get(pk=danish.pk)
    questions = list(danish.questions.all())
    questions[0].text = "Næste emne"
    danish.questions = questions
    danish.save_revision().publish()
    english = localize(PollPage.objects.get(pk=danish.pk))
    services.cast_ballot(member(), english, choose(english, 0))

    assert Poll.objects.get(pk=danish.poll_id).structure == structure
    assert keys(english) == keys(danish) == [(q.key, list(q.choices)) for q in load(structure)]
    assert sorted(QuestionTally.objects.get().counts.values()) == [0, 2]
    assert PollPage.objects.get(pk=danish.pk).questions.get().text == "Næste emne"


def page_with_poll_block(poll_page):
    body = [("poll", {"poll": poll_page})]
    return StandardPageFactory(parent=ensure_home_page(), title="Om os", slug="om", body=body)


def test_a_poll_block_shows_the_ballot_and_voting_comes_back_to_the_page(client, index):
    poll_page = make_poll(index, title="Hvilket emne næste gang?")
    host = page_with_poll_block(poll_page)
    person = member()
    client.force_login(person)

    html = client.get(host.url).content.decode()

    assert 'class="card poll-block' in html
    assert "Hvilket emne næste gang?" in html
    assert f'action="/da/polls/{poll_page.pk}/vote/"' in html
    assert f'name="next" value="{host.url}"' in html
    ((question_key, choice_keys),) = keys(poll_page)
    response = client.post(f"/da/polls/{poll_page.pk}/vote/", {f"q-{question_key}": choice_keys[0], "next": host.url})
    assert response["Location"] == host.url
    assert "Du har stemt i denne afstemning. Tak." in client.get(host.url).content.decode()


def test_the_poll_block_on_an_english_page_shows_the_english_poll(client, index, english_index):
    danish = make_poll(index, title="Næste emne")
    english = publish_translation(danish, english_locale(), title="Next topic", slug="next-topic")
    host = page_with_poll_block(danish)
    english_host = publish_translation(host, english_locale(), title="About", slug="about")
    client.force_login(member())

    html = client.get(english_host.url).content.decode()

    assert "Next topic" in html
    assert f'action="/en/polls/{english.pk}/vote/"' in html


def test_a_poll_block_with_an_unpublished_poll_shows_nothing(client, index):
    poll_page = make_poll(index, title="Kladde")
    host = page_with_poll_block(poll_page)
    poll_page.unpublish()

    html = client.get(host.url).content.decode()

    assert "poll-block" not in html


def test_the_poll_block_is_offered_in_the_body_of_every_page_type():
    from django.apps import apps
    from wagtail.fields import StreamField

    from home.blocks import BodyBlock

    bodies = [
        f"{model._meta.label}.{field.name}"
        for model in apps.get_models()
        for field in model._meta.get_fields()
        if isinstance(field, StreamField) and isinstance(field.stream_block, BodyBlock)
    ]
    assert {"home.StandardPage.body", "home.NewsPage.body", "events.EventPage.body"} <= set(bodies)
    assert all(
        "poll" in field.stream_block.child_blocks
        for model in apps.get_models()
        for field in model._meta.get_fields()
        if isinstance(field, StreamField) and isinstance(field.stream_block, BodyBlock)
    )
