"""我的学习积分 in 个人中心, wired in xfnet.urls before partyaffairs' /my/."""

from django.urls import path

from .views.my import my_points

urlpatterns = [path("", my_points, name="my_points")]
