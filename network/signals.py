"""Changes to domains, nodes, schemas and Wagtail Sites drop the hosts the routing
cache holds."""

from django.db import connection, transaction
from django.db.models.signals import post_delete, post_save, pre_save
from wagtail.models import Site

from .hosts import forget_hosts
from .models import Domain, Node, Tenant


def _forget_now_and_on_commit(hostnames):
    # now, and again once committed: a request between the two could cache the old row
    forget_hosts(hostnames)
    transaction.on_commit(lambda: forget_hosts(hostnames))


def on_domain_renaming(sender, instance, **kwargs):
    """A renamed domain: its old name must stop routing too."""
    if instance.pk:
        old = Domain.objects.filter(pk=instance.pk).values_list("domain", flat=True).first()
        if old and old != instance.domain:
            _forget_now_and_on_commit([old])


def on_domain_changed(sender, instance, **kwargs):
    _forget_now_and_on_commit([instance.domain])


def on_node_or_tenant_changed(sender, instance, **kwargs):
    field = "node" if sender is Node else "tenant"
    hostnames = list(Domain.objects.filter(**{field: instance.pk}).values_list("domain", flat=True))
    if hostnames:
        _forget_now_and_on_commit(hostnames)


pre_save.connect(on_domain_renaming, sender=Domain, dispatch_uid="hosts_domain_renaming")
post_save.connect(on_domain_changed, sender=Domain, dispatch_uid="hosts_domain_saved")
post_delete.connect(on_domain_changed, sender=Domain, dispatch_uid="hosts_domain_deleted")
for model in (Node, Tenant):
    post_save.connect(
        on_node_or_tenant_changed, sender=model, dispatch_uid=f"hosts_{model.__name__}"
    )
    post_delete.connect(
        on_node_or_tenant_changed, sender=model, dispatch_uid=f"hosts_{model.__name__}_deleted"
    )


def on_site_changed(sender, instance, created=False, **kwargs):
    """A Wagtail Site edited or deleted in a schema: the hosts of the nodes it serves.
    A new Site is in no cached route yet (its node's save drops the host), so building
    a site costs no lookup here."""
    if created:
        return
    nodes = Node.objects.filter(site_id=instance.pk, tenant__schema_name=connection.schema_name)
    hostnames = {
        instance.hostname,
        *Domain.objects.filter(node__in=nodes).values_list("domain", flat=True),
    }
    _forget_now_and_on_commit(sorted(hostnames))


post_save.connect(on_site_changed, sender=Site, dispatch_uid="hosts_site_saved")
post_delete.connect(on_site_changed, sender=Site, dispatch_uid="hosts_site_deleted")
