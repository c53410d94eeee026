"""xfnet's URLs and /bench-insert/: one INSERT of a survey response, then a redirect
(what a vote answers with), and nothing else."""

import uuid

from django.http import HttpResponseRedirect
from django.urls import path

from surveys.models import Response
from xfnet.urls import handler404, handler500  # noqa: F401
from xfnet.urls import urlpatterns as xfnet_urlpatterns


def bare_insert(request):
    Response.objects.create(
        survey_id=int(request.POST["survey"]), node_id=request.node.pk, voter=uuid.uuid4().hex
    )
    return HttpResponseRedirect("/")


urlpatterns = [path("bench-insert/", bare_insert), *xfnet_urlpatterns]
