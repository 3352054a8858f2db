"""Helpers the data migrations share to put snippets under moderation and to grant permissions by name.

They take the migration's `apps` registry and never import models, so they work at any point in history.
"""

WORKFLOW = "Moderators approval"  # the root page's workflow (Wagtail's migration, kept by community 0005)


def permission(apps, app_label: str, model: str, codename: str):
    """The permission `codename` on `app_label.model`, made the way post_migrate would if it does not exist yet
    (Django creates model permissions only after every migration ran)."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
    found, _ = Permission.objects.get_or_create(
        content_type=content_type,
        codename=codename,
        defaults={"name": f"Can {codename.partition('_')[0]} {model}"},
    )
    return found


def grant(apps, group_name: str, app_label: str, model: str, codenames: list[str]) -> None:
    group, _ = apps.get_model("auth", "Group").objects.get_or_create(name=group_name)
    group.permissions.add(*[permission(apps, app_label, model, codename) for codename in codenames])


def revoke(apps, group_name: str, app_label: str, model: str, codenames: list[str]) -> None:
    group = apps.get_model("auth", "Group").objects.filter(name=group_name).first()
    if group is not None:
        group.permissions.remove(*[permission(apps, app_label, model, codename) for codename in codenames])


def moderate_snippet(apps, app_label: str, model: str) -> None:
    """Put the snippet model `app_label.model` under the root page's moderation workflow."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowContentType = apps.get_model("wagtailcore", "WorkflowContentType")
    workflow = Workflow.objects.filter(name=WORKFLOW, active=True).order_by("pk").first()
    if workflow is None:
        return
    content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
    WorkflowContentType.objects.update_or_create(content_type=content_type, defaults={"workflow": workflow})


def unmoderate_snippet(apps, app_label: str, model: str) -> None:
    ContentType = apps.get_model("contenttypes", "ContentType")
    apps.get_model("wagtailcore", "WorkflowContentType").objects.filter(
        content_type__in=ContentType.objects.filter(app_label=app_label, model=model)
    ).delete()
