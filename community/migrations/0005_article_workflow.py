"""Articles go through moderation: the "Article moderation" workflow (one "Moderator approval" task for the
Moderators group) on every article index, and Editors lose the publish permission.

Why Editors lose publish everywhere: Wagtail lets anyone with publish permission on a page publish it directly,
past any workflow, and page permissions only add up downwards (there is no "deny"). Editors held publish on the
root page, so they could have published articles unmoderated. Granting them publish on every subtree except the
article indexes would have to follow each new page, so instead Editors submit everything for moderation:
articles to "Article moderation", other pages to Wagtail's "Moderators approval" workflow on the root page
(made here if it is missing), and Moderators approve and publish. Article indexes made later get the workflow
from `community.signals`. Reversing removes the workflow and gives Editors publish on the root page again.
"""

from django.db import migrations

WORKFLOW = "Article moderation"
TASK = "Moderator approval"
ROOT_WORKFLOW = "Moderators approval"  # the name Wagtail's own migration gave the root page's workflow


def _permission(apps, codename):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    content_type, _ = ContentType.objects.get_or_create(app_label="wagtailcore", model="page")
    permission, _ = Permission.objects.get_or_create(
        content_type=content_type, codename=codename, defaults={"name": f"Can {codename.partition('_')[0]} page"}
    )
    return permission


def _approval_workflow(apps, workflow_name, task_name):
    """The workflow `workflow_name`, active; made if missing as one task that Moderators approve."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    Group = apps.get_model("auth", "Group")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")

    workflow = Workflow.objects.filter(name=workflow_name).order_by("-active", "pk").first()
    if workflow is not None:  # reactivated if a reversal of this migration disabled it
        Workflow.objects.filter(pk=workflow.pk).update(active=True)
        return workflow
    content_type, _ = ContentType.objects.get_or_create(app_label="wagtailcore", model="groupapprovaltask")
    task = GroupApprovalTask.objects.create(name=task_name, content_type=content_type, active=True)
    task.groups.set([Group.objects.get_or_create(name="Moderators")[0]])
    workflow = Workflow.objects.create(name=workflow_name, active=True)
    WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    return workflow


def set_up_moderation(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Page = apps.get_model("wagtailcore", "Page")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    ArticleIndexPage = apps.get_model("community", "ArticleIndexPage")

    workflow = _approval_workflow(apps, WORKFLOW, TASK)
    for index in ArticleIndexPage.objects.all():
        WorkflowPage.objects.get_or_create(page_id=index.pk, defaults={"workflow": workflow})

    root = Page.objects.get(depth=1)
    if not WorkflowPage.objects.filter(page=root).exists():
        WorkflowPage.objects.create(page=root, workflow=_approval_workflow(apps, ROOT_WORKFLOW, ROOT_WORKFLOW))

    editors, _ = Group.objects.get_or_create(name="Editors")
    GroupPagePermission.objects.filter(group=editors, permission__codename="publish_page").delete()


def remove_moderation(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Page = apps.get_model("wagtailcore", "Page")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")

    WorkflowPage.objects.filter(workflow__name=WORKFLOW).delete()
    Workflow.objects.filter(name=WORKFLOW).update(active=False)
    editors, _ = Group.objects.get_or_create(name="Editors")
    GroupPagePermission.objects.get_or_create(
        group=editors, page=Page.objects.get(depth=1), permission=_permission(apps, "publish_page")
    )


class Migration(migrations.Migration):
    dependencies = [
        ("community", "0004_membership_managers"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(set_up_moderation, remove_moderation)]
