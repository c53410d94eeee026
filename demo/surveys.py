"""调查投票 in the demo: 肥西县 runs a vote on every site below it (answered on its
villages' sites, results per village), and 义城村 a questionnaire of its own."""

import random

from django.http import QueryDict

from network.models import Node
from surveys.definitions import load
from surveys.factories import vote_with
from surveys.models import Survey
from surveys.responding import respond

COUNTY, VILLAGE = "340123", "340123100201"
CANDIDATES = "王秀英（义城村）\n陈志强（上派镇）\n刘晓燕（三河镇）\n张建国（桃花镇）"


def build_demo_surveys(log=print, seed=2026):
    """Idempotent: made once, with answers from the county's sites."""
    if Survey.objects.exists():
        return
    rng = random.Random(seed)
    county, village = Node.objects.get(code=COUNTY), Node.objects.get(code=VILLAGE)
    vote = vote_with(county, ("single", "请投出您心目中的优秀党务工作者", CANDIDATES),
                     title="肥西县“优秀党务工作者”网络投票", below=True,
                     intro="每人限投一次，结果实时公布。")  # fmt: skip
    questionnaire = vote_with(
        village,
        ("rating", "您对村务公开工作的满意度", ""),
        ("multiple", "您希望村里多开展哪些活动？", "读书会\n文艺演出\n志愿服务\n技能培训"),
        ("text", "您对村党组织的意见和建议", ""),
        kind="survey", title="义城村党建工作满意度调查",
    )  # fmt: skip
    questionnaire.questions.exclude(kind="rating").update(required=False)
    sites = list(Node.objects.filter(path__startswith=county.path).order_by("path"))
    definition = load(vote)
    question = vote.questions.get()
    for n in range(120):
        data = QueryDict(mutable=True)
        data[f"q{question.pk}"] = str(rng.choice([0, 0, 1, 1, 1, 2, 3]))
        respond(definition, rng.choice(sites), f"bdemo{n}", f"198.51.100.{n % 200}", data)
    log(
        f"  调查投票：{county.name}网络投票（{len(sites)} 个站点同步开展，120 票）；"
        "义城村满意度问卷"
    )
