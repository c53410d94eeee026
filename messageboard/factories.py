"""Messages for tests and the demo network: made through the same rules as a post
(the reply clock set from the node's deadline), without the form's guards."""

import factory
from django.utils import timezone

from .clock import due_date
from .models import Category, Message, MessageState

SAMPLES = [
    ("咨询", Category.CONSULT, "请问流动党员怎样参加组织生活？在外务工期间党费怎么交？"),
    ("建议", Category.SUGGEST, "建议在村部设一个党员活动室，方便大家学习交流。"),
    ("求助", Category.HELP, "家里老人行动不便，想请党员志愿者帮忙代办医保手续。"),
    ("反映问题", Category.COMPLAIN, "村口路灯坏了两个月了，晚上出行不方便，希望尽快修好。"),
]


class MessageFactory(factory.django.DjangoModelFactory):
    """`MessageFactory(node=node)`: a message waiting for the node's answer."""

    class Meta:
        model = Message

    node = None
    origin = factory.SelfAttribute("node")
    name = factory.Faker("name", locale="zh_CN")
    phone = factory.Faker("phone_number", locale="zh_CN")
    category = factory.Iterator([sample[1] for sample in SAMPLES])
    text = factory.Iterator([sample[2] for sample in SAMPLES])
    address = "192.0.2.1"
    state = MessageState.WAITING
    clock_from = factory.LazyFunction(timezone.localdate)
    due_on = factory.LazyAttribute(lambda o: due_date(o.node, o.clock_from))
