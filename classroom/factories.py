"""Courses and lessons for tests, the demo and the benchmark."""

import factory

from .models import Course, Lesson


class CourseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Course

    title = "学习贯彻党的二十大精神"
    intro = "分四讲解读党的二十大报告，每讲配有教案和视频。"
    published = True
    below = True


class LessonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Lesson

    course = factory.SubFactory(CourseFactory)
    order = factory.Sequence(lambda n: n + 1)
    title = factory.Sequence(lambda n: f"第{n + 1}讲")
    plan = "<p>一、学习目标</p><p>二、主要内容</p>"
