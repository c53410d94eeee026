"""A labelled query set: documents, queries, and the truth a query must find.

Truth is substring truth: a document answers a query when every part of the query
(split at spaces and punctuation) occurs in its normalised title, summary or body.
Used by the tests (recall and precision must both be 1.0) and the benchmark.
"""

import re

from .text import normalise

# (title, body) — written to exercise whole terms, parts of words, single
# characters, Latin and digits, full-width forms and punctuation.
DOCUMENTS = [
    ("甲村党支部召开三会一课专题会议", "村党支部书记主持会议，认真落实“三会一课”制度。"),
    ("乙村开展主题党日活动", "全体党员参加主题党日，重温入党誓词。"),
    ("党建工作推进会召开", "会议总结2026年党建工作，部署下一步任务。"),
    ("第一书记走访困难群众", "驻村第一书记带领工作队走访慰问，解决实际困难9件。"),
    ("先锋网上线新版APP", "安徽先锋网推出新版ＡＰＰ，支持手机阅读和在线学习。"),
    ("两学一做学习教育常态化", "推进“两学一做”学习教育常态化制度化。"),
    ("基层党组织标准化建设", "全面推进基层党组织标准化规范化建设。"),
    ("组织生活会和民主评议党员", "各支部召开组织生活会，开展民主评议党员。"),
    ("三会 一课 分开写的通知", "本文把三会和一课分开写。"),
    ("乡村振兴战略实施", "以党建引领乡村振兴，发展特色产业。"),
    ("Wagtail 站群平台培训", "技术人员学习Wagtail内容管理系统，2026年11月完成培训。"),
    ("党员远程教育站点建设", "完善远程教育站点，提高党员教育质量。"),
    ("村务公开栏更新", "及时公开村级财务收支，接受群众监督。"),
    ("党费收缴使用管理", "规范党费收缴、使用和管理工作。"),
    ("美好乡村建设成效显著", "建成村级文化广场，群众精神生活丰富。"),
    ("入党积极分子培训班开班", "对入党积极分子和发展对象进行集中培训。"),
    ("２０２６年度党员冬训", "全县2026年度党员冬训工作全面启动。"),
    ("流动党员管理服务", "建立流动党员联系卡，做好服务管理。"),
    ("驻村工作队工作纪实", "驻村工作队帮助村里修建道路。"),
    ("网上党校课程更新", "网上党校新增党史学习教育课程。"),
    ("为民服务全程代办", "党员干部全心全意为人民服务，推行为民服务全程代办。"),
    ("党小组学习交流", "各党小组交流学习体会，党总支书记作点评。"),
    ("新时代文明实践站活动", "开展新时代文明实践志愿服务活动。"),
    ("四个意识与两个维护", "增强“四个意识”、坚定“四个自信”、做到“两个维护”。"),
    ("G60科创走廊党建联盟", "沿线城市共建党建联盟，推动长三角一体化。"),
    ("5G信号进村入户", "村里实现5G网络全覆盖。"),
    ("关于召开党员大会的通知", "定于11月25日召开全体党员大会，请准时参加。"),
    ("预备党员转正公示", "经支部大会讨论，同意预备党员按期转正。"),
    ("党组织书记述职评议", "各村党组织书记述职，乡镇党委点评。"),
    ("农产品信息发布", "本村优质茶叶、草莓上市，欢迎订购。"),
]

QUERIES = [
    # whole terms
    "三会一课",
    "主题党日",
    "第一书记",
    "两学一做",
    "先锋网",
    "乡村振兴",
    "组织生活会",
    "民主评议党员",
    "入党积极分子",
    "新时代文明实践",
    "驻村工作队",
    "网上党校",
    "党费",
    # parts of words
    "党建",
    "支部",
    "三会",
    "一课",
    "党员",
    "书记",
    "振兴",
    "文明",
    "积极",
    "组织",
    "工作",
    "教育",
    "服务",
    # single characters
    "党",
    "村",
    "茶",
    "莓",
    "训",
    # Latin, digits, mixed, full-width, punctuation
    "APP",
    "ａｐｐ",
    "wagtail",
    "agtail",
    "2026年",
    "２０２６",
    "11月",
    "G60",
    "5G",
    "党建 乡村",
    "，三会一课！",
    "“两学一做”",
    "党建工作",
    "四个意识",
]


def parts(query: str) -> list[str]:
    return [part for part in re.split(r"[\W_]+", normalise(query)) if part]


def haystack(title: str, summary: str, body: str) -> str:
    return normalise("\n".join([title, summary, body]))


def answers(query: str, text: str) -> bool:
    query_parts = parts(query)
    return bool(query_parts) and all(part in text for part in query_parts)
