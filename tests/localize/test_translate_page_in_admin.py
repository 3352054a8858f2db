"""A translator translates a live Danish page with wagtail-localize: the English copy is a draft until a
moderator approves it, and the translator cannot publish it (or the Danish page) themselves."""

import pytest
from django.urls import reverse
from wagtail.models import Page, WorkflowState

from home.factories import NewsIndexPageFactory, NewsPageFactory
from tests.localize.conftest import submit_translation, translate_segments

pytestmark = pytest.mark.django_db

ENGLISH_TEXT = {
    "Danish Data Science Community": "Danish Data Science Community",
    "Et fællesskab for alle, der arbejder med data i Danmark.": "A community for everyone working with data.",
}


def test_a_translation_of_a_live_page_waits_for_a_moderator_before_it_is_live(
    client, translator, moderator, english, home_page, django_capture_on_commit_callbacks
):
    client.force_login(translator)
    submitted = submit_translation(client, home_page, english, django_capture_on_commit_callbacks)
    english_home = home_page.get_translation(english)

    assert submitted.status_code == 302
    assert home_page.live
    assert not english_home.live, "a new translation starts as a draft even though its source is live"
    assert "A community for everyone" not in client.get("/en/").content.decode()

    translate_segments(client, home_page, english, ENGLISH_TEXT)
    with django_capture_on_commit_callbacks(execute=True):
        publish_attempt = client.post(
            reverse("wagtailadmin_pages:edit", args=[english_home.pk]), {"action": "publish"}
        )
    english_home.refresh_from_db()
    assert publish_attempt.status_code in {302, 403}  # the admin answers PermissionDenied with a redirect
    assert not english_home.live, "translators cannot publish past moderation"

    editor = client.get(reverse("wagtailadmin_pages:edit", args=[english_home.pk])).content.decode()
    assert 'name="localize-submit-for-review"' in editor
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("wagtailadmin_pages:edit", args=[english_home.pk]), {"localize-submit-for-review": "1"})
    state = WorkflowState.objects.get(object_id=str(english_home.pk), status=WorkflowState.STATUS_IN_PROGRESS)
    english_home.refresh_from_db()
    assert not english_home.live
    assert client.get("/en/").status_code == 200
    assert "A community for everyone working with data." not in client.get("/en/").content.decode()

    client.force_login(moderator)
    approve_url = reverse(
        "wagtailadmin_pages:workflow_action", args=[english_home.pk, "approve", state.current_task_state.pk]
    )
    with django_capture_on_commit_callbacks(execute=True):
        approved = client.post(approve_url, {"comment": ""})

    assert approved.status_code in {200, 302}
    english_home = Page.objects.get(pk=english_home.pk).specific
    assert english_home.live
    assert english_home.hero_text == "A community for everyone working with data."
    page = client.get("/en/")
    assert 'lang="en"' in page.content.decode()
    assert "A community for everyone working with data." in page.content.decode()
    assert "Et fællesskab for alle" in client.get("/da/").content.decode()


def test_translators_cannot_publish_unpublish_move_or_delete_danish_pages(client, translator, home_page):
    index = NewsIndexPageFactory(parent=home_page, title="Nyheder", slug="nyheder")
    draft = NewsPageFactory(parent=index, title="Kladde", slug="kladde", image=None, live=False)
    live = NewsPageFactory(parent=index, title="Udgivet", slug="udgivet", image=None)
    client.force_login(translator)

    permissions = live.permissions_for_user(translator)
    assert permissions.can_edit()  # they may edit (and so translate) every page
    assert not permissions.can_publish()
    assert not permissions.can_unpublish()
    assert not permissions.can_move()
    assert not permissions.can_delete()

    delete = client.post(reverse("wagtailadmin_pages:delete", args=[draft.pk]))
    move = client.post(reverse("wagtailadmin_pages:move_confirm", args=[draft.pk, home_page.pk]))
    unpublish = client.post(reverse("wagtailadmin_pages:unpublish", args=[live.pk]))

    assert delete.status_code == 302
    assert move.status_code == 302
    assert unpublish.status_code in {302, 403}
    assert Page.objects.filter(pk=draft.pk, depth=index.depth + 1).exists(), "neither deleted nor moved"
    assert Page.objects.get(pk=live.pk).live


def test_a_user_outside_the_translators_group_cannot_submit_translations(
    client, django_user_model, english, home_page
):
    user = django_user_model.objects.create_user(
        "visitor@example.com", "pw-123456789", first_name="Vic", last_name="Visitor", is_verified=True
    )
    client.force_login(user)
    response = client.post(
        reverse("wagtail_localize:submit_page_translation", args=[home_page.pk]), {"locales": [english.pk]}
    )
    assert response.status_code in {302, 403}
    assert not home_page.has_translation(english)
