"""Answering a survey: who may (the window, the site, the audience), what counts as
an answer (options of that question only, within its limits), one response per
member or browser, and a cap per address for the public. Written in one transaction:
the response and its choices, or nothing."""

import json
import secrets
from contextlib import nullcontext

from django.conf import settings
from django.db import IntegrityError, connection, transaction
from django.utils import timezone
from django.utils.html import strip_tags

from network.limits import count_in_window
from network.models import Node
from sensitivewords.checking import check_text, refusal

from .definitions import QuestionDef, SurveyDef
from .models import RATINGS, Audience, Choice, QuestionKind, Response

MAX_TEXT = 500


class Refused(Exception):
    """An answer turned away; the sentence says why."""


def new_browser_token() -> str:
    return secrets.token_urlsafe(18)


def voter_for(survey: SurveyDef, user, browser_token: str | None) -> str:
    """Who is answering, as the one-response rule counts them."""
    if survey.audience == Audience.MEMBERS:
        account = getattr(user, "member_account", None) if user.is_authenticated else None
        if account is None:
            raise Refused("这项调查只面向党员，请先登录个人中心。")
        if not (account.node.path.startswith(survey.node_path)):
            raise Refused("这项调查不面向您所在的党组织。")
        return f"m{account.pk}"
    if not browser_token or len(browser_token) > 60:
        raise Refused("请从调查页面提交（浏览器需要允许 Cookie）。")
    return f"b{browser_token}"


def respond(survey: SurveyDef, site: Node, voter: str, address: str, data) -> int:
    """Record one response from `data` (the posted form: "q<id>" options or rating,
    "t<id>" text); returns its id. Raises Refused with one sentence; nothing is
    written then."""
    state = survey.state()
    if state != "open":
        raise Refused("调查尚未开始。" if state == "upcoming" else "调查已经结束。")
    if not survey.runs_on(site):
        raise Refused("本站没有开展这项调查。")
    choices, texts = [], {}
    for question in survey.questions:
        picked = _answer(question, data)
        if isinstance(picked, str):
            if picked:
                texts[str(question.id)] = picked
        else:
            choices += [(question.id, option, rating) for option, rating in picked]
    if not choices and not texts:
        raise Refused("请至少回答一道题。")
    if survey.audience == Audience.PUBLIC:
        _count_address(survey, address)
    try:
        return _write(survey.id, site.pk, voter, address or None, texts, choices)
    except IntegrityError:
        raise Refused("您已经参加过这项调查，每人只能提交一次。") from None


def _write(survey_id, node_id, voter, address, texts, choices) -> int:
    """The response and its choices in one statement (one round trip, atomic by
    itself): a vote's cost is mostly round trips, and a busy vote makes hundreds a
    second. Returns the response's id."""
    response, choice = Response._meta.db_table, Choice._meta.db_table
    params = [survey_id, node_id, voter, address, json.dumps(texts), timezone.now()]
    insert = (
        f"INSERT INTO {response} (survey_id, node_id, voter, address, texts, created_at)"
        " VALUES (%s, %s, %s, %s, %s, %s) RETURNING id"
    )
    if choices:
        rows = ", ".join(["(%s, %s::smallint, %s::smallint)"] * len(choices))
        for question_id, option, rating in choices:
            params += [question_id, option, rating]
        insert = (
            f"WITH made AS ({insert}), ticked AS ("
            f" INSERT INTO {choice} (response_id, survey_id, question_id, node_id, option, rating)"
            f" SELECT made.id, {int(survey_id)}, v.q, {int(node_id)}, v.o, v.r"
            f" FROM made, (VALUES {rows}) AS v(q, o, r))"
            " SELECT id FROM made"
        )
    # inside a caller's transaction a savepoint keeps it usable after a refusal;
    # alone (a request in autocommit) the statement is its own transaction
    guard = transaction.atomic() if connection.in_atomic_block else nullcontext()
    with guard, connection.cursor() as cursor:
        cursor.execute(insert, params)
        return cursor.fetchone()[0]


def _answer(question: QuestionDef, data):
    """[(option, rating)] for a counted question, the text for a text question."""
    name = f"q{question.id}"
    if question.kind == QuestionKind.TEXT:
        text = strip_tags(data.get(f"t{question.id}", "")).strip()
        if question.required and not text:
            raise Refused(f"请回答：{question.text}")
        if len(text) > MAX_TEXT:
            raise Refused(f"“{question.text}”的回答不能超过{MAX_TEXT}字。")
        if text and (sentence := refusal(check_text(text))) is not None:
            raise Refused(sentence)
        return text
    values = data.getlist(name) if hasattr(data, "getlist") else data.get(name, [])
    if not values:
        if question.required:
            raise Refused(f"请回答：{question.text}")
        return []
    try:
        numbers = sorted({int(value) for value in values})
    except (TypeError, ValueError):
        raise Refused("提交的选项无效，请刷新页面后重新选择。") from None
    if question.kind == QuestionKind.RATING:
        if len(numbers) != 1 or numbers[0] not in RATINGS:
            raise Refused("提交的选项无效，请刷新页面后重新选择。")
        return [(None, numbers[0])]
    if any(not 0 <= n < len(question.options) for n in numbers):
        raise Refused("提交的选项无效，请刷新页面后重新选择。")
    if question.kind == QuestionKind.SINGLE and len(numbers) != 1:
        raise Refused(f"“{question.text}”只能选一项。")
    if question.max_choices and len(numbers) > question.max_choices:
        raise Refused(f"“{question.text}”最多选{question.max_choices}项。")
    return [(n, None) for n in numbers]


def _count_address(survey: SurveyDef, address: str) -> None:
    """The public answer per browser; a browser is cheap to make anew, so each address
    is capped too (XFNET_SURVEY_RESPONSES_PER_ADDRESS; an office behind one address
    is why it is not 1)."""
    limit = settings.XFNET_SURVEY_RESPONSES_PER_ADDRESS
    seconds = int((survey.closes_at - survey.opens_at).total_seconds()) + 60
    if count_in_window(f"xfsurvey:{survey.id}:{address}", seconds) > limit:
        raise Refused("这个网络地址提交的次数已达上限。")
