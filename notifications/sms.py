"""Text messages through a provider: one small interface, a console backend for
development (the message goes to the log), and Alibaba Cloud's SMS API (dysmsapi
SendSms, RPC style, signature version 1.0 with HMAC-SHA1) as the real provider.

A provider names its failures: the ones that will not go better on retry (a bad
number, a template it refuses) are permanent, the rest (throttling, the network,
its 5xx) are retried by the outbox."""

import base64
import hashlib
import hmac
import json
import logging
import secrets
import urllib.error
import urllib.parse
import urllib.request
from datetime import UTC, datetime

from django.conf import settings
from django.utils.module_loading import import_string

logger = logging.getLogger("xfnet.sms")
TIMEOUT = 10


class SmsError(Exception):
    def __init__(self, message: str, *, permanent: bool):
        super().__init__(message)
        self.permanent = permanent


def backend():
    """The configured provider (XFNET_SMS_BACKEND, a dotted path)."""
    return import_string(settings.XFNET_SMS_BACKEND)()


class ConsoleBackend:
    """Development: the text goes to the log, nothing leaves the machine."""

    def send(self, mobile: str, text: str) -> str:
        logger.info("SMS to %s: %s", mobile, text)
        return "console"


def percent_encode(value: str) -> str:
    # RFC 3986, as Alibaba Cloud's signature asks: space is %20, "~" stays
    return urllib.parse.quote(value, safe="~")


def sign(params: dict[str, str], secret: str, method: str = "GET") -> str:
    canonical = "&".join(
        f"{percent_encode(key)}={percent_encode(params[key])}" for key in sorted(params)
    )
    to_sign = f"{method}&{percent_encode('/')}&{percent_encode(canonical)}"
    digest = hmac.new(f"{secret}&".encode(), to_sign.encode(), hashlib.sha1).digest()
    return base64.b64encode(digest).decode()


# Codes that retrying will not change (Alibaba Cloud's SendSms error codes).
PERMANENT_CODES = {
    "isv.MOBILE_NUMBER_ILLEGAL", "isv.INVALID_PARAMETERS", "isv.SMS_TEMPLATE_ILLEGAL",
    "isv.SMS_SIGNATURE_ILLEGAL", "isv.TEMPLATE_MISSING_PARAMETERS", "isv.BLACK_KEY_CONTROL_LIMIT",
    "isv.PARAM_LENGTH_LIMIT", "isv.AMOUNT_NOT_ENOUGH", "isv.ACCOUNT_NOT_EXISTS",
    "isv.ACCOUNT_ABNORMAL", "InvalidAccessKeyId.NotFound", "SignatureDoesNotMatch",
}  # fmt: skip


class AliyunBackend:
    """Alibaba Cloud SMS: the text is the one parameter of an approved template
    (XFNET_SMS_TEMPLATE_CODE with ${XFNET_SMS_TEMPLATE_PARAM})."""

    def __init__(self):
        self.key_id = settings.XFNET_SMS_ACCESS_KEY_ID
        self.secret = settings.XFNET_SMS_ACCESS_KEY_SECRET
        self.endpoint = settings.XFNET_SMS_ENDPOINT
        if not (self.key_id and self.secret and settings.XFNET_SMS_TEMPLATE_CODE):
            raise SmsError("短信服务没有配置访问密钥或短信模板。", permanent=True)

    def params(self, mobile: str, text: str) -> dict[str, str]:
        return {
            "AccessKeyId": self.key_id,
            "Action": "SendSms",
            "Format": "JSON",
            "PhoneNumbers": mobile,
            "RegionId": "cn-hangzhou",
            "SignName": settings.XFNET_SMS_SIGN_NAME,
            "SignatureMethod": "HMAC-SHA1",
            "SignatureNonce": secrets.token_hex(16),
            "SignatureVersion": "1.0",
            "TemplateCode": settings.XFNET_SMS_TEMPLATE_CODE,
            "TemplateParam": json.dumps(
                {settings.XFNET_SMS_TEMPLATE_PARAM: text}, ensure_ascii=False
            ),
            "Timestamp": datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
            "Version": "2017-05-25",
        }

    def send(self, mobile: str, text: str) -> str:
        params = self.params(mobile, text)
        params["Signature"] = sign(params, self.secret)
        url = f"{self.endpoint.rstrip('/')}/?{urllib.parse.urlencode(params)}"
        try:
            with urllib.request.urlopen(url, timeout=TIMEOUT) as response:
                answer = json.loads(response.read().decode())
        except urllib.error.HTTPError as error:
            answer = _json_or_none(error)
            if answer is None:
                raise SmsError(f"短信服务返回 HTTP {error.code}。", permanent=False) from None
        except (OSError, ValueError) as error:
            raise SmsError(f"短信服务连接失败：{error}", permanent=False) from None
        code = answer.get("Code")
        if code == "OK":
            return answer.get("BizId", "")
        raise SmsError(f"短信服务拒绝发送：{code} {answer.get('Message', '')}".strip(),
                       permanent=code in PERMANENT_CODES)  # fmt: skip


def _json_or_none(error) -> dict | None:
    try:
        return json.loads(error.read().decode())
    except (OSError, ValueError):
        return None
