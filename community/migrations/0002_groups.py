"""The admin roles: Editors, Moderators and Translators, with exactly the permissions README.md describes.

Wagtail's own migrations already made "Editors" and "Moderators" (add/edit pages, images, documents) and
wagtail-localize gave both its translate permission. This migration sets both groups to our roles and adds
"Translators". Page permissions are granted on the root page rather than on the Danish home page, because
every language has its own home page under the root (the English tree is made by translating the Danish
one), and editors and translators must reach all of them. Reversing restores Wagtail's default groups.
"""

from django.db import migrations

# (app_label, model, codename) of permissions held by the group itself.
ACCESS_ADMIN = ("wagtailadmin", "admin", "access_admin")
SUBMIT_TRANSLATION = ("wagtail_localize", "translation", "submit_translation")
FOOTER_TEXT = [("home", "footertext", f"{action}_footertext") for action in ("add", "change", "delete", "view")]
IMAGES = [("wagtailimages", "image", f"{action}_image") for action in ("add", "change", "choose")]
DOCUMENTS = [("wagtaildocs", "document", f"{action}_document") for action in ("add", "change", "choose")]

# Permission names for the ones this migration may have to create (as post_migrate would name them).
VERBOSE_NAMES = {"footertext": "footer text"}

# Each role: permissions on the group, page permissions on the root page, and permissions on the root
# collection (Wagtail checks images and documents per collection, not through the group's permissions).
ROLES = {
    "Editors": {
        "permissions": [ACCESS_ADMIN, *FOOTER_TEXT],
        "page": ["add_page", "change_page", "publish_page"],
        "collection": [*IMAGES, *DOCUMENTS],
    },
    "Moderators": {
        "permissions": [ACCESS_ADMIN, *FOOTER_TEXT],
        "page": ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"],
        "collection": [*IMAGES, *DOCUMENTS],
    },
    "Translators": {
        # Translating a page or the footer makes the copy; editing and publishing it needs change + publish.
        "permissions": [
            ACCESS_ADMIN,
            SUBMIT_TRANSLATION,
            ("home", "footertext", "change_footertext"),
            ("home", "footertext", "view_footertext"),
        ],
        "page": ["change_page", "publish_page"],
        "collection": [("wagtailimages", "image", "choose_image"), ("wagtaildocs", "document", "choose_document")],
    },
}

# What Wagtail's and wagtail-localize's migrations leave behind, restored when this migration is reversed.
_WAGTAIL_GROUP_PERMISSIONS = [
    ACCESS_ADMIN,
    SUBMIT_TRANSLATION,
    *[("wagtailimages", "image", f"{a}_image") for a in ("add", "change", "choose", "delete")],
    *[("wagtaildocs", "document", f"{a}_document") for a in ("add", "change", "choose", "delete")],
]
WAGTAIL_DEFAULTS = {
    "Editors": {
        "permissions": _WAGTAIL_GROUP_PERMISSIONS,
        "page": ["add_page", "change_page"],
        "collection": [*IMAGES, *DOCUMENTS],
    },
    "Moderators": {
        "permissions": _WAGTAIL_GROUP_PERMISSIONS,
        "page": ["add_page", "change_page", "lock_page", "publish_page", "unlock_page"],
        "collection": [*IMAGES, *DOCUMENTS],
    },
}


def _permission(apps, app_label, model, codename):
    # Django creates model permissions after all migrations ran (post_migrate), so on a fresh database the
    # footer-text ones do not exist yet; make them here the way post_migrate would, and it will reuse them.
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
    name = f"Can {codename.partition('_')[0]} {VERBOSE_NAMES.get(model, model)}"
    permission, _ = Permission.objects.get_or_create(
        content_type=content_type, codename=codename, defaults={"name": name}
    )
    return permission


def _set_roles(apps, roles):
    Group = apps.get_model("auth", "Group")
    Page = apps.get_model("wagtailcore", "Page")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")

    root_page = Page.objects.get(depth=1)
    root_collection = Collection.objects.get(depth=1)
    for name, role in roles.items():
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.set([_permission(apps, *spec) for spec in role["permissions"]])

        GroupPagePermission.objects.filter(group=group).delete()
        for codename in role["page"]:
            GroupPagePermission.objects.create(
                group=group, page=root_page, permission=_permission(apps, "wagtailcore", "page", codename)
            )

        GroupCollectionPermission.objects.filter(group=group).delete()
        for spec in role["collection"]:
            GroupCollectionPermission.objects.create(
                group=group, collection=root_collection, permission=_permission(apps, *spec)
            )


def create_roles(apps, schema_editor):
    _set_roles(apps, ROLES)


def restore_wagtail_groups(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name="Translators").delete()
    _set_roles(apps, WAGTAIL_DEFAULTS)


class Migration(migrations.Migration):
    dependencies = [
        ("community", "0001_initial"),
        ("home", "0002_create_homepage"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtail_localize", "0016_rename_page_revision_translationlog_revision"),
    ]

    operations = [migrations.RunPython(create_roles, restore_wagtail_groups)]
