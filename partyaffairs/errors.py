class PartyAffairsError(Exception):
    """A refused party-affairs action; the message is one plain Chinese sentence."""
