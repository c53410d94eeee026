"""网上考试 on a phone (375×812, touch): a member logs in, starts the county's exam,
answers by tapping — each answer saved by the page as it changes, before any hand-in
(the connection could drop now and nothing would be lost) — reloads to find the
answers still there, hands in and reads the score; every screen fits the phone."""

from decimal import Decimal

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django_tenants.utils import schema_context

from exams.factories import ExamFactory, bank_at
from exams.models import Answer, Attempt, BankQuestion, Exam
from network.models import Node
from partyaffairs.factories import MemberFactory, OrganisationFactory
from partyaffairs.ledger.models import MemberAccount
from partyaffairs.models import Member, Organisation
from tests.browser.conftest import PHONE, fits_the_phone, member_logs_in

pytestmark = pytest.mark.browser

PASSWORD = "Cun-kaoshi-2026"


@pytest.fixture
def exam_and_member(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        village = Node.objects.select_related("tenant").get(code="340111001001")
        county = Node.objects.get(code="340111")
        with schema_context(village.tenant.schema_name):
            branch = OrganisationFactory(node_code=village.code, name="甲村党支部")
            record = MemberFactory(organisation=branch, name="王建国")
        user = get_user_model().objects.create_user("phone_kaoshi", password=PASSWORD)
        MemberAccount.objects.create(user=user, node=village, member_uuid=record.uuid)
        bank_at(county)
        exam = ExamFactory(node=county, below=True, draw={"single": 1, "judge": 1})
        yield exam, user
        Exam.objects.all().delete()
        BankQuestion.objects.all().delete()
        MemberAccount.objects.filter(user=user).delete()
        with schema_context(village.tenant.schema_name):
            Member.objects.all().delete()
            Organisation.objects.all().delete()
            get_user_model().objects.filter(pk=user.pk).delete()
        connection.set_schema_to_public()


def test_an_exam_taken_on_a_phone_saves_each_answer_as_it_goes(
    chromium, live_server_url, exam_and_member, django_db_blocker
):
    from playwright.sync_api import expect, sync_playwright

    _, user = exam_and_member

    def arrived(page, name):
        fits_the_phone(page, name, "exam")

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=["--no-sandbox"])
        try:
            phone = browser.new_context(**PHONE)
            page = phone.new_page()
            member_logs_in(page, live_server_url, user.username, PASSWORD)
            page.goto(live_server_url + "/exams/")
            arrived(page, "list")
            with page.expect_navigation():  # a new page: wait for it, not the old one
                page.get_by_role("link", name="党章党规知识测试").click()
            arrived(page, "start")
            with page.expect_navigation():
                page.get_by_role("button", name="开始考试").tap()
            page.wait_for_url("**/exams/a/**")
            arrived(page, "paper")
            assert "剩余时间" in page.content()
            page.get_by_label("A. 全心全意为人民服务").check()
            page.locator(".exam-question", has_text="预备期").get_by_label("对").check()
            for status in page.locator(".saved").all():  # the page's own word that it saved
                expect(status).to_have_text("已保存")
            page.reload()
            arrived(page, "reloaded")
            assert page.get_by_label("A. 全心全意为人民服务").is_checked()
            hand_in = page.get_by_role("button", name="交卷")
            assert hand_in.bounding_box()["height"] >= 44
            with page.expect_navigation():
                hand_in.tap()
            page.wait_for_url("**/exams/a/**")
            arrived(page, "result")
            assert "100.0 分" in page.content()
        finally:
            browser.close()
    with django_db_blocker.unblock():
        attempt = Attempt.objects.get()
        assert (
            attempt.score == Decimal("100.0")
            and Answer.objects.filter(attempt=attempt).count() == 2
        )
