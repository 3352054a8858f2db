"""Registration permissions (see / export registrations) and the "Event editors" group.

Event editors get admin access, add/change/publish on pages (granted on the root page like the roles in
community 0002: every language has its own tree under the root), image choosing/adding, and seeing and
exporting registrations. Wagtail page permissions do not narrow by page type, so keeping editors to events
is by convention; the registration admin itself checks the registration permissions.
"""

from django.db import migrations

GROUP = "Event editors"
PERMISSIONS = [
    ("wagtailadmin", "admin", "access_admin", "Can access Wagtail admin"),
    ("events", "registration", "view_registrations", "Can see event registrations and waiting lists"),
    ("events", "registration", "export_registrations", "Can export event attendees"),
    ("events", "registrationterms", "add_registrationterms", "Can add registration terms"),
    ("events", "registrationterms", "change_registrationterms", "Can change registration terms"),
    ("events", "registrationterms", "view_registrationterms", "Can view registration terms"),
]
PAGE_PERMISSIONS = ["add_page", "change_page", "publish_page"]
COLLECTION_PERMISSIONS = [("wagtailimages", "image", "add_image"), ("wagtailimages", "image", "choose_image")]


def _permission(apps, app_label, model, codename, name=None):
    # Model permissions are made by post_migrate after all migrations; make them now the way it would.
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
    permission, _ = Permission.objects.get_or_create(
        content_type=content_type, codename=codename, defaults={"name": name or codename}
    )
    return permission


def create_group(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Page = apps.get_model("wagtailcore", "Page")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")

    group, _ = Group.objects.get_or_create(name=GROUP)
    group.permissions.set([_permission(apps, *spec) for spec in PERMISSIONS])
    root_page = Page.objects.filter(depth=1).first()
    if root_page is not None:
        GroupPagePermission.objects.filter(group=group).delete()
        for codename in PAGE_PERMISSIONS:
            GroupPagePermission.objects.create(
                group=group, page=root_page, permission=_permission(apps, "wagtailcore", "page", codename)
            )
    root_collection = Collection.objects.filter(depth=1).first()
    if root_collection is not None:
        GroupCollectionPermission.objects.filter(group=group).delete()
        for spec in COLLECTION_PERMISSIONS:
            GroupCollectionPermission.objects.create(
                group=group, collection=root_collection, permission=_permission(apps, *spec)
            )


def delete_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=GROUP).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0001_initial"),
        ("community", "0002_groups"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.AlterModelOptions(
            name="registration",
            options={
                "ordering": ["created_at"],
                "permissions": [
                    ("view_registrations", "Can see event registrations and waiting lists"),
                    ("export_registrations", "Can export event attendees"),
                ],
                "verbose_name": "registration",
                "verbose_name_plural": "registrations",
            },
        ),
        migrations.RunPython(create_group, delete_group),
    ]
