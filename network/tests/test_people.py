"""Names as the public sees them: masked the same way on the message board and in the
forums, never whole."""

import pytest

from network.people import masked


@pytest.mark.parametrize(
    ("name", "shown"),
    [("张小明", "张**"), ("王芳", "王*"), ("欧阳春晓明", "欧***"), ("王", "*"), (" ", "匿名"),
     ("", "匿名")],
)  # fmt: skip
def test_a_name_is_masked(name, shown):
    assert masked(name) == shown
