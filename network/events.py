"""What changes to the tree announce, for what shows the tree (the page cache) to hear
without the provisioning service importing it."""

from django.dispatch import Signal

# Nodes were made (committed): each parent's site lists its child sites.
nodes_added = Signal()  # nodes
