"""调查投票 on every site (/surveys/): the surveys the site shows, one survey's form
(or, once answered or closed, its results when they are public), the answer, and the
live figures as JSON for the results chart. Never cached: answers are per browser."""

from django.http import Http404, HttpResponseRedirect, JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache

from network.addresses import client_ip

from ..definitions import definition, shown_on
from ..models import Response
from ..responding import Refused, new_browser_token, respond, voter_for
from ..results import tally

COOKIE = "xfvoter"
COOKIE_SECONDS = 365 * 24 * 3600


def _site(request):
    node = getattr(request, "node", None)
    if node is None:
        raise Http404
    return node


def _survey(request, uuid):
    site, survey = _site(request), definition(uuid)
    if survey is None or not survey.runs_on(site):
        raise Http404("本站没有这项调查。")
    return site, survey


@never_cache
def survey_list(request):
    site = _site(request)
    context = {"node": site, "surveys": list(shown_on(site)[:50])}
    return render(request, "surveys/list.html", context)


@never_cache
def survey_page(request, uuid):
    site, survey = _survey(request, uuid)
    token = request.COOKIES.get(COOKIE)
    error = None
    if request.method == "POST":
        try:
            voter = voter_for(survey, request.user, token)
            respond(survey, site, voter, client_ip(request), request.POST)
        except Refused as refused:
            error = str(refused)
        else:
            return HttpResponseRedirect(f"/surveys/{survey.uuid}/?done=1")
    answered = _answered(survey, request.user, token)
    scope = None if site.pk == survey.node_id else site
    show = survey.results_public() and (answered or survey.state() != "open")
    context = {
        "node": site, "survey": survey, "state": survey.state(), "answered": answered,
        "error": error, "typed": request.POST if error else {}, "done": "done" in request.GET,
        "tally": tally(survey, scope) if show else None, "scope": scope,
    }  # fmt: skip
    response = render(request, "surveys/survey.html", context, status=400 if error else 200)
    if not token:
        response.set_cookie(COOKIE, new_browser_token(), max_age=COOKIE_SECONDS,
                            httponly=True, samesite="Lax")  # fmt: skip
    return response


def _answered(survey, user, token) -> bool:
    try:
        voter = voter_for(survey, user, token)
    except Refused:
        return False
    return Response.objects.filter(survey_id=survey.id, voter=voter).exists()


@never_cache
def survey_results(request, uuid):
    """The figures for the live chart (polled), when they are public."""
    site, survey = _survey(request, uuid)
    if not survey.results_public():
        raise Http404("结果暂不公开。")
    scope = None if site.pk == survey.node_id else site
    figures = tally(survey, scope)
    return JsonResponse({
        "responses": figures.responses,
        "questions": [
            {"id": r.question.id, "labels": r.labels, "counts": r.counts, "answered": r.answered,
             "average": r.average}
            for r in figures.questions
        ],
    })  # fmt: skip
