"""Snippets are translated under review too: a translator's English footer is a draft (the Danish one is shown,
marked lang="da") until a moderator approves it."""

import pytest
from django.urls import reverse
from wagtail.models import WorkflowState

from home.models import FooterText, SiteSettings
from tests.home.tree import publish_translation
from tests.localize.conftest import submit_translation, translate_segments

pytestmark = pytest.mark.django_db


@pytest.fixture
def danish_footer(home_page, english):
    footer = FooterText.objects.create(title="Sidefod", body="<p>Drevet af frivillige.</p>", locale=home_page.locale)
    settings = SiteSettings.for_site(home_page.get_site())
    settings.footer = footer
    settings.save()
    publish_translation(home_page, english, title="Home")
    return footer


def test_a_footer_translation_is_a_draft_until_a_moderator_approves_it(
    client, translator, moderator, english, danish_footer, django_capture_on_commit_callbacks
):
    client.force_login(translator)
    submit_translation(client, danish_footer, english, django_capture_on_commit_callbacks)
    english_footer = danish_footer.get_translation(english)
    assert not english_footer.live

    translate_segments(client, danish_footer, english, {"Drevet af frivillige.": "Run by volunteers."})
    english_page = client.get("/en/").content.decode()
    assert "Run by volunteers." not in english_page
    assert '<div class="site-footer__text" lang="da">' in english_page  # the fallback says its language

    edit_url = reverse("wagtailsnippets_home_footertext:edit", args=[english_footer.pk])
    assert 'name="localize-submit-for-review"' in client.get(edit_url).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(edit_url, {"localize-submit-for-review": "1"})
    state = WorkflowState.objects.get(object_id=str(english_footer.pk), status=WorkflowState.STATUS_IN_PROGRESS)
    english_footer.refresh_from_db()
    assert not english_footer.live

    client.force_login(moderator)
    approve_url = reverse(
        "wagtailsnippets_home_footertext:workflow_action",
        args=[english_footer.pk, "approve", state.current_task_state.pk],
    )
    with django_capture_on_commit_callbacks(execute=True):
        approved = client.post(approve_url, {"comment": ""})

    assert approved.status_code in {200, 302}
    english_footer.refresh_from_db()
    assert english_footer.live
    english_page = client.get("/en/").content.decode()
    assert "Run by volunteers." in english_page
    assert '<div class="site-footer__text">' in english_page


def test_translators_reach_the_registration_terms_and_their_translation_is_a_draft(
    client, translator, english, home_page, django_capture_on_commit_callbacks
):
    from events.models import RegistrationTerms

    terms = RegistrationTerms.objects.create(title="Vilkår", body="<p>Kom til tiden.</p>", locale=home_page.locale)
    client.force_login(translator)

    listing = client.get(reverse("wagtailsnippets_events_registrationterms:list"))
    submit_translation(client, terms, english, django_capture_on_commit_callbacks)

    assert listing.status_code == 200
    assert "Vilkår" in listing.content.decode()
    english_terms = terms.get_translation(english)
    assert not english_terms.live
    assert english_terms.get_workflow() is not None
    editor = client.get(reverse("wagtailsnippets_events_registrationterms:edit", args=[english_terms.pk]))
    assert 'name="localize-submit-for-review"' in editor.content.decode()
