"""Sentences are whole: never cut at a comma, quotes kept with their sentence."""

from __future__ import annotations

from healthdigest.sentences import clean_sentence, split_sentences


def texts(paragraph):
    return [s for _, s in split_sentences(paragraph)]


def test_splits_at_full_stops_not_commas():
    assert texts("一是强机构，补短板。二是强队伍！三是强保障？") == ["一是强机构，补短板。", "二是强队伍！", "三是强保障？"]


def test_closing_quote_stays_with_its_sentence():
    assert texts("他说：“要做到大病不出省。”随后会议结束。") == ["他说：“要做到大病不出省。”", "随后会议结束。"]


def test_full_stop_inside_quote_does_not_split():
    got = texts("文件提出“推动中医药进校园。形成良好氛围”的要求。下一句。")
    assert got == ["文件提出“推动中医药进校园。形成良好氛围”的要求。", "下一句。"]


def test_offsets_point_into_the_paragraph():
    para = "第一句。 第二句，很长。第三句没有句号"
    for offset, sentence in split_sentences(para):
        assert para[offset : offset + len(sentence)] == sentence
    assert texts(para)[-1] == "第三句没有句号"


def test_ellipsis_ends_a_sentence_only_before_a_full_stop_or_the_end():
    # Examples closed by …… lead the sentence that follows: alone they state nothing.
    assert texts("针灸、推拿、按压……近日开诊。") == ["针灸、推拿、按压……近日开诊。"]
    assert texts("他说要推进……。随后散会。") == ["他说要推进……。", "随后散会。"]
    assert texts("病例还在增加……") == ["病例还在增加……"]


def test_semicolons_split_a_series_only_when_asked():
    para = "患者甲，男，35岁；患者乙，女，72岁。"
    assert texts(para) == [para]
    assert [s for _, s in split_sentences(para, semicolons=True)] == ["患者甲，男，35岁；", "患者乙，女，72岁。"]


def test_clean_sentence_drops_lede_byline_and_footnote_marks():
    assert clean_sentence("本报讯（记者李季）2月20日，会议召开^①。") == "2月20日，会议召开。"


def test_display_width_counts_wide_characters_twice():
    import unicodedata

    from healthdigest.textutil import display_width

    sample = "医保DRG付费，（试点）ＡＢ“引号”한글 abc"
    expected = sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in sample)
    assert display_width(sample) == expected
