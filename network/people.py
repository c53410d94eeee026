"""How a person is shown: to colleagues by real name and unit, not by login name; to
the public masked (张**), on the message board and in the forums alike."""


def real_name(first_name: str, last_name: str, username: str) -> str:
    """王秀英 (family name first, as Chinese names are written), else the login name."""
    return f"{last_name}{first_name}".strip() or username


def person(user, unit=None) -> str:
    """王秀英（上派镇）: a user's real name and, when given, the unit they acted for."""
    if user is None:
        return ""
    name = real_name(user.first_name, user.last_name, user.get_username())
    return f"{name}（{unit.name}）" if unit is not None else name


def masked(name: str) -> str:
    """张** for 张小明, 王* for 王芳, * for a one-character name (it would be whole):
    a name shown to the public. 匿名 when there is none."""
    name = (name or "").strip()
    if not name:
        return "匿名"
    if len(name) == 1:
        return "*"
    return name[0] + "*" * min(len(name) - 1, 3)
