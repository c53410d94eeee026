"""A node's party register, in the schema that holds the node's site.

Rows name their node by its code (`node_code`, as a site's HomePage does): several
grassroots nodes share their county's schema, and nothing here has a foreign key out
of the schema except to accounts in public.
"""

from .importjob import ImportJob, ImportState
from .meeting import Appraisal, Meeting, MeetingKind, MeetingPhoto
from .member import Commendation, Member, MemberEvent, MemberStatus
from .organisation import Organisation, OrganisationKind
from .recruit import Recruit, RecruitStage

__all__ = [
    "Appraisal",
    "Commendation",
    "ImportJob",
    "ImportState",
    "Meeting",
    "MeetingKind",
    "MeetingPhoto",
    "Member",
    "MemberEvent",
    "MemberStatus",
    "Organisation",
    "OrganisationKind",
    "Recruit",
    "RecruitStage",
]
