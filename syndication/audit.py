"""The audit trail: every action on a story, with who, where and when."""

from .models import AuditEvent


def record(story, node, actor, action, detail="") -> AuditEvent:
    actor = actor if actor is not None and actor.is_authenticated else None
    return AuditEvent.objects.create(
        story=story, node=node, actor=actor, action=action, detail=detail[:255]
    )


def trail(story):
    return story.events.select_related("node", "actor")
