"""网上考试 in the demo: 肥西县's bank and an exam for every member below it, which
the demo member has taken once."""

from demo.party import MEMBER_LOGIN
from exams.factories import ExamFactory, bank_at
from exams.models import Exam
from exams.taking import start, submit
from network.models import Node
from partyaffairs.ledger.models import MemberAccount

COUNTY = "340123"


def build_demo_exams(log=print):
    """Idempotent: made once."""
    if Exam.objects.exists():
        return
    county = Node.objects.get(code=COUNTY)
    bank_at(county, copies=3)
    exam = ExamFactory(node=county, below=True, title="肥西县党章党规知识测试", minutes=20,
                       attempts_allowed=2, draw={"single": 3, "multiple": 2, "judge": 2,
                                                 "blank": 1})  # fmt: skip
    account = MemberAccount.objects.filter(user__username=MEMBER_LOGIN).first()
    if account is not None:
        attempt = start(exam, account.user)
        submit(attempt.pk, account.user, {str(attempt.paper[0]): "A"})
    log(f"  网上考试：{county.name}题库 12 道题，一场面向全县党员的考试（演示党员已考一次）")
