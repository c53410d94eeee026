import random

from sensitivewords.matching import WordMatcher

WORDS = [("法轮", "block"), ("赌博", "block"), ("代开发票", "block"), ("党建", "warn"),
         ("建设", "warn"), ("vpn", "warn")]  # fmt: skip


def test_every_listed_word_is_found_once_with_its_kind():
    found = WordMatcher(WORDS).find("招聘：代开发票，网上赌博，代开发票。")
    assert found.blocking == ["代开发票", "赌博"]
    assert found.warning == []


def test_overlapping_words_are_all_found():
    found = WordMatcher(WORDS).find("加强党建设工作")
    assert found.warning == ["党建", "建设"]


def test_full_width_and_capital_letters_match_the_listed_form():
    assert WordMatcher(WORDS).find("翻墙用ＶＰＮ").warning == ["vpn"]
    assert WordMatcher(WORDS).find("VPN").warning == ["vpn"]


def test_a_clean_text_an_empty_text_and_an_empty_list_find_nothing():
    assert not WordMatcher(WORDS).find("学习贯彻党的二十大精神")
    assert not WordMatcher(WORDS).find("")
    assert not WordMatcher([]).find("赌博")
    assert not WordMatcher([("  ", "block")]).find("任何内容")


def test_the_automaton_agrees_with_a_plain_search_on_random_text():
    rng = random.Random(7)
    alphabet = "党建设法轮赌博代开发票学习工作"
    words = sorted({"".join(rng.choices(alphabet, k=rng.randint(2, 4))) for _ in range(300)})
    listed = [(word, "block" if i % 3 else "warn") for i, word in enumerate(words)]
    matcher = WordMatcher(listed)
    for _ in range(50):
        text = "".join(rng.choices(alphabet, k=200))
        found = matcher.find(text)
        expected = {word for word in words if word in text}
        assert set(found.blocking) | set(found.warning) == expected
