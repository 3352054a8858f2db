"""The newsletter adapter: a changed choice reaches the provider once, after commit; no network in tests."""

import pytest
from django.test import override_settings

from community.factories import UserFactory
from community.services.newsletter import NullProvider, get_provider

pytestmark = pytest.mark.django_db


class RecordingProvider:
    calls: list[tuple] = []

    def subscribe(self, email, name, language):
        self.calls.append(("subscribe", email, name, language))

    def unsubscribe(self, email):
        self.calls.append(("unsubscribe", email))


@pytest.fixture
def provider():
    RecordingProvider.calls = []
    with override_settings(NEWSLETTER_PROVIDER="tests.community.membership.test_newsletter.RecordingProvider"):
        yield RecordingProvider


def test_the_default_provider_only_logs():
    assert isinstance(get_provider(), NullProvider)


def test_opting_in_and_out_reaches_the_provider_after_commit(provider, django_capture_on_commit_callbacks):
    user = UserFactory(first_name="Ada", last_name="Lovelace", language="en")
    assert provider.calls == []

    with django_capture_on_commit_callbacks(execute=True):
        user.newsletter_opt_in = True
        user.save()
        assert provider.calls == []  # nothing before the commit
    user.refresh_from_db()
    assert provider.calls == [("subscribe", user.email, "Ada Lovelace", "en")]
    assert user.newsletter_changed_at is not None

    with django_capture_on_commit_callbacks(execute=True):
        user.newsletter_opt_in = False
        user.save(update_fields=["newsletter_opt_in"])
    assert provider.calls[-1] == ("unsubscribe", user.email)


def test_saving_a_user_without_changing_the_choice_does_not_call_the_provider(
    provider, django_capture_on_commit_callbacks
):
    user = UserFactory()
    with django_capture_on_commit_callbacks(execute=True):
        user.first_name = "Renamed"
        user.save()
        user.save(update_fields=["last_login"])
    assert provider.calls == []


def test_a_new_account_that_opts_in_is_subscribed(provider, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        user = UserFactory(newsletter_opt_in=True)
    assert [call[:2] for call in provider.calls] == [("subscribe", user.email)]


def test_deleting_an_account_that_opted_in_unsubscribes_its_address(provider, django_capture_on_commit_callbacks):
    user = UserFactory(newsletter_opt_in=True)
    provider.calls.clear()

    with django_capture_on_commit_callbacks(execute=True):
        user.delete()

    assert provider.calls == [("unsubscribe", user.email)]
