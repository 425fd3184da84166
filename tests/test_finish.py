"""finish_article: a closing credit names the source, or, when the source is known already, who
supplied the copy (the byline); a credit that is neither stays in the text, never lost."""

from __future__ import annotations

from healthdigest.model import Article, Paragraph
from healthdigest.structure.finish import finish_article

BODY = "术后患者胸闷症状明显缓解，第三天即下床活动。"


def _article(credit: str, *, source: str | None, byline: str | None) -> Article:
    return Article(
        title="我院成功开展一例新手术",
        source=source,
        byline=byline,
        paragraphs=[Paragraph(BODY, (5,)), Paragraph(credit, (6,))],
    )


def test_a_closing_credit_is_the_source_when_none_is_known():
    art = _article("（规划处供稿）", source=None, byline=None)
    finish_article(art)
    assert art.source == "规划处" and [p.text for p in art.paragraphs] == [BODY]


def test_a_second_credit_is_the_byline_when_the_source_is_known():
    art = _article("（规划处　王明　供稿）", source="宣传科", byline=None)
    finish_article(art)
    assert (art.source, art.byline) == ("宣传科", "规划处 王明")
    assert [p.text for p in art.paragraphs] == [BODY]


def test_a_second_credit_that_holds_the_byline_makes_it_fuller():
    art = _article("（心血管内科　宋伟　供稿）", source="宣传科", byline="心血管内科")
    finish_article(art)
    assert art.byline == "心血管内科 宋伟" and [p.text for p in art.paragraphs] == [BODY]


def test_a_second_credit_that_is_neither_source_nor_byline_stays_in_the_text():
    art = _article("（药学部供稿）", source="宣传科", byline="心血管内科")
    finish_article(art)
    assert (art.source, art.byline) == ("宣传科", "心血管内科")
    assert [p.text for p in art.paragraphs] == [BODY, "（药学部供稿）"]
