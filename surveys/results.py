"""调查结果, read: responses and counts per option (ratings as a distribution and an
average), for the whole survey, a subtree of the sites it ran on, or one site per
row; the figures a page shows are cached for a second or two, so a results page
under a running vote reads the database at most that often."""

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from django.core.cache import caches
from django.db.models import Count

from network.models import Node

from .definitions import QuestionDef, SurveyDef
from .models import Choice, QuestionKind, Response

CACHE_SECONDS = 2


@dataclass
class QuestionResult:
    question: QuestionDef
    counts: list[int] = field(default_factory=list)  # per option, or per rating 1-5
    answered: int = 0
    average: float | None = None

    @property
    def labels(self) -> list[str]:
        if self.question.kind == QuestionKind.RATING:
            return [f"{n} 分" for n in range(1, 6)]
        return list(self.question.options)

    @property
    def rows(self) -> list[tuple[str, int, int]]:
        """(label, count, percent of those who answered)."""
        total = self.answered or 1
        return [
            (label, n, round(100 * n / total))
            for label, n in zip(self.labels, self.counts, strict=True)
        ]


@dataclass
class Tally:
    responses: int
    questions: list[QuestionResult]


def tally(survey: SurveyDef, scope: Node | None = None) -> Tally:
    """The survey's figures (on `scope` and the sites below it when given)."""
    key = f"xfsurvey:tally:{survey.id}:{scope.pk if scope else 0}"
    cache = caches["pages"]
    found = cache.get(key)
    if found is None:
        found = count(survey, scope)
        cache.set(key, found, CACHE_SECONDS)
    return found


def _scoped(queryset, scope: Node | None):
    return queryset if scope is None else queryset.filter(node__path__startswith=scope.path)


def count(survey: SurveyDef, scope: Node | None = None) -> Tally:
    responses = _scoped(Response.objects.filter(survey_id=survey.id), scope).count()
    rows = (
        _scoped(Choice.objects.filter(survey_id=survey.id), scope)
        .values("question_id", "option", "rating")
        .annotate(n=Count("pk"))
        .order_by()
    )
    answered = dict(
        _scoped(Choice.objects.filter(survey_id=survey.id), scope)
        .values("question_id")
        .annotate(n=Count("response_id", distinct=True))
        .order_by()
        .values_list("question_id", "n")
    )
    by_question = defaultdict(Counter)
    for row in rows:
        value = row["option"] if row["option"] is not None else row["rating"]
        by_question[row["question_id"]][value] += row["n"]
    results = []
    for question in survey.questions:
        if not question.counted:
            continue
        counts, average = _counts(question, by_question[question.id]), None
        if question.kind == QuestionKind.RATING and sum(counts):
            average = round(
                sum(n * c for n, c in zip(range(1, 6), counts, strict=True)) / sum(counts), 2
            )
        results.append(QuestionResult(question, counts, answered.get(question.id, 0), average))
    return Tally(responses, results)


@dataclass
class SiteRow:
    node: Node
    responses: int
    counts: dict[int, list[int]]  # question id: per option (or rating 1-5)


def by_site(survey: SurveyDef, scope: Node | None = None) -> list[SiteRow]:
    """Every site that answered (in `scope` when given), in tree order, with its
    responses and its counts per question."""
    responses = dict(
        _scoped(Response.objects.filter(survey_id=survey.id), scope)
        .values("node_id").annotate(n=Count("pk")).order_by().values_list("node_id", "n")
    )  # fmt: skip
    ticks = defaultdict(lambda: defaultdict(Counter))
    rows = (
        _scoped(Choice.objects.filter(survey_id=survey.id), scope)
        .values("node_id", "question_id", "option", "rating")
        .annotate(n=Count("pk"))
        .order_by()
    )
    for row in rows:
        value = row["option"] if row["option"] is not None else row["rating"]
        ticks[row["node_id"]][row["question_id"]][value] += row["n"]
    counted = [q for q in survey.questions if q.counted]
    return [
        SiteRow(node, responses[node.pk], {q.id: _counts(q, ticks[node.pk][q.id]) for q in counted})
        for node in Node.objects.filter(pk__in=responses).order_by("path")
    ]


def _counts(question: QuestionDef, seen: Counter) -> list[int]:
    if question.kind == QuestionKind.RATING:
        return [seen[n] for n in range(1, 6)]
    return [seen[n] for n in range(len(question.options))]


def texts(survey: SurveyDef, limit: int = 200) -> list[tuple[str, str, str]]:
    """(site name, question, text) of the latest free-text answers, for staff."""
    questions = {str(q.id): q.text for q in survey.questions if not q.counted}
    rows = (
        Response.objects.filter(survey_id=survey.id)
        .exclude(texts={})
        .select_related("node")
        .order_by("-pk")[:limit]
    )
    return [
        (row.node.name, questions.get(qid, ""), text)
        for row in rows
        for qid, text in row.texts.items()
    ]
