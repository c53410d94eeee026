from django.apps import AppConfig


class PartyLedgerConfig(AppConfig):
    """The public schema's side of party affairs: shared by every node."""

    name = "partyaffairs.ledger"
    label = "partyledger"
    verbose_name = "党务台账"
    default_auto_field = "django.db.models.BigAutoField"
