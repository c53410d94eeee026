"""调查投票 on every site (/surveys/), wired in xfnet.urls."""

from django.urls import path

from .views.public import survey_list, survey_page, survey_results

urlpatterns = [
    path("", survey_list, name="survey_list"),
    path("<uuid:uuid>/", survey_page, name="survey_page"),
    path("<uuid:uuid>/results.json", survey_results, name="survey_results"),
]
