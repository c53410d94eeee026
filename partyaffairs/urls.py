"""The public site's 个人中心 (/my/), wired in xfnet.urls."""

from django.contrib.auth import views as auth_views
from django.urls import path

from .views.my import LoginView, my_home, my_research_view

urlpatterns = [
    path("", my_home, name="my_home"),
    path("login/", LoginView.as_view(), name="my_login"),
    path("research/", my_research_view, name="my_research"),
    path("logout/", auth_views.LogoutView.as_view(next_page="/my/login/"), name="my_logout"),
]
