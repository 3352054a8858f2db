"""Fill in the typing codes of existing tickets, and create the Volunteers group.

Volunteers get only the permission to check people in; it works at the events an event editor assigns them
to (events.EventVolunteer), and nowhere else. They get no admin access. Event editors may assign volunteers.
"""

import hashlib

from django.db import migrations

GROUP = "Volunteers"
EDITORS = "Event editors"
ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"


def _short_code(token: str) -> str:
    # The same rule as events.models.registrations.short_code_for, frozen here as migrations must be.
    number = int.from_bytes(hashlib.sha256(token.encode()).digest()[:8], "big") >> 14
    chars = []
    for _position in range(10):
        number, digit = divmod(number, 32)
        chars.append(ALPHABET[digit])
    return "".join(reversed(chars))


def _permission(apps, model, codename, name):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    content_type, _ = ContentType.objects.get_or_create(app_label="events", model=model)
    permission, _ = Permission.objects.get_or_create(
        content_type=content_type, codename=codename, defaults={"name": name}
    )
    return permission


def forwards(apps, schema_editor):
    Registration = apps.get_model("events", "Registration")
    for registration in Registration.objects.filter(short_code="").only("pk", "token").iterator():
        Registration.objects.filter(pk=registration.pk).update(short_code=_short_code(registration.token))

    Group = apps.get_model("auth", "Group")
    check_in = _permission(
        apps, "registration", "check_in_attendees", "Can check attendees in at the events they are assigned to"
    )
    volunteers, _ = Group.objects.get_or_create(name=GROUP)
    volunteers.permissions.add(check_in)
    editors = Group.objects.filter(name=EDITORS).first()
    if editors is not None:
        editors.permissions.add(
            check_in,
            _permission(apps, "eventvolunteer", "add_eventvolunteer", "Can add event volunteer"),
            _permission(apps, "eventvolunteer", "delete_eventvolunteer", "Can delete event volunteer"),
            _permission(apps, "eventvolunteer", "view_eventvolunteer", "Can view event volunteer"),
            _permission(apps, "checkin", "view_checkin", "Can view check-in"),
        )


def backwards(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=GROUP).delete()


class Migration(migrations.Migration):
    dependencies = [("events", "0004_checkin")]

    operations = [migrations.RunPython(forwards, backwards)]
