"""Keyword reading faults, pinned: people's names, fragments, near-duplicates, compounds cut
into pieces, and -k applied to every output format."""

from __future__ import annotations

import json
import re

import pytest
from typer.testing import CliRunner

from conftest import SEEDS

# A person in a news text: a common surname and one or two characters right after a title or
# right before a speech verb (记者董某某, 主任李某某介绍). Written here apart from the
# library's own rule, so that the test checks the output, not the rule.
_SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈海"
_AFTER_TITLE = re.compile(rf"(?:记者|通讯员|主任|院长|书记|局长|司长|处长|医生|医师|教授|专家)([{_SURNAMES}][\u4e00-\u9fff]{{1,2}})")
_BEFORE_SPEECH = re.compile(rf"([{_SURNAMES}][\u4e00-\u9fff]{{1,2}})(?:表示|介绍|指出|强调|说)")


def _names(text: str) -> set[str]:
    found = set()
    for m in [*_AFTER_TITLE.finditer(text), *_BEFORE_SPEECH.finditer(text)]:
        name = m.group(1)
        found |= {name, name[:2]}  # 曹坤介(绍) reads as 曹坤 as well
    return found


def _digest(text: str, settings):
    from healthdigest.pipeline import digest_bytes

    return digest_bytes(text.encode("utf-8"), name="x.txt", settings=settings).articles[0]


@pytest.mark.parametrize("name", ["000", "001", "002", "003", "004"])
def test_no_person_named_in_the_text_is_a_top_five_keyword_unless_the_title_names_them(name, seed_digests):
    bulletin = next(b for n, b in seed_digests.items() if n.startswith(name))
    for article in bulletin.articles:
        names = {n for n in _names(article.text) if n not in (article.title or "")}
        for word in (k.word for k in article.keywords[:5]):
            assert word not in names, (article.title, word)
            assert not any(len(n) == 3 and n in word for n in names), (article.title, word)


@pytest.mark.parametrize("name", ["000", "001", "002", "003", "004"])
def test_every_top_five_keyword_is_whole_words_of_the_text(name, seed_digests):
    """No fragment (批援 from 第19批援中非): each keyword is a stretch of the article's own words
    as the segmenter cuts them, each a dictionary word, a declared term or a Latin acronym."""
    from healthdigest import words as W
    from healthdigest.pipeline import vocabulary

    vocab = vocabulary()
    bulletin = next(b for n, b in seed_digests.items() if n.startswith(name))
    for article in bulletin.articles:
        words = _measure_apart(W.cut(f"{article.title or ''}\n{article.text}"))
        words = [vocab.canonical(w.strip()) for w in words]
        for keyword in (k.word for k in article.keywords[:5]):
            assert _whole_words(keyword, words, vocab), (article.title, keyword)


def _measure_apart(words: list[str]) -> list[str]:
    """A figure's measure word belongs to the figure (第19批|援中非), though the segmenter may
    glue it to the next word (批援)."""
    out = []
    for w in words:
        if out and out[-1][-1:].isdigit() and len(w) > 1 and w[0] in "批年个项名家次位例件条所届期":
            out += [w[0], w[1:]]
        else:
            out.append(w)
    return out


def _whole_words(keyword: str, words: list[str], vocab) -> bool:
    for i in range(len(words)):
        stretch = ""
        for j in range(i, len(words)):
            stretch += words[j]
            if stretch == keyword:
                if all(vocab.freq.get(w) or w in vocab.terms or w.isascii() for w in words[i : j + 1]):
                    return True
                break
            if not keyword.startswith(stretch):
                break
    return False


def test_person_in_a_report_is_no_keyword_but_the_subject_of_a_profile_is(settings):
    report = (
        "社区医院开展慢性阻塞性肺疾病筛查\n\n"
        "本报讯（记者张晓明）近日，某区社区医院为辖区居民开展慢性阻塞性肺疾病免费筛查。"
        "呼吸科主任李建华介绍，慢性阻塞性肺疾病早期症状不明显，肺功能检查是诊断的关键。"
        "李建华表示，吸烟者和四十岁以上居民应每年做一次肺功能检查。李建华说，社区医院将为筛查阳性的"
        "居民建立健康档案，并与上级医院联动转诊。张晓明了解到，已有三百名居民接受肺功能检查。"
    )
    words = [k.word for k in _digest(report, settings).keywords]
    assert "李建华" not in words and "张晓明" not in words
    profile = (
        "追记乡村医生王德明：四十年守护山村健康\n\n"
        "王德明是某县一名乡村医生，从医四十年。王德明每天走村入户，为村民测量血压、送药上门。"
        "村民说，王德明就是大家的家庭医生。王德明常说，乡村医生要守好村民健康第一道关。"
    )
    assert "王德明" in [k.word for k in _digest(profile, settings).keywords[:5]]


@pytest.mark.parametrize(
    ("text", "compound"),
    [
        (
            "冠状动脉粥样硬化性心脏病患者的康复护理效果观察\n\n"
            "目的：观察康复护理对冠状动脉粥样硬化性心脏病患者生活质量的影响。方法：选取本院收治的冠状动脉"
            "粥样硬化性心脏病患者一百二十例，随机分为两组，对照组给予常规护理，观察组加用康复护理。结果："
            "观察组生活质量评分高于对照组。结论：康复护理可改善冠状动脉粥样硬化性心脏病患者的生活质量。",
            "冠状动脉粥样硬化性心脏病",
        ),
        (
            "社区开展慢性阻塞性肺疾病筛查\n\n"
            "某区为居民开展慢性阻塞性肺疾病免费筛查。慢性阻塞性肺疾病早期症状不明显，肺功能检查是诊断的关键。"
            "吸烟者应每年检查一次。社区将为筛查阳性的居民建立档案，慢性阻塞性肺疾病患者可转诊上级医院。",
            "慢性阻塞性肺疾病",
        ),
    ],
    ids=["coronary", "copd"],
)
def test_a_compound_the_text_repeats_comes_out_whole_and_its_pieces_do_not(text, compound, settings):
    from healthdigest import words as W

    pieces = W.cut(compound)
    assert len(pieces) > 2  # the segmenter does cut it: the test is about putting it back
    top = [k.word for k in _digest(text, settings).keywords[:5]]
    assert compound in top
    for word in top:
        assert word == compound or word not in compound or len(word) < 2, (word, top)


def test_near_duplicates_fold_into_one_keyword(settings):
    text = (
        "某市加强慢性病管理\n\n"
        "某市卫生健康委员会推进慢性病管理，将高血压、糖尿病等慢病患者纳入家庭医生签约服务。慢病管理覆盖"
        "全市社区。慢性病患者可在社区领取长处方药品，慢病随访每季度一次。江苏南京智慧医保平台上线，"
        "智慧医保平台可查慢性病用药。智慧医保平台每月更新。"
    )
    words = [k.word for k in _digest(text, settings).keywords]
    assert "慢性病" in words and "慢病" not in words
    assert not {"智慧医保平台", "南京智慧医保平台"} <= set(words)


def test_figures_measure_words_and_particles_do_not_make_keywords(settings):
    text = (
        "第19批援外医疗队出征\n\n"
        "第19批援外医疗队近日出征，医疗队由12名队员组成。2005年抗高血压药使用量增加，"
        "第19批援外医疗队将开展巡回医疗。队员们表示将做好医疗援助工作。"
    )
    for word in (k.word for k in _digest(text, settings).keywords):
        assert not word.startswith(("批", "年", "名")), word
        assert not any(ch.isdigit() for ch in word), word


def test_zero_keywords_means_none(settings):
    from dataclasses import replace

    from healthdigest.pipeline import digest_file

    seed = sorted(SEEDS.glob("*.txt"))[0]
    bulletin = digest_file(seed, settings=replace(settings, keywords=0))
    assert all(a.keywords == [] for a in bulletin.articles)
    assert bulletin.keywords == []


@pytest.mark.parametrize("count", [0, 3, 12])
def test_keyword_count_applies_to_every_format(count):
    from healthdigest.cli import app

    runner = CliRunner()
    seed = sorted(SEEDS.glob("*.txt"))[0]

    def out(fmt: str) -> str:
        result = runner.invoke(app, ["summarize", str(seed), "-f", fmt, "-k", str(count), "-q", "--no-cache"])
        assert result.exit_code == 0, result.stderr
        return result.stdout

    def keywords(k: int) -> list[list[str]]:
        result = runner.invoke(app, ["summarize", str(seed), "-f", "json", "-k", str(k), "-q", "--no-cache"])
        return [[x["word"] for x in a["keywords"]] for a in json.loads(result.stdout)[0]["articles"]]

    shown, more = keywords(count), keywords(count + 1)
    assert all(len(ws) == count for ws in shown)
    markdown, rich = out("markdown"), re.sub(r"\s+", "", out("rich"))
    lines = [line.removeprefix("关键词：") for line in markdown.splitlines() if line.startswith("关键词：")]
    assert lines == ["、".join(ws) for ws in shown if ws]
    for ws, longer in zip(shown, more, strict=True):
        if ws:
            assert "、".join(ws) in rich
        if ws:
            assert "、".join(longer) not in rich  # one more than asked is not shown
    if count == 0:
        assert "关键词" not in markdown and "关键词" not in rich


def test_the_reporting_agency_is_no_keyword_unless_the_title_names_it(settings):
    body = (
        "某省卫生健康委员会近日印发通知，推进县域胸痛中心建设。某省卫生健康委员会要求各县医院设立胸痛中心，"
        "胸痛中心与急救站联动。某省卫生健康委员会将对胸痛中心开展评估，胸痛中心建设纳入考核。"
    )
    words = [k.word for k in _digest("县域胸痛中心建设提速\n\n" + body, settings).keywords]
    assert "胸痛中心" in words
    assert not any(w.endswith("卫生健康委员会") for w in words), words
    titled = [k.word for k in _digest("某省卫生健康委员会部署胸痛中心建设\n\n" + body, settings).keywords]
    assert any(w.endswith("卫生健康委员会") for w in titled), titled


def test_bulletin_keywords_name_each_thing_once(seed_digests):
    """Across a bulletin no keyword stands inside another (社区卫生 beside 社区卫生服务中心)."""
    for name, bulletin in seed_digests.items():
        words = [k.word for k in bulletin.keywords]
        nested = [(a, b) for a in words for b in words if a != b and a in b]
        assert not nested, (name, nested)


def test_word_classes_read_back_from_the_cache_equal_the_dictionary(tmp_path, monkeypatch):
    from healthdigest import words as W

    monkeypatch.setattr(W, "cache_dir", lambda: tmp_path)
    parsed = W.word_classes.__wrapped__()  # no cache yet: read from jieba's dict.txt, then stored
    assert list(tmp_path.glob("word-classes-*.marshal"))
    assert W.word_classes.__wrapped__() == parsed  # read back from the cache
