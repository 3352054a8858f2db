"""Member articles are moderated: an editor's article waits for a Moderator, who approves and so publishes it;
article indexes made after the migration get the workflow too."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import Workflow, WorkflowState
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from community.factories import UserFactory
from community.models import ArticlePage

pytestmark = pytest.mark.django_db

PASSWORD = "a-long-test-password-1"


def test_every_new_article_index_gets_the_article_moderation_workflow(article_index):
    workflow = article_index.get_workflow()

    assert workflow is not None
    assert workflow.name == "Article moderation"
    assert [task.name for task in workflow.tasks] == ["Moderator approval"]
    assert [group.name for group in workflow.tasks[0].specific.groups.all()] == ["Moderators"]


def test_editor_submits_an_article_and_a_moderator_approves_and_publishes_it(client, article_index, django_user_model):
    editor = UserFactory(email="editor@example.com", groups=["Editors"], password=PASSWORD)
    moderator = UserFactory(email="moderator@example.com", groups=["Moderators"], password=PASSWORD)

    client.force_login(editor)
    add_url = reverse("wagtailadmin_pages:add", args=["community", "articlepage", article_index.pk])
    offered = client.get(add_url).content.decode()
    submitted = client.post(
        add_url,
        nested_form_data(
            {
                "title": "Min første artikel",
                "slug": "min-foerste-artikel",
                "date": "2026-03-01",
                "intro": "Om at skrive for fællesskabet",
                "author_name": "Editor Editors",
                "tags": "skrivning",
                "body": streamfield([("paragraph", rich_text("<p>Sådan kom jeg i gang.</p>"))]),
                "action-submit": "submit",
            }
        ),
    )

    article = ArticlePage.objects.get(slug="min-foerste-artikel")
    assert submitted.status_code == 302, submitted.content.decode()[:2000]
    assert 'name="action-publish"' not in offered  # editors have no way past the workflow
    assert not article.live
    assert client.get("/da/artikler/min-foerste-artikel/").status_code == 404
    state = WorkflowState.objects.get(base_content_type__isnull=False, object_id=str(article.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.workflow.name == "Article moderation"

    # The editor cannot approve their own submission; the moderator can.
    task_state = state.current_task_state
    approve_url = reverse("wagtailadmin_pages:workflow_action", args=[article.pk, "approve", task_state.pk])
    refused = client.post(approve_url, {"comment": ""})
    article.refresh_from_db()
    assert not article.live

    client.force_login(moderator)
    approved = client.post(approve_url, {"comment": "Fin artikel"})

    article.refresh_from_db()
    state.refresh_from_db()
    assert refused.status_code in {302, 403}
    assert approved.status_code in {200, 302}, approved.content.decode()[:2000]
    assert state.status == WorkflowState.STATUS_APPROVED
    assert article.live
    assert "Sådan kom jeg i gang." in client.get("/da/artikler/min-foerste-artikel/").content.decode()


def test_migration_puts_existing_article_indexes_under_moderation_and_takes_publish_from_editors(
    article_index, english_home
):
    from importlib import import_module

    from django.apps import apps
    from django.contrib.auth.models import Permission
    from wagtail.models import GroupPagePermission, Page, WorkflowPage

    from tests.home.tree import publish_translation

    english_index = publish_translation(article_index, english_home.locale, title="Articles", slug="articles")
    WorkflowPage.objects.filter(page__in=[article_index, english_index]).delete()
    editors = Group.objects.get(name="Editors")
    publish = Permission.objects.get(content_type__app_label="wagtailcore", codename="publish_page")
    GroupPagePermission.objects.create(group=editors, page=Page.get_first_root_node(), permission=publish)
    migration = import_module("community.migrations.0005_article_workflow")

    migration.set_up_moderation(apps, None)
    migration.set_up_moderation(apps, None)  # a second run changes nothing

    for index in (article_index, english_index):
        assert index.get_workflow().name == "Article moderation"
    assert not GroupPagePermission.objects.filter(group=editors, permission__codename="publish_page").exists()
    assert Workflow.objects.filter(name="Article moderation").count() == 1
