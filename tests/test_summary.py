"""Summaries carry the article's facts: the reading faults an analyst found, each pinned."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from healthdigest.model import Article, Paragraph
from healthdigest.pipeline import digest_text
from healthdigest.reading import decode_bytes
from healthdigest.summary import _FILLER, item_mark, is_bare_item, is_lead_in

SHARED = next((d / "shared" for d in Path(__file__).resolve().parents[2:4] if (d / "shared").is_dir()), None)


def summaries(seed_digests):
    for name, bulletin in seed_digests.items():
        for k, article in enumerate(bulletin.articles):
            yield f"{name} #{k + 1}", article, [s.shown for s in article.summary]


def digest(text: str, settings, *, sentences: int | None = None):
    from dataclasses import replace

    if sentences is not None:
        settings = replace(settings, sentences=sentences)
    return digest_text(decode_bytes(text.encode("utf-8"), name="t.txt"), path="t.txt", settings=settings)


def test_no_summary_ends_on_a_bare_list_head_or_a_lead_in(seed_digests):
    for where, _, shown in summaries(seed_digests):
        assert shown, where
        assert not is_bare_item(shown[-1]), (where, shown[-1])
        assert len(shown) == 1 or not is_lead_in(shown[-1]), (where, shown[-1])
        assert not any(is_bare_item(s) for s in shown), where


def test_no_summary_keeps_a_later_item_without_the_one_before(seed_digests):
    for where, _, shown in summaries(seed_digests):
        marks = [item_mark(s) for s in shown]
        for mark in marks:
            if mark and mark[1] > 1:
                assert (mark[0], mark[1] - 1) in marks, (where, shown)


def test_the_fact_beats_an_empty_press_conference_opening(seed_digests):
    article = next(a for a in seed_digests["000_6b9dbb8f10a053fd.txt"].articles if "双过半" in (a.title or ""))
    text = "".join(s.shown for s in article.summary)
    assert "130亿元" in text
    assert "召开发布会，介绍" not in text


def test_no_filler_speaker_lists_or_lone_quotations(seed_digests):
    for where, _, shown in summaries(seed_digests):
        for s in shown:
            assert not _FILLER.search(s), (where, s)
            assert not re.fullmatch(r"[“「].*[”」]", s), (where, s)
    press = seed_digests["003_95dcd98fb450c0bd.txt"].articles[8]
    assert not any("发布会也是" in s.shown for s in press.summary)


def test_an_empty_opening_gives_way_to_the_sentence_with_the_figures(settings):
    text = (
        "某市召开医改推进会\n\n"
        "近日，某市卫生健康委召开全市医改工作推进会，介绍医改工作有关情况。"
        "会议由分管副主任主持，各区卫生健康局负责人参加了会议。"
        "全市已建成42个紧密型医联体，家庭医生签约服务覆盖286万人。"
        "下一步将继续深化改革。\n"
    )
    article = digest(text, settings, sentences=1).articles[0]
    assert [s.shown for s in article.summary] == ["全市已建成42个紧密型医联体，家庭医生签约服务覆盖286万人。"]


def test_a_list_item_two_never_stands_without_item_one(settings):
    text = (
        "某省印发方案\n\n"
        "某省印发方案，提出三项任务。一是扩大覆盖面。二是把全省县域医共体数量提高到120个以上。三是完善考核。\n"
    )
    article = digest(text, settings, sentences=2).articles[0]
    shown = [s.shown for s in article.summary]
    assert not any(s.startswith("二是") for s in shown) or any(s.startswith("一是") for s in shown)
    assert not any(is_bare_item(s) for s in shown)


def test_one_sentence_takes_one_member_of_a_semicolon_series(settings):
    text = "截至14日，甲市报告确诊病例24例；乙市报告16例；丙市报告15例。疫苗研发正在推进。\n"
    article = digest(text, settings, sentences=1).articles[0]
    assert [s.shown for s in article.summary] == ["截至14日，甲市报告确诊病例24例；"]


def test_a_text_of_questions_still_gets_a_summary(settings):
    text = "用药常识\n\n吃药能用牛奶送服吗？服药后能马上躺下吗？眼药水开封后能用多久？\n"
    article = digest(text, settings, sentences=1).articles[0]
    assert [s.shown for s in article.summary] == ["吃药能用牛奶送服吗？"]


def test_spans_slice_the_paragraph_to_the_shown_sentence(seed_digests):
    marks = re.compile(r"\^[①-⑳\d]+")
    checked = 0
    for bulletin in seed_digests.values():
        for article in bulletin.articles:
            for s in article.summary:
                para = article.abstract if s.paragraph == -1 else article.paragraphs[s.paragraph].text
                offset, length = s.span
                piece = para[offset : offset + length]
                assert marks.sub("", piece).strip() == s.shown, (piece, s.shown)
                assert piece and s.text.find(piece) >= 0
                if s.paragraph >= 0:
                    assert s.lines and article.lines[0] <= min(s.lines) <= max(s.lines) <= article.lines[1]
                checked += 1
    assert checked > 50


def test_spans_skip_bylines_editor_notes_and_footnote_marks():
    from healthdigest.sentences import article_sentences

    article = Article(
        title="t",
        paragraphs=[
            Paragraph("本报讯（记者李季）2月20日，全省医保工作会议在郑州召开。", (3,)),
            Paragraph("【编者按】两会于3月5日启幕，编者汇编如下。", (5,)),
            Paragraph("上海启动“无废医院”^①建设工作。会议要求落实到位^②。", (7, 8)),
        ],
    )
    for s in article_sentences(article):
        offset, length = s.span
        piece = article.paragraphs[s.paragraph].text[offset : offset + length]
        assert re.sub(r"\^[①-⑳\d]+", "", piece) == s.shown
        assert not piece.startswith(("本报讯", "【编者按】")) and not piece.endswith("^②")


def test_json_spans_slice_the_text_field(seed_digests):
    from healthdigest.render.jsonout import bulletin_dict

    data = bulletin_dict(seed_digests["004_54a18ce137eb29fa.txt"])
    for article in data["articles"]:
        paragraphs = article["text"].split("\n\n")
        for shown, span in zip(article["summary"], article["summary_spans"], strict=True):
            piece = paragraphs[span["paragraph"]][span["offset"] : span["offset"] + span["length"]]
            assert re.sub(r"\^[①-⑳\d]+", "", piece) == shown
            assert span["lines"]["first"] <= span["lines"]["last"]


@pytest.mark.skipif(SHARED is None, reason="no shared corpus beside the repo")
def test_every_lcsts_post_gets_a_one_sentence_summary(settings):
    path = SHARED / "corpus" / "lcsts-train-health.jsonl"
    if not path.exists():
        pytest.skip("no LCSTS file")
    posts = [json.loads(line)["text"] for line in path.read_text(encoding="utf-8").splitlines()[:200]]
    for text in posts:
        shown = [s.shown for a in digest(text + "\n", settings, sentences=1).articles for s in a.summary]
        assert len(shown) == 1, text
        # A headline cut from its sentence is still a slice of the post: the span finds it.
        (article,) = digest(text + "\n", settings, sentences=1).articles
        (s,) = article.summary
        offset, length = s.span
        text_of = article.abstract if s.paragraph == -1 else article.paragraphs[s.paragraph].text
        assert text_of[offset : offset + length] == s.shown, text
        # A list head only when the post is nothing but a list (its first line is its point).
        assert not is_bare_item(shown[0]) or item_mark(text), text


def test_a_one_line_summary_drops_the_soft_opening_and_its_span_follows(settings):
    text = "某地新闻\n\n据悉，某市已有12家医院开通互联网诊疗服务。市民可在线复诊。\n"
    article = digest(text, settings, sentences=1).articles[0]
    (s,) = article.summary
    assert s.shown == "某市已有12家医院开通互联网诊疗服务。"
    offset, length = s.span
    assert article.paragraphs[s.paragraph].text[offset : offset + length] == s.shown


def test_a_post_opening_with_a_question_may_be_summed_up_by_it(settings):
    text = "多处墓塔被盗：高僧灵骨能治病吗？当地传言僧人骨头可以治病，专家称毫无根据。\n"
    article = digest(text, settings, sentences=1).articles[0]
    assert [s.shown for s in article.summary] == ["多处墓塔被盗：高僧灵骨能治病吗？"]
    three = digest(text, settings, sentences=3).articles[0]
    assert not any(s.shown.endswith("？") for s in three.summary)  # not in a bulletin's summary


def one_line(text: str, settings):
    (article,) = digest(text, settings, sentences=1).articles
    (s,) = article.summary
    offset, length = s.span
    assert article.paragraphs[s.paragraph].text[offset : offset + length] == s.shown  # still a slice
    return s.shown


def test_a_one_line_summary_leaves_out_when_and_how_the_news_came(settings):
    # The date, then the reporter's source, then the finding's source: each left out in turn.
    text = "某地新闻\n\n3月12日，记者从某市卫生健康委获悉，全市已有15家医院开通互联网诊疗服务。市民可在线复诊。\n"
    assert one_line(text, settings) == "全市已有15家医院开通互联网诊疗服务。"
    text = "某地新闻\n\n一项最新调查显示，本市六成居民每天步行不足六千步。专家建议增加运动。\n"
    assert one_line(text, settings) == "本市六成居民每天步行不足六千步。"
    text = "@某市卫健委：今年以来，全市报告流感样病例较去年同期下降三成。请注意防护。\n"
    assert one_line(text, settings) == "全市报告流感样病例较去年同期下降三成。"
    text = "某地新闻\n\n本报电 近日，某市已有12家医院开通互联网诊疗服务。市民可在线复诊。\n"
    assert one_line(text, settings) == "某市已有12家医院开通互联网诊疗服务。"
    # Kept: an opening that names what the rest points back to (该中心),
    text = "据市疾控中心统计，去年到该中心接种狂犬病疫苗的人数达2万余人次。另有说明。\n"
    assert one_line(text, settings).startswith("据市疾控中心统计，")
    # the date a count runs to, and an opening whose rest would be too short to stand.
    assert one_line("截至6月底，全市已接种疫苗120万剂次。后续将继续推进。\n", settings).startswith("截至6月底，")
    assert one_line("昨天下午，某院开通热线电话。后续将继续推进。\n", settings) == "昨天下午，某院开通热线电话。"


def test_a_one_line_summary_ends_before_a_clause_that_adds_detail(settings):
    text = "某省公布第三批省级区域医疗中心名单，其中5家设在县城，覆盖全部地市。名单将动态调整。\n"
    assert one_line(text, settings) == "某省公布第三批省级区域医疗中心名单"
    text = "某市新建三所社区卫生服务中心，并将在年底前全部投入使用。居民就医更方便。\n"
    assert one_line(text, settings) == "某市新建三所社区卫生服务中心"
    # ...but not where the head is not whole without what follows.
    text = "某市不仅新建了三所社区卫生服务中心，而且扩建了两家县医院。居民就医更方便。\n"
    assert one_line(text, settings) == "某市不仅新建了三所社区卫生服务中心，而且扩建了两家县医院。"
    text = "全市开展义诊活动的医院有12家，包括市一院在内都设有咨询台。居民踊跃参加。\n"
    assert one_line(text, settings).endswith("都设有咨询台。")
    text = "一是健全县域医共体运行机制，并完善考核办法。二是加强人才队伍建设。\n"
    assert one_line(text, settings) == "一是健全县域医共体运行机制，并完善考核办法。"  # not a bare list head
    # A comma inside a quotation is no clause boundary of the sentence.
    text = "专家提醒“多喝水，并注意休息”是应对流感的基本办法。其他内容从略。\n"
    assert one_line(text, settings) == "专家提醒“多喝水，并注意休息”是应对流感的基本办法。"


def test_summaries_of_several_sentences_keep_whole_sentences(settings):
    text = "某地新闻\n\n3月12日，记者从某市卫生健康委获悉，全市已有15家医院开通互联网诊疗服务，其中3家为县医院。市民可在线复诊。\n"
    article = digest(text, settings, sentences=3).articles[0]
    assert (
        article.summary[0].shown
        == "3月12日，记者从某市卫生健康委获悉，全市已有15家医院开通互联网诊疗服务，其中3家为县医院。"
    )
