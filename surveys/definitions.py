"""A survey as answering and counting need it: its window, audience and questions,
read once and kept in the process for a few seconds (a busy vote reads it hundreds
of times a second; an edit shows within SECONDS)."""

import threading
import time
from dataclasses import dataclass
from datetime import datetime

from django.db.models import Q, QuerySet
from django.utils import timezone

from network.models import Node

from .models import QuestionKind, ResultsShown, Survey

SECONDS = 5
_cache: dict = {}
_lock = threading.Lock()


@dataclass(frozen=True)
class QuestionDef:
    id: int
    kind: str
    text: str
    options: tuple[str, ...]
    max_choices: int
    required: bool

    @property
    def counted(self) -> bool:
        return self.kind != QuestionKind.TEXT


@dataclass(frozen=True)
class SurveyDef:
    id: int
    uuid: str
    node_id: int
    node_path: str
    kind: str
    title: str
    intro: str
    audience: str
    opens_at: datetime
    closes_at: datetime
    results: str
    below: bool
    questions: tuple[QuestionDef, ...]

    def state(self, now: datetime | None = None) -> str:
        now = now or timezone.now()
        if now < self.opens_at:
            return "upcoming"
        return "open" if now < self.closes_at else "closed"

    def runs_on(self, node: Node) -> bool:
        """Answered on its own site, or on any site below when it runs below."""
        return node.pk == self.node_id or (self.below and node.path.startswith(self.node_path))

    def results_public(self, now: datetime | None = None) -> bool:
        if self.results == ResultsShown.LIVE:
            return True
        return self.results == ResultsShown.AFTER and self.state(now) == "closed"


def load(survey: Survey) -> SurveyDef:
    questions = tuple(
        QuestionDef(q.pk, q.kind, q.text, tuple(q.options), q.max_choices, q.required)
        for q in survey.questions.all()
    )
    return SurveyDef(
        survey.pk, str(survey.uuid), survey.node_id, survey.node.path, survey.kind,
        survey.title, survey.intro, survey.audience, survey.opens_at, survey.closes_at,
        survey.results, survey.below, questions,
    )  # fmt: skip


def definition(uuid) -> SurveyDef | None:
    key, now = str(uuid), time.monotonic()
    with _lock:
        held = _cache.get(key)
    if held is not None and held[0] > now:
        return held[1]
    survey = Survey.objects.select_related("node").prefetch_related("questions")
    survey = survey.filter(uuid=uuid).first()
    found = load(survey) if survey is not None else None
    with _lock:
        if len(_cache) > 1000:
            _cache.clear()
        _cache[key] = (now + SECONDS, found)
    return found


def forget(uuid) -> None:
    """This process reads the survey afresh (after its own edit)."""
    with _lock:
        _cache.pop(str(uuid), None)


def shown_on(node: Node) -> QuerySet:
    """The surveys a site shows: its own and those its ancestors run below."""
    here = Q(node=node) | Q(below=True, node__path__in=node.ancestor_paths())
    return Survey.objects.filter(here).select_related("node").order_by("-opens_at", "-pk")
