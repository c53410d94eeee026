"""Working days by the centre's calendar: what timeliness rules and 公示 periods count."""

from datetime import date, timedelta

from .models import CALENDAR_CACHE_KEY, CalendarDay, DayKind, shared_cache

CALENDAR_SECONDS = 3600
# a rule asks for at most a season; more is a mistake, and would walk long
MAX_WORKING_DAYS = 366


def marked_days() -> dict[date, str]:
    """{day: kind} of every day the centre marked (a few dozen a year), cached."""
    marked = shared_cache().get(CALENDAR_CACHE_KEY)
    if marked is None:
        marked = dict(CalendarDay.objects.values_list("day", "kind"))
        shared_cache().set(CALENDAR_CACHE_KEY, marked, CALENDAR_SECONDS)
    return marked


def is_working_day(day: date, marked: dict | None = None) -> bool:
    marked = marked_days() if marked is None else marked
    kind = marked.get(day)
    if kind is not None:
        return kind == DayKind.WORKDAY
    return day.weekday() < 5


def working_days_after(start: date, days: int) -> date:
    """The day that is `days` working days after `start`."""
    _check(days)
    marked, day = marked_days(), start
    while days:
        day += timedelta(days=1)
        if is_working_day(day, marked):
            days -= 1
    return day


def working_days_before(end: date, days: int) -> date:
    """The day that is `days` working days before `end`."""
    _check(days)
    marked, day = marked_days(), end
    while days:
        day -= timedelta(days=1)
        if is_working_day(day, marked):
            days -= 1
    return day


def working_days_between(start: date, end: date) -> int:
    """Working days after `start` up to and including `end` (0 when end ≤ start)."""
    marked = marked_days()
    return sum(
        is_working_day(start + timedelta(days=offset), marked)
        for offset in range(1, (end - start).days + 1)
    )


def _check(days: int) -> None:
    if not 0 <= days <= MAX_WORKING_DAYS:
        raise ValueError(f"工作日数须在 0 到 {MAX_WORKING_DAYS} 之间。")
