class SyndicationError(ValueError):
    """A request that is allowed but cannot be done as asked; the message is for the user."""
