"""The public board (/messages/), wired in xfnet.urls."""

from django.urls import path

from .views.public import answer_page, board

urlpatterns = [
    path("", board, name="message_board"),
    path("<uuid:uuid>/", answer_page, name="message_answer"),
]
