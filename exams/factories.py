"""Question banks and exams for tests, the demo and the benchmark."""

from datetime import timedelta

import factory
from django.utils import timezone

from .models import BankQuestion, Exam, QuestionKind

SAMPLE_BANK = [
    (
        QuestionKind.SINGLE,
        "中国共产党的根本宗旨是什么？",
        "全心全意为人民服务\n实现共产主义\n发展生产力",
        "A",
    ),
    (
        QuestionKind.MULTIPLE,
        "“三会一课”中的“三会”包括哪些？",
        "支部党员大会\n支部委员会\n党小组会\n民主生活会",
        "ABC",
    ),
    (QuestionKind.JUDGE, "预备党员的预备期为一年。", "", "对"),
    (QuestionKind.BLANK, "党的最高理想和最终目标是实现______。", "", "共产主义"),
]


class BankQuestionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = BankQuestion

    node = None
    kind = QuestionKind.SINGLE
    text = factory.Sequence(lambda n: f"第{n}题")
    options = "甲\n乙\n丙\n丁"
    answer = "A"


class ExamFactory(factory.django.DjangoModelFactory):
    """`ExamFactory(node=node)`: open now for a day, 30 minutes, one attempt."""

    class Meta:
        model = Exam

    node = None
    title = "党章党规知识测试"
    opens_at = factory.LazyFunction(lambda: timezone.now() - timedelta(hours=1))
    closes_at = factory.LazyFunction(lambda: timezone.now() + timedelta(days=1))


def bank_at(node, copies: int = 1) -> list[BankQuestion]:
    """The sample bank at `node` (`copies` of each question)."""
    return [
        BankQuestionFactory(node=node, kind=kind, text=f"{text}（{n + 1}）", options=options,
                            answer=answer)
        for n in range(copies)
        for kind, text, options, answer in SAMPLE_BANK
    ]  # fmt: skip
