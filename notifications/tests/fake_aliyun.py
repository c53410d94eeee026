"""A local stand-in for Alibaba Cloud's SMS endpoint (dysmsapi SendSms): it checks
the request the way the documentation describes (every required parameter, the
HMAC-SHA1 signature over the sorted parameters) and answers in its JSON format.
Numbers steer it: 13900000000 is refused as illegal, 13700000000 fails with a 503
on its first try."""

import json
import threading
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from notifications.sms import sign

REQUIRED = {
    "AccessKeyId", "Action", "Format", "PhoneNumbers", "RegionId", "SignName",
    "SignatureMethod", "SignatureNonce", "SignatureVersion", "TemplateCode",
    "TemplateParam", "Timestamp", "Version", "Signature",
}  # fmt: skip
ILLEGAL, FLAKY = "13900000000", "13700000000"


class FakeAliyun:
    def __init__(self, key_id: str, secret: str):
        self.key_id, self.secret = key_id, secret
        self.received: list[dict] = []
        self.failed_once: set[str] = set()
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):
                params = dict(urllib.parse.parse_qsl(urllib.parse.urlsplit(self.path).query, True))
                status, answer = fake.answer(params)
                body = json.dumps(answer).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def answer(self, params: dict) -> tuple[int, dict]:
        missing = REQUIRED - set(params)
        if missing:
            return 400, refusal("MissingParameter", ",".join(sorted(missing)))
        signature = params.pop("Signature")
        if params["AccessKeyId"] != self.key_id:
            return 404, {
                "Code": "InvalidAccessKeyId.NotFound",
                "Message": "Specified access key is not found.",
            }
        if sign(params, self.secret) != signature:
            return 400, {
                "Code": "SignatureDoesNotMatch",
                "Message": "Specified signature is not matched.",
            }
        mobile = params["PhoneNumbers"]
        if mobile == FLAKY and mobile not in self.failed_once:
            self.failed_once.add(mobile)
            return 503, {
                "Code": "ServiceUnavailable",
                "Message": "The request has failed due to a temporary failure of the server.",
            }
        if mobile == ILLEGAL:
            return 200, {
                "Code": "isv.MOBILE_NUMBER_ILLEGAL",
                "Message": "非法手机号",
                "RequestId": "r",
            }
        self.received.append(params)
        return 200, {
            "Code": "OK",
            "Message": "OK",
            "BizId": f"{len(self.received)}^0",
            "RequestId": "r",
        }

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.server.shutdown()
        self.server.server_close()


def refusal(code: str, message: str) -> dict:
    return {"Code": code, "Message": message, "RequestId": "r"}
