"""How a person is shown to colleagues: by real name and unit, not by login name."""


def real_name(first_name: str, last_name: str, username: str) -> str:
    """王秀英 (family name first, as Chinese names are written), else the login name."""
    return f"{last_name}{first_name}".strip() or username


def person(user, unit=None) -> str:
    """王秀英（上派镇）: a user's real name and, when given, the unit they acted for."""
    if user is None:
        return ""
    name = real_name(user.first_name, user.last_name, user.get_username())
    return f"{name}（{unit.name}）" if unit is not None else name
