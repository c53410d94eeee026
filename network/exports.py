"""What every spreadsheet the network writes does to a text cell (the leaderboard,
the party registers): one a spreadsheet could run as a formula is written as text."""

# What makes a spreadsheet read a cell as a formula (CSV injection, OWASP).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def as_text(value: str) -> str:
    """A name as a cell shows it: one that could start a formula gets a leading '."""
    return f"'{value}" if value.startswith(FORMULA_STARTS) else value
