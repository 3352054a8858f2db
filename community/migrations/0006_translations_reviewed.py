"""Translations go through review: Translators lose publish on pages, and the footer text goes through the
"Moderators approval" workflow like the pages.

Translators keep change_page on the root page, so they can edit every translation, but with no publish_page
they submit a translation to the root page's workflow as editors do and a moderator approves it; without
publish Wagtail also refuses them unpublishing and moving, and `community.wagtail_hooks` refuses them deleting
a page in the default language. The footer text became a moderated snippet (home 0004): Moderators publish it,
Editors and Translators submit it to the same workflow. Reversing gives Translators publish_page again and
takes the footer text out of the workflow.
"""

from django.db import migrations

from home.moderation_migrations import grant, moderate_snippet, permission, revoke, unmoderate_snippet


def review_translations(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")

    translators, _ = Group.objects.get_or_create(name="Translators")
    GroupPagePermission.objects.filter(group=translators, permission__codename="publish_page").delete()
    grant(apps, "Moderators", "home", "footertext", ["publish_footertext"])
    moderate_snippet(apps, "home", "footertext")


def publish_translations(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Page = apps.get_model("wagtailcore", "Page")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")

    translators, _ = Group.objects.get_or_create(name="Translators")
    GroupPagePermission.objects.get_or_create(
        group=translators,
        page=Page.objects.get(depth=1),
        permission=permission(apps, "wagtailcore", "page", "publish_page"),
    )
    revoke(apps, "Moderators", "home", "footertext", ["publish_footertext"])
    unmoderate_snippet(apps, "home", "footertext")


class Migration(migrations.Migration):
    dependencies = [
        ("community", "0005_article_workflow"),
        ("home", "0004_moderated_snippets"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(review_translations, publish_translations)]
