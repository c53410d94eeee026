"""网上考试 over HTTP: a member starts, saves answers as they go (JSON), hands in and
reads the result; a late save is refused by the server; the bank's xlsx import is all
or nothing with one sentence; results by organisation and subtree, and their xlsx."""

from datetime import timedelta
from io import BytesIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.utils import timezone
from openpyxl import Workbook, load_workbook

from exams.factories import ExamFactory, bank_at
from exams.models import Attempt, BankQuestion, Exam, ExamQuestion
from network.factories import UserFactory

pytestmark = pytest.mark.django_db

HOST = "village1.localhost"


def client_for(user, host=HOST):
    client = Client(HTTP_HOST=host)
    client.force_login(user)
    return client


def test_a_member_takes_an_exam_and_a_late_answer_is_refused(net, member_of):
    bank = bank_at(net.county1)
    exam = ExamFactory(node=net.county1, below=True, show_answers=True)
    ExamFactory._meta.model.questions.through.objects.bulk_create(
        [ExamFactory._meta.model.questions.through(exam=exam, question=q, order=n)
         for n, q in enumerate(bank)]
    )  # fmt: skip
    member = client_for(member_of(net.village1, "kv_cun"))
    assert "党章党规知识测试" in member.get("/exams/").content.decode()
    started = member.post(f"/exams/{exam.uuid}/")
    attempt = Attempt.objects.get()
    assert started.url == f"/exams/a/{attempt.pk}/"
    page = member.get(started.url).content.decode()
    assert "剩余时间" in page and "全心全意为人民服务" in page
    single, multiple, judge, blank = attempt.paper
    saved = member.post(f"/exams/a/{attempt.pk}/save/", {"question": single, "value": "A"})
    assert saved.json()["saved"] is True and 0 < saved.json()["remaining"] <= 1800
    forged = member.post(f"/exams/a/{attempt.pk}/save/", {"question": 10**9, "value": "A"})
    assert forged.status_code == 409 and "试卷中没有这道题" in forged.json()["error"]
    # the rest come with the hand-in (a page without JavaScript)
    rest = {f"q{multiple}": ["C", "A", "B"], f"q{judge}": "对", f"q{blank}": "共产主义"}
    done = member.post(f"/exams/a/{attempt.pk}/submit/", rest)
    assert done.status_code == 302
    result = member.get(done.url).content.decode()
    assert "100.0 分" in result and "及格" in result and "正确答案" in result
    # another member's paper is not theirs
    other = client_for(member_of(net.village2, "kv_cun2", "乙村党支部"), "village2.localhost")
    assert other.get(f"/exams/a/{attempt.pk}/").status_code == 404
    other.post(f"/exams/{exam.uuid}/")
    second = Attempt.objects.exclude(pk=attempt.pk).get()
    Attempt.objects.filter(pk=second.pk).update(deadline=timezone.now() - timedelta(minutes=1))
    late = other.post(f"/exams/a/{second.pk}/save/", {"question": second.paper[0], "value": "A"})
    assert late.status_code == 409 and "考试时间已到" in late.json()["error"]
    second.refresh_from_db()
    assert second.state == "timed_out" and not second.answers.exists()
    anonymous = Client(HTTP_HOST=HOST).post(f"/exams/a/{attempt.pk}/save/", {"question": single})
    assert anonymous.status_code == 302  # to the member login


def xlsx(rows) -> SimpleUploadedFile:
    book = Workbook()
    for row in rows:
        book.active.append(row)
    out = BytesIO()
    book.save(out)
    return SimpleUploadedFile("题库.xlsx", out.getvalue())


def test_the_bank_imports_all_or_nothing(net):
    staff_user = UserFactory(username="kv_staff", roles=[(net.county1, "editor")])
    staff = client_for(staff_user, "county1.localhost")
    header = ["题型", "题目", "选项A", "选项B", "选项C", "答案", "解析"]
    good = [header, ["单选题", "党的根本宗旨？", "为人民服务", "发展", "", "A", ""],
            ["判断", "预备期为一年。", "", "", "", "对", ""],
            ["填空题", "最高理想是实现____。", "", "", "", "共产主义", ""]]  # fmt: skip
    missing = [["题型", "题目", "选项A", "选项B"], ["单选题", "题", "甲", "乙"]]
    refused = staff.post("/admin/exams/", {"action": "import", "file": xlsx(missing)})
    assert refused.status_code == 400 and "缺少“答案”列" in refused.content.decode()
    bad = [
        *good,
        ["单选题", "题目", "甲", "乙", "", "E", ""],
        ["问答题", "题", "", "", "", "x", ""],
    ]
    refused = staff.post("/admin/exams/", {"action": "import", "file": xlsx(bad)})
    text = refused.content.decode()
    assert "第5行：答案“E”不是选项中的字母" in text and "第6行：题型应为" in text
    assert not BankQuestion.objects.exists()
    not_xlsx = SimpleUploadedFile("题库.xlsx", b"not a spreadsheet")
    assert (
        "无法读取"
        in staff.post("/admin/exams/", {"action": "import", "file": not_xlsx}).content.decode()
    )
    done = staff.post("/admin/exams/", {"action": "import", "file": xlsx(good)})
    assert done.status_code == 302 and BankQuestion.objects.filter(node=net.county1).count() == 3
    # a wrong question is deleted, unless a paper already holds it
    wrong = BankQuestion.objects.get(kind="judge")
    assert (
        staff.post("/admin/exams/", {"action": "delete", "question": wrong.pk}).status_code == 302
    )
    kept = BankQuestion.objects.get(kind="single")
    Attempt.objects.create(exam=ExamFactory(node=net.county1), user=staff_user, node=net.county1,
                           paper=[kept.pk], deadline=timezone.now())  # fmt: skip
    refused = staff.post("/admin/exams/", {"action": "delete", "question": kept.pk})
    assert "不能删除" in refused.content.decode() and BankQuestion.objects.count() == 2


def test_results_by_organisation_and_subtree(net, member_of):
    bank = bank_at(net.county1)
    exam = ExamFactory(node=net.county1, below=True, pass_score=60,
                       draw={"single": 1, "judge": 1})  # fmt: skip
    scores = [("kr_1", net.village1, "甲村党支部", 2), ("kr_2", net.village1, "甲村党支部", 1),
              ("kr_3", net.village2, "乙村党支部", 2)]  # fmt: skip
    keys = {q.pk: q.answer for q in bank}
    for username, node, organisation, right in scores:
        user = member_of(node, username, organisation)
        client = client_for(user, f"{'village1' if node == net.village1 else 'village2'}.localhost")
        client.post(f"/exams/{exam.uuid}/")
        attempt = Attempt.objects.get(user=user)
        answers = {f"q{pk}": (keys[pk] if n < right else "错" if keys[pk] == "对" else "B")
                   for n, pk in enumerate(attempt.paper)}  # fmt: skip
        client.post(f"/exams/a/{attempt.pk}/submit/", answers)
    staff = client_for(UserFactory(username="kr_xian", roles=[(net.county1, "webmaster")]),
                       "county1.localhost")  # fmt: skip
    page = staff.get(f"/admin/exams/{exam.pk}/results/").content.decode()
    assert "甲村党支部" in page and "乙村党支部" in page and "下级：甲镇" in page
    sheet = staff.get(f"/admin/exams/{exam.pk}/results/?format=xlsx")
    rows = list(load_workbook(BytesIO(sheet.content)).active.iter_rows(values_only=True))
    total = next(row for row in rows if row and row[0] == "合计" and row[1] is not None)
    assert total[1:5] == (3, 2, "67%", 83.3)
    jia = next(row for row in rows if row and row[0] == "甲村党支部")
    assert jia[1:5] == (2, 1, "50%", 75.0)
    # a village's staff read their own part; another county's cannot
    village = client_for(UserFactory(username="kr_cun", roles=[(net.village1, "webmaster")]))
    mine = village.get(f"/admin/exams/{exam.pk}/results/").content.decode()
    assert "甲村党支部" in mine and "乙村党支部" not in mine
    bie = client_for(UserFactory(username="kr_bie", roles=[(net.village3, "webmaster")]),
                     "village3.localhost")  # fmt: skip
    assert bie.get(f"/admin/exams/{exam.pk}/results/").status_code == 404


def test_a_fixed_paper_is_the_questions_ticked_from_the_nodes_own_bank(net):
    bank = bank_at(net.county1)
    foreign = bank_at(net.county2)[0]
    staff = client_for(UserFactory(username="kp_staff", roles=[(net.county1, "editor")]),
                       host="county1.localhost")  # fmt: skip
    opens = timezone.localtime() + timedelta(hours=1)
    form = {"title": "支部书记专题测试", "intro": "", "minutes": 30, "attempts_allowed": 1,
            "pass_score": 60, "opens_at": opens.strftime("%Y-%m-%dT%H:%M"),
            "closes_at": (opens + timedelta(days=1)).strftime("%Y-%m-%dT%H:%M")}  # fmt: skip
    page = staff.get("/admin/exams/new/").content.decode()
    assert "固定试卷的试题" in page and f'value="{bank[0].pk}"' in page
    assert f'value="{foreign.pk}"' not in page
    forged = staff.post("/admin/exams/new/", {**form, "paper": [bank[0].pk, foreign.pk]})
    assert forged.status_code == 400 and not Exam.objects.exists()
    picked = [bank[2].pk, bank[0].pk]
    assert staff.post("/admin/exams/new/", {**form, "paper": picked}).status_code == 302
    exam = Exam.objects.get()
    listed = list(ExamQuestion.objects.filter(exam=exam).values_list("question", flat=True))
    in_bank_order = BankQuestion.objects.filter(node=net.county1).values_list("pk", flat=True)
    assert listed == [pk for pk in in_bank_order if pk in picked]
    edit = staff.get(f"/admin/exams/{exam.pk}/").content.decode()
    assert edit.count("checked") == 2
