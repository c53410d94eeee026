"""Alibaba Cloud's SMS API as its documentation describes it, against a local fake
server: the signature (the documentation's own example), a message accepted with
its receipt, a refusal that will not pass, a failure that may."""

import json

import pytest

from notifications.sms import AliyunBackend, SmsError, sign
from notifications.tests.fake_aliyun import FLAKY, ILLEGAL, FakeAliyun


def test_the_signature_matches_the_documentations_example():
    params = {
        "AccessKeyId": "testid", "Action": "DescribeRegions", "Format": "XML",
        "SignatureMethod": "HMAC-SHA1", "SignatureNonce": "3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf",
        "SignatureVersion": "1.0", "Timestamp": "2016-02-23T12:46:24Z", "Version": "2014-05-26",
    }  # fmt: skip
    assert sign(params, "testsecret") == "OLeaidS1JvxuMvnyHOwuJ+uX5qY="


@pytest.fixture
def aliyun(settings):
    with FakeAliyun("LTAI-test", "secret-test") as fake:
        settings.XFNET_SMS_ACCESS_KEY_ID = "LTAI-test"
        settings.XFNET_SMS_ACCESS_KEY_SECRET = "secret-test"
        settings.XFNET_SMS_ENDPOINT = fake.url
        settings.XFNET_SMS_TEMPLATE_CODE = "SMS_000001"
        settings.XFNET_SMS_SIGN_NAME = "安徽先锋网"
        yield fake


def test_a_text_message_is_sent_signed_with_its_receipt(aliyun):
    receipt = AliyunBackend().send("13800000000", "甲村有一条留言逾期 & 请督办")
    assert receipt == "1^0"
    sent = aliyun.received[0]
    assert sent["PhoneNumbers"] == "13800000000" and sent["SignName"] == "安徽先锋网"
    assert json.loads(sent["TemplateParam"]) == {"content": "甲村有一条留言逾期 & 请督办"}


def test_refusals_are_permanent_or_not_as_the_provider_means_them(aliyun, settings):
    with pytest.raises(SmsError) as illegal:
        AliyunBackend().send(ILLEGAL, "测试")
    assert illegal.value.permanent and "MOBILE_NUMBER_ILLEGAL" in str(illegal.value)
    with pytest.raises(SmsError) as flaky:
        AliyunBackend().send(FLAKY, "测试")
    assert not flaky.value.permanent
    assert AliyunBackend().send(FLAKY, "测试") == "1^0"  # the second try passes
    settings.XFNET_SMS_ACCESS_KEY_SECRET = "wrong"
    with pytest.raises(SmsError) as forged:
        AliyunBackend().send("13800000000", "测试")
    assert forged.value.permanent and "SignatureDoesNotMatch" in str(forged.value)
    settings.XFNET_SMS_ACCESS_KEY_SECRET = "secret-test"
    settings.XFNET_SMS_TEMPLATE_CODE = ""
    with pytest.raises(SmsError, match="短信模板") as unset:
        AliyunBackend()
    assert unset.value.permanent
    settings.XFNET_SMS_TEMPLATE_CODE = "SMS_000001"
    settings.XFNET_SMS_ENDPOINT = "http://127.0.0.1:9"  # nothing listens there
    with pytest.raises(SmsError) as down:
        AliyunBackend().send("13800000000", "测试")
    assert not down.value.permanent
