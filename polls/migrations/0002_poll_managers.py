"""The "Poll managers" group: admin access, every poll's results and turnout with the CSV downloads, and the
export of who voted what in open polls. Poll pages are written by Editors and Moderators like any page."""

from django.db import migrations

GROUP = "Poll managers"
PERMISSIONS = [
    ("wagtailadmin", "admin", "access_admin", "Can access Wagtail admin"),
    ("polls", "poll", "view_poll_results", "Can see every poll's results and turnout, and download them"),
    ("polls", "poll", "export_open_ballots", "Can download who voted what in open (not secret) polls"),
]


def _permission(apps, app_label, model, codename, name):
    # Model permissions are made by post_migrate after all migrations; make them now the way it would.
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
    permission, _ = Permission.objects.get_or_create(
        content_type=content_type, codename=codename, defaults={"name": name}
    )
    return permission


def create_group(apps, schema_editor):
    group, _ = apps.get_model("auth", "Group").objects.get_or_create(name=GROUP)
    group.permissions.set([_permission(apps, *spec) for spec in PERMISSIONS])


def delete_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=GROUP).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("polls", "0001_initial"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
    ]

    operations = [migrations.RunPython(create_group, delete_group)]
