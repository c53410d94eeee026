from datetime import date

import pytest
from django.core.exceptions import ValidationError

from partyaffairs import idcards
from partyaffairs.factories import id_number


def test_a_made_up_number_passes_and_round_trips_encrypted():
    number = id_number("340111", date(1975, 4, 8))
    assert idcards.validate(number.lower()) == number
    token = idcards.encrypt(number)
    assert number not in token
    assert idcards.decrypt(token) == number
    assert idcards.mask(number) == number[:6] + "********" + number[-4:]
    assert "19750408" not in idcards.mask(number)


@pytest.mark.parametrize(
    ("number", "message"),
    [
        ("34011119750408", "18位"),
        ("3401111975040812Y3", "18位"),
        ("wrong check digit", "校验位"),
        ("340111" + "19750231" + "123", "出生日期"),
    ],
)
def test_bad_numbers_are_refused_in_one_sentence(number, message):
    if number == "wrong check digit":
        right = id_number("340111", date(1975, 4, 8))
        number = right[:17] + ("1" if right[17] != "1" else "2")
    elif len(number) == 17:  # a right check digit on an impossible date
        number += idcards.check_digit(number)
    with pytest.raises(ValidationError) as refused:
        idcards.validate(number)
    assert message in refused.value.messages[0]


def test_equal_numbers_share_a_fingerprint_that_does_not_show_the_number():
    number = id_number("340111", date(1990, 1, 2))
    assert idcards.fingerprint(number) == idcards.fingerprint(number)
    assert number not in idcards.fingerprint(number)
    assert idcards.fingerprint(number) != idcards.fingerprint(id_number("340112", date(1990, 1, 2)))
