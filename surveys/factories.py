"""Surveys for tests, the demo and the benchmark."""

from datetime import timedelta

import factory
from django.utils import timezone

from .models import Question, QuestionKind, Survey, SurveyKind


class SurveyFactory(factory.django.DjangoModelFactory):
    """`SurveyFactory(node=node)`: a public vote open now for a week."""

    class Meta:
        model = Survey

    node = None
    kind = SurveyKind.VOTE
    title = "最美村（社区）党组织书记评选"
    opens_at = factory.LazyFunction(lambda: timezone.now() - timedelta(hours=1))
    closes_at = factory.LazyFunction(lambda: timezone.now() + timedelta(days=7))


class QuestionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Question

    survey = None
    kind = QuestionKind.SINGLE
    text = factory.Sequence(lambda n: f"第{n}题")
    choices = "王建国\n李秀英\n张志强"


def vote_with(node, *questions, **fields) -> Survey:
    """A survey at `node` with these questions ((kind, text, choices) each)."""
    survey = SurveyFactory(node=node, **fields)
    for order, (kind, text, choices) in enumerate(questions):
        QuestionFactory(survey=survey, order=order, kind=kind, text=text, choices=choices)
    return survey
