from django.apps import AppConfig


class PartyAffairsConfig(AppConfig):
    """党务管理: each node's party organisations, members, meetings and recruits.

    The records live in the schema that holds the node's site (a tenant app); what
    crosses nodes (transfers, member accounts, the audit trail, leaders' figures)
    lives in the public schema (partyaffairs.ledger).
    """

    name = "partyaffairs"
    label = "partyaffairs"
    verbose_name = "党务管理"
    default_auto_field = "django.db.models.BigAutoField"
