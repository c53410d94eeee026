"""网上课堂 over HTTP: courses shown where they are offered (never on another county's
sites, never unpublished), the player's reports as JSON with refusals in one sentence,
and the admin's course and lesson forms (a video of another county refused)."""

import json
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from classroom.factories import CourseFactory, LessonFactory
from classroom.models import Course, Lesson
from network.factories import UserFactory
from videos.factories import VideoFactory

pytestmark = pytest.mark.django_db


def contentstate(text=""):
    """What the page editor (Draftail) posts for a plan."""
    block = {"key": "a1", "text": text, "type": "unstyled", "depth": 0,
             "inlineStyleRanges": [], "entityRanges": []}  # fmt: skip
    return json.dumps({"blocks": [block], "entityMap": {}})


def client_for(user=None, host="village1.localhost"):
    client = Client(HTTP_HOST=host)
    if user is not None:
        client.force_login(user)
    return client


def test_courses_are_shown_where_they_are_offered(net):
    county = CourseFactory(node=net.county1, title="县委党校专题课")
    LessonFactory(course=county, title="第一讲 初心使命")
    CourseFactory(node=net.county2, title="乙县课程")
    CourseFactory(node=net.county1, title="未发布课程", published=False)
    CourseFactory(node=net.county1, title="县本级课程", below=False)
    page = client_for().get("/classroom/").content.decode()
    assert "县委党校专题课" in page
    assert "乙县课程" not in page and "未发布课程" not in page and "县本级课程" not in page
    assert "第一讲 初心使命" in client_for().get(county.get_url()).content.decode()
    other = client_for(host="village3.localhost")
    assert other.get(county.get_url()).status_code == 404
    hidden = Course.objects.get(title="未发布课程")
    assert client_for(host="county1.localhost").get(hidden.get_url()).status_code == 404


def test_the_players_reports_and_their_refusals(net, member_of):
    lesson = LessonFactory(course=CourseFactory(node=net.county1),
                           video=VideoFactory(node=net.county1, duration=4))  # fmt: skip
    url = f"/classroom/lesson/{lesson.uuid}/progress/"
    member = client_for(member_of(net.village1, "cv_member"))
    page = member.get(lesson.get_url()).content.decode()
    assert f'data-progress="{url}"' in page and "hls.light.min.js" in page
    answer = member.post(url, {"start": "0", "position": "1.5"})
    assert answer.status_code == 200 and answer.json()["watched"] == 1.5
    bad = member.post(url, {"start": "x", "position": "nan"})
    assert bad.status_code == 400 and bad.json()["error"] == "进度数据不正确。"
    refused = client_for().post(url, {"start": "0", "position": "1"})
    assert refused.status_code == 400 and "党员" in refused.json()["error"]
    elsewhere = client_for(member_of(net.village3, "cv_far"), host="village3.localhost")
    assert elsewhere.post(url, {"start": "0", "position": "1"}).status_code == 404


def test_a_plan_only_lesson_is_marked_with_a_plain_form(net, member_of):
    lesson = LessonFactory(course=CourseFactory(node=net.village1), video=None)
    member = client_for(member_of(net.village1, "cv_plan"))
    assert "学完本课" in member.get(lesson.get_url()).content.decode()
    early = member.post(f"/classroom/lesson/{lesson.uuid}/done/")
    assert early.status_code == 400 and "请先认真阅读教案" in early.content.decode()


def test_the_admin_makes_a_course_and_a_lesson_with_a_video_of_its_own(net):
    staff = client_for(UserFactory(username="cv_staff", roles=[(net.county1, "editor")]),
                       host="county1.localhost")  # fmt: skip
    made = staff.post("/admin/classroom/", {"title": "新党章学习", "intro": "", "below": "on",
                                           "published": "on"})  # fmt: skip
    course = Course.objects.get(title="新党章学习")
    assert made.url == f"/admin/classroom/{course.pk}/" and course.node == net.county1
    own = VideoFactory(node=net.county1, title="本县视频")
    foreign = VideoFactory(node=net.county2, title="乙县视频")
    new = f"/admin/classroom/{course.pk}/lessons/new/"
    empty = staff.post(new, {"title": "第一课", "order": 1, "plan": contentstate()})
    assert empty.status_code == 400 and "至少一项" in empty.content.decode()
    forged = staff.post(
        new, {"title": "第一课", "order": 1, "video": foreign.pk, "plan": contentstate("教案")}
    )
    assert forged.status_code == 400 and not Lesson.objects.exists()
    saved = staff.post(
        new,
        {
            "title": "第一课",
            "order": 1,
            "video": own.pk,
            "plan": contentstate("<script>alert(1)</script>学习目标"),
        },
    )
    assert saved.status_code == 302
    lesson = Lesson.objects.get()
    assert lesson.video == own and "<script>" not in lesson.plan and "学习目标" in lesson.plan
    shown = client_for().get(lesson.get_url()).content.decode()
    assert "&lt;script&gt;alert(1)" in shown and "<script>alert" not in shown
    attached = staff.post(f"/admin/classroom/{course.pk}/lessons/{lesson.pk}/", {
        "action": "attach", "title": "学习提纲",
        "file": SimpleUploadedFile("tigang.pdf", b"%PDF-1.4 outline"),
    })  # fmt: skip
    assert attached.status_code == 302
    # in a folder nobody can guess: an unpublished course's files are not found by name
    assert re.fullmatch(r"classroom/[0-9a-f]{32}/tigang\.pdf", lesson.attachments.get().file.name)
    # a delete posted to the new-lesson form (nothing saved yet) is just an invalid form
    assert staff.post(new, {"action": "delete"}).status_code == 400
    village = client_for(UserFactory(username="cv_cun", roles=[(net.village1, "editor")]))
    assert village.get(f"/admin/classroom/{course.pk}/").status_code == 404
    stranger = client_for(UserFactory(username="cv_bie", roles=[(net.county2, "editor")]),
                          host="county1.localhost")  # fmt: skip
    assert stranger.get("/admin/classroom/").status_code == 403
