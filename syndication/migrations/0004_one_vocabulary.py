# One word for each thing (issue 11): a push is withdrawn (撤回), a story is revoked
# (撤稿), and a story whose origin stopped being public is "not public", not withdrawn.
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("syndication", "0003_notice_outbox"),
    ]

    operations = [
        migrations.RenameField(model_name="push", old_name="revoked_at", new_name="withdrawn_at"),
        migrations.AlterField(
            model_name="story",
            name="state",
            field=models.CharField(
                choices=[
                    ("live", "已发布"),
                    ("not_public", "原稿未公开"),
                    ("deleted", "已删除"),
                    ("revoked", "已撤稿"),
                ],
                default="live",
                max_length=10,
                verbose_name="状态",
            ),
        ),
        migrations.RunSQL(
            "UPDATE syndication_story SET state = 'not_public' WHERE state = 'withdrawn'",
            "UPDATE syndication_story SET state = 'withdrawn' WHERE state = 'not_public'",
        ),
    ]
