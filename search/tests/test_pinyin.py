"""search.pinyin: title lexemes, splitting letters into syllables, query shapes."""

from search import pinyin


def test_titles_read_per_character_at_their_bigram_positions():
    assert pinyin.title_lexemes("党建ABC网站") == [
        ("~dang", 1), ("^dj", 1), ("~jian", 2), ("^j", 2),
        ("~wang", 6), ("^wz", 6), ("~zhan", 7), ("^z", 7),
    ]  # fmt: skip
    assert pinyin.readings("银行") == ["yin", "hang"]  # read in context


def test_letters_split_into_syllables_fewest_pieces_first():
    assert pinyin.splits("dangjian")[0] == ["dang", "jian"]
    assert pinyin.splits("xianfengwang")[0] == ["xian", "feng", "wang"]
    assert ["dang", "ji"] in pinyin.splits("dangji")  # the reader is still typing
    assert pinyin.splits("wagtail") == []


def test_only_letters_make_a_pinyin_query():
    assert pinyin.letters_of("Dang Jian") == "dangjian"
    assert pinyin.letters_of("党建") is None and pinyin.letters_of("2026") is None
    assert pinyin.letters_of("d") is None
    assert "'^dj' <-> '^jw' <-> '^wz'" in pinyin.pinyin_query("djwz")
    assert pinyin.pinyin_query("dangjian", prefix_last=False).startswith("('~dang' <-> '~jian')")
    # one letter begun after a syllable: the initials bigram at the syllable's place
    assert pinyin.pinyin_query("xianf").startswith("('~xian' <0> '^xf')")
