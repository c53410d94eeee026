from django.db import migrations


def grant_whole_schema_to_its_owner(apps, schema_editor):
    """The owning node's webmaster (a county's) held page and media rights on each site
    of its schema; it now holds them once, on the root page and root collection
    (network.roles.grant_schema_permissions), which covers the same sites."""
    Node = apps.get_model("network", "Node")
    NodeGroup = apps.get_model("network", "NodeGroup")
    Page = apps.get_model("wagtailcore", "Page")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")

    schema = schema_editor.connection.schema_name
    owner = Node.objects.filter(tenant__schema_name=schema, code=schema.removeprefix("n")).first()
    if owner is None:  # public, the template
        return
    group = NodeGroup.objects.filter(node=owner, role="webmaster").values_list("group", flat=True)
    root_page = Page.objects.filter(depth=1).first()
    root_collection = Collection.objects.filter(depth=1).first()
    if not group or root_page is None or root_collection is None:
        return
    for model, field, own, root in (
        (GroupPagePermission, "page_id", owner.root_page_id, root_page.pk),
        (GroupCollectionPermission, "collection_id", owner.collection_id, root_collection.pk),
    ):
        rights = model.objects.filter(group_id=group[0])
        permission_ids = set(rights.filter(**{field: own}).values_list("permission_id", flat=True))
        rights.exclude(**{field: own}).delete()
        model.objects.bulk_create(
            [
                model(group_id=group[0], permission_id=permission_id, **{field: root})
                for permission_id in permission_ids
            ]
        )


class Migration(migrations.Migration):
    dependencies = [
        ("xfsites", "0006_topic_columns"),
        ("network", "0003_party_roles"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.RunPython(grant_whole_schema_to_its_owner, migrations.RunPython.noop),
    ]
