"""Account mails waiting in the outbox lose the links they held: the link is minted when the mail is rendered
(community.services.accounts.activation_mail_context, password_reset_mail_context) from the account's id."""

from django.db import migrations

LINKS = {"community/mail/activation": "activation_url", "community/mail/password_reset": "reset_url"}


def drop_stored_links(apps, schema_editor):
    OutboxMail = apps.get_model("home", "OutboxMail")
    User = apps.get_model("community", "User")
    for row in OutboxMail.objects.filter(template__in=LINKS):
        context = {key: value for key, value in row.context.items() if key != LINKS[row.template]}
        if "user_id" not in context and row.sent_at is None:
            user = User.objects.filter(email__iexact=row.recipient).first()
            context["user_id"] = user.pk if user else None
        OutboxMail.objects.filter(pk=row.pk).update(context=context)


class Migration(migrations.Migration):
    dependencies = [("community", "0007_body_poll_block"), ("home", "0007_sent_mail_context_emptied")]

    operations = [migrations.RunPython(drop_stored_links, migrations.RunPython.noop, elidable=True)]
