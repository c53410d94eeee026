# Notices now go through notifications' outbox (one channel for the whole network).
# What the old outbox still owed moves across before its table goes: each pending or
# failed notice becomes an inbox line and a queued e-mail for every active account
# with that address (beat's sweep sends them).

from django.db import migrations


def move_unsent_notices(apps, schema_editor):
    Notice = apps.get_model("syndication", "Notice")
    User = apps.get_model("auth", "User")
    InboxItem = apps.get_model("xfnotify", "InboxItem")
    Dispatch = apps.get_model("xfnotify", "Dispatch")
    for notice in Notice.objects.exclude(state="sent"):
        for user in User.objects.filter(email__in=notice.recipients, is_active=True):
            item = InboxItem.objects.create(
                recipient=user, title=notice.subject[:200], body=notice.body,
                topic=f"syndication.delivery.{notice.delivery_id}",
            )  # fmt: skip
            Dispatch.objects.create(item=item, channel="email", address=user.email)


class Migration(migrations.Migration):

    dependencies = [
        ('syndication', '0006_topic_submissions'),
        ('xfnotify', '0001_initial'),
    ]

    operations = [
        migrations.RunPython(move_unsent_notices, migrations.RunPython.noop),
        migrations.DeleteModel(
            name='Notice',
        ),
    ]
