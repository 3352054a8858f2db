"""The language-neutral Event (schema, step 1 of 3): the table, and a nullable link to it next to every link to
the Danish page (`record`), so 0009 can fill them; the old links become nullable so the move can be reversed."""

import django.core.validators
import django.db.models.deletion
from django.db import migrations, models

OLD_EVENT_PAGE = {"on_delete": django.db.models.deletion.CASCADE, "to": "events.eventpage"}


class Migration(migrations.Migration):
    dependencies = [("events", "0007_body_poll_block")]

    operations = [
        migrations.CreateModel(
            name="Event",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("translation_key", models.UUIDField(editable=False, unique=True, verbose_name="translation key")),
                (
                    "capacity",
                    models.PositiveIntegerField(
                        blank=True,
                        help_text="Number of seats; leave empty for no limit.",
                        null=True,
                        validators=[django.core.validators.MinValueValidator(1)],
                        verbose_name="capacity",
                    ),
                ),
                ("registration_opens", models.DateTimeField(blank=True, null=True, verbose_name="registration opens")),
                ("registration_closes", models.DateTimeField(blank=True, null=True, verbose_name="registration closes")),
                ("members_only", models.BooleanField(default=False, verbose_name="members only")),
                (
                    "waiting_list",
                    models.BooleanField(
                        default=True,
                        help_text="When the event is full, people can join a waiting list.",
                        verbose_name="waiting list",
                    ),
                ),
                ("cancelled_at", models.DateTimeField(blank=True, editable=False, null=True, verbose_name="cancelled at")),
                (
                    "series",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="events",
                        to="events.eventseries",
                        verbose_name="series",
                    ),
                ),
                (
                    "terms",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to="events.registrationterms",
                        verbose_name="registration terms",
                    ),
                ),
            ],
            options={"verbose_name": "event record", "verbose_name_plural": "event records"},
        ),
        migrations.AddField(
            model_name="eventpage",
            name="event",
            field=models.ForeignKey(
                blank=True,
                null=True,
                editable=False,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="pages",
                to="events.event",
                verbose_name="event record",
            ),
        ),
        # The constraints and indexes on the old links go now; 0010 makes them again on the new ones.
        migrations.RemoveConstraint(model_name="registration", name="events_one_active_registration_per_user"),
        migrations.RemoveIndex(model_name="registration", name="events_reg_event_status_idx"),
        migrations.RemoveIndex(model_name="registration", name="events_reg_event_code_idx"),
        migrations.RemoveIndex(model_name="checkin", name="events_checkin_event_idx"),
        migrations.RemoveConstraint(model_name="eventvolunteer", name="events_one_assignment_per_volunteer"),
        migrations.AlterField(
            model_name="registration",
            name="event",
            field=models.ForeignKey(null=True, related_name="registrations", verbose_name="event", **OLD_EVENT_PAGE),
        ),
        migrations.AlterField(
            model_name="checkin",
            name="event",
            field=models.ForeignKey(null=True, related_name="checkins", verbose_name="event", **OLD_EVENT_PAGE),
        ),
        migrations.AlterField(
            model_name="eventvolunteer",
            name="event",
            field=models.ForeignKey(
                null=True, related_name="volunteer_assignments", verbose_name="event", **OLD_EVENT_PAGE
            ),
        ),
    ] + [
        migrations.AddField(
            model_name=model,
            name="record",
            field=models.ForeignKey(
                null=True, on_delete=django.db.models.deletion.PROTECT, related_name="+", to="events.event"
            ),
        )
        for model in ("registration", "checkin", "eventvolunteer")
    ]
