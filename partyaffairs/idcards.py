"""Identity card numbers (居民身份证号码): checked, encrypted at rest, shown masked.

The clear number is only ever decrypted for the person entitled to the full record;
lists and exports show the mask. A keyed hash finds duplicates without decrypting.
"""

import hashlib
import hmac
from datetime import date

from cryptography.fernet import Fernet
from django.conf import settings
from django.core.exceptions import ValidationError

_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_CHECK_DIGITS = "10X98765432"


def normalise(number: str) -> str:
    return number.strip().replace(" ", "").upper()


def check_digit(first17: str) -> str:
    return _CHECK_DIGITS[sum(int(d) * w for d, w in zip(first17, _WEIGHTS, strict=True)) % 11]


def validate(number: str) -> str:
    """The normalised number, or a ValidationError saying what is wrong with it."""
    number = normalise(number)
    if len(number) != 18 or not number[:17].isdigit():
        raise ValidationError("身份证号码应为18位（最后一位可以是X）。")
    if check_digit(number[:17]) != number[17]:
        raise ValidationError("身份证号码的校验位不对，请核对后重新填写。")
    try:
        date(int(number[6:10]), int(number[10:12]), int(number[12:14]))
    except ValueError:
        raise ValidationError("身份证号码中的出生日期不存在。") from None
    return number


def _fernet() -> Fernet:
    return Fernet(settings.XFNET_PERSONAL_DATA_KEY.encode())


def encrypt(number: str) -> str:
    return _fernet().encrypt(number.encode()).decode() if number else ""


def decrypt(token: str) -> str:
    return _fernet().decrypt(token.encode()).decode() if token else ""


def fingerprint(number: str) -> str:
    """A keyed hash: equal numbers match, the number cannot be read back from it."""
    if not number:
        return ""
    key = settings.XFNET_PERSONAL_DATA_KEY.encode()
    return hmac.new(key, number.encode(), hashlib.sha256).hexdigest()


def mask(number: str) -> str:
    """340111********123X: the region and the last four, never the birth date."""
    return f"{number[:6]}{'*' * 8}{number[-4:]}" if number else ""
