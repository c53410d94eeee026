"""Normalising, bigram vectors and queries: the pieces the index is built from."""

from search.text import grams_query, grams_vector, highlight, normalise, segments


def test_full_width_and_case_fold_to_one_form():
    assert normalise("ＡＰＰ２０２６年，Wagtail") == "app2026年,wagtail"


def test_runs_split_at_punctuation_and_between_han_and_latin():
    assert [s for s, _, _ in segments("党建工作，2026年App上线")] == [
        "党建工作", "2026", "年", "app", "上线",
    ]  # fmt: skip
    assert [joined for _, _, joined in segments("2026年 党建")] == [False, True, False]


def test_every_character_begins_a_lexeme_and_runs_do_not_touch():
    vector = grams_vector("党支部，Ab")
    assert vector == "'党支':1 '支部':2 '部':3 'ab':4 'b':5"


def test_queries_chain_bigrams_and_keep_typed_together_segments_adjacent():
    assert grams_query("三会一课") == "('三会' <-> '会一' <-> '一课')"
    assert grams_query("党") == "('党':*)"
    assert grams_query("2026年") == "(('20' <-> '02' <-> '26') <2> ('年':*))"
    assert grams_query("党建，工作") == "('党建') & ('工作')"
    assert grams_query("！？。 ") is None


def test_highlight_escapes_and_marks_regardless_of_width():
    assert highlight("<b>党支部</b>ＡＰＰ", "支部 app") == (
        "&lt;b&gt;党<mark>支部</mark>&lt;/b&gt;<mark>ＡＰＰ</mark>"
    )
