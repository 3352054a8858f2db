"""The "Membership managers" group: sees and decides membership applications and exports the registers."""

from django.db import migrations

GROUP = "Membership managers"
PERMISSIONS = [
    ("wagtailadmin", "admin", "access_admin"),
    ("community", "member", "view_member"),
    ("community", "member", "change_member"),
    ("community", "member", "approve_member"),
    ("community", "member", "export_members"),
]
NAMES = {
    "view_member": "Can view member",
    "change_member": "Can change member",
    "approve_member": "Can approve or reject membership applications",
    "export_members": "Can export members and newsletter subscribers",
}


def create_group(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    group, _ = Group.objects.get_or_create(name=GROUP)
    for app_label, model, codename in PERMISSIONS:
        # Model permissions are made after all migrations (post_migrate); make them now as it would.
        content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
        permission, _ = Permission.objects.get_or_create(
            content_type=content_type, codename=codename, defaults={"name": NAMES.get(codename, codename)}
        )
        group.permissions.add(permission)


def remove_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=GROUP).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("community", "0003_people"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
    ]

    operations = [migrations.RunPython(create_group, remove_group)]
