"""The language-neutral Event (cleanup, step 3 of 3): registrations, check-ins and volunteer assignments point at
the Event only (`event`), every event page has one, and the settings are no longer kept on the pages."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


def _event_link(related_name: str, on_delete):
    return models.ForeignKey(on_delete=on_delete, related_name=related_name, to="events.event", verbose_name="event")


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0009_event_data"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.RemoveField(model_name="registration", name="event"),
        migrations.RemoveField(model_name="checkin", name="event"),
        migrations.RemoveField(model_name="eventvolunteer", name="event"),
        migrations.RenameField(model_name="registration", old_name="record", new_name="event"),
        migrations.RenameField(model_name="checkin", old_name="record", new_name="event"),
        migrations.RenameField(model_name="eventvolunteer", old_name="record", new_name="event"),
        migrations.AlterField(
            model_name="registration",
            name="event",
            field=_event_link("registrations", django.db.models.deletion.PROTECT),
        ),
        migrations.AlterField(
            model_name="checkin", name="event", field=_event_link("checkins", django.db.models.deletion.PROTECT)
        ),
        migrations.AlterField(
            model_name="eventvolunteer",
            name="event",
            field=_event_link("volunteer_assignments", django.db.models.deletion.CASCADE),
        ),
        migrations.AlterField(
            model_name="eventpage",
            name="event",
            field=models.ForeignKey(
                blank=True,
                editable=False,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="pages",
                to="events.event",
                verbose_name="event record",
            ),
        ),
        migrations.AddConstraint(
            model_name="registration",
            constraint=models.UniqueConstraint(
                condition=models.Q(("status__in", ["confirmed", "waiting"])),
                fields=("event", "user"),
                name="events_one_active_registration_per_user",
                violation_error_message="You are already registered for this event.",
            ),
        ),
        migrations.AddIndex(
            model_name="registration",
            index=models.Index(fields=["event", "status", "created_at"], name="events_reg_event_status_idx"),
        ),
        migrations.AddIndex(
            model_name="registration",
            index=models.Index(fields=["event", "short_code"], name="events_reg_event_code_idx"),
        ),
        migrations.AddIndex(
            model_name="checkin", index=models.Index(fields=["event", "-created_at"], name="events_checkin_event_idx")
        ),
        migrations.AddConstraint(
            model_name="eventvolunteer",
            constraint=models.UniqueConstraint(fields=("event", "user"), name="events_one_assignment_per_volunteer"),
        ),
    ] + [
        migrations.RemoveField(model_name="eventpage", name=name)
        for name in ("capacity", "registration_opens", "registration_closes", "members_only", "terms")
    ]
