"""Sent mail keeps no context: what a mail was rendered from is emptied once it is out (home.tasks._mark_sent)."""

from django.db import migrations


def empty_sent_contexts(apps, schema_editor):
    apps.get_model("home", "OutboxMail").objects.filter(sent_at__isnull=False).update(context={})


class Migration(migrations.Migration):
    dependencies = [("home", "0006_outbox_claims_heartbeats")]

    operations = [migrations.RunPython(empty_sent_contexts, migrations.RunPython.noop, elidable=True)]
