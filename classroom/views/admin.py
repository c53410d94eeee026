"""网上课堂 in the admin: the node's courses, a course with its lessons and members'
progress, a lesson's form with its attachments."""

from django.contrib import messages
from django.db.models import Count, Q
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse

from network.screens import NodeScreen

from ..access import may_keep_courses
from ..forms import AttachmentForm, CourseForm, LessonForm
from ..models import Course, Lesson, Progress
from ..queries import completed_by


class CourseScreen(NodeScreen):
    header_icon = "group"
    page_title = "网上课堂"
    refusal = "您不是该站点的编辑或组织员，不能管理课程。"

    def allowed(self, user, node) -> bool:
        return may_keep_courses(user, node)

    def course(self, pk) -> Course:
        course = Course.objects.filter(pk=pk, node=self.node).first()
        if course is None:
            raise Http404("没有这门课程。")
        return course


class CourseListView(CourseScreen):
    template_name = "classroom/admin/list.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        courses = Course.objects.filter(node=self.node).annotate(lesson_count=Count("lessons"))
        context.update(courses=courses, form=kwargs.get("form") or CourseForm())
        return context

    def post(self, request, *args, **kwargs):
        form = CourseForm(request.POST)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form), status=400)
        course = form.save(commit=False)
        course.node = self.node
        course.save()
        messages.success(request, f"已新建课程“{course.title}”，请添加课时。")
        return redirect(reverse("xf_course", args=[course.pk]))


class CourseView(CourseScreen):
    template_name = "classroom/admin/course.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        course = self.course(kwargs["pk"])
        lessons = course.lessons.select_related("video").annotate(
            learnt=Count("progress", filter=Q(progress__completed_at__isnull=False))
        )
        learners = Progress.objects.filter(lesson__course=course).values("user").distinct()
        context.update(course=course, lessons=lessons, learners=learners.count(),
                       completed=completed_by(course),
                       form=kwargs.get("form") or CourseForm(instance=course))  # fmt: skip
        return context

    def post(self, request, *args, **kwargs):
        course = self.course(kwargs["pk"])
        if request.POST.get("action") == "delete":
            course.delete()
            messages.success(request, f"已删除课程“{course.title}”。")
            return redirect(reverse("xf_courses"))
        form = CourseForm(request.POST, instance=course)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form, **kwargs), status=400)
        form.save()
        messages.success(request, "课程已保存。")
        return redirect(reverse("xf_course", args=[course.pk]))


class LessonView(CourseScreen):
    """New (no lesson pk) or existing lesson of a course."""

    template_name = "classroom/admin/lesson.html"

    def lesson(self, course, lesson_pk):
        if lesson_pk is None:
            return Lesson(course=course, order=course.lessons.count() + 1)
        lesson = Lesson.objects.filter(pk=lesson_pk, course=course).first()
        if lesson is None:
            raise Http404("没有这一课时。")
        return lesson

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        course = self.course(kwargs["pk"])
        lesson = kwargs.get("lesson") or self.lesson(course, kwargs.get("lesson_pk"))
        form = kwargs.get("form") or LessonForm(instance=lesson, node=self.node)
        context.update(course=course, lesson=lesson, form=form, media=form.media,
                       attachment_form=kwargs.get("attachment_form") or AttachmentForm(),
                       attachments=lesson.attachments.all() if lesson.pk else [])  # fmt: skip
        return context

    def post(self, request, *args, **kwargs):
        course = self.course(kwargs["pk"])
        lesson = self.lesson(course, kwargs.get("lesson_pk"))
        action = request.POST.get("action")
        if action == "delete" and lesson.pk:
            lesson.delete()
            messages.success(request, f"已删除课时“{lesson.title}”。")
            return redirect(reverse("xf_course", args=[course.pk]))
        if action == "attach" and lesson.pk:
            return self.attach(request, lesson, kwargs)
        if action == "detach" and lesson.pk:
            lesson.attachments.filter(pk=request.POST.get("attachment")).delete()
            return redirect(reverse("xf_lesson", args=[course.pk, lesson.pk]))
        form = LessonForm(request.POST, instance=lesson, node=self.node)
        if not form.is_valid():
            return self.render_to_response(
                self.get_context_data(form=form, lesson=lesson, **kwargs), status=400
            )
        lesson = form.save()
        messages.success(request, f"课时“{lesson.title}”已保存。")
        return redirect(reverse("xf_lesson", args=[course.pk, lesson.pk]))

    def attach(self, request, lesson, kwargs):
        form = AttachmentForm(request.POST, request.FILES)
        if not form.is_valid():
            context = self.get_context_data(attachment_form=form, lesson=lesson, **kwargs)
            return self.render_to_response(context, status=400)
        attachment = form.save(commit=False)
        attachment.lesson = lesson
        attachment.save()
        messages.success(request, f"已添加附件“{attachment.title}”。")
        return redirect(reverse("xf_lesson", args=[lesson.course_id, lesson.pk]))
