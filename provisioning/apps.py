from django.apps import AppConfig


class ProvisioningConfig(AppConfig):
    """Building the network: adding, importing and removing nodes and their sites.

    Above the tree and the page types, because a node is not added until its site is.
    """

    name = "provisioning"
    label = "provisioning"
    verbose_name = "站群建设"
