"""公文 and multi-document files built at test time from the real ones: the corpus's 公文 and
文件汇编 (read from ../shared, skipped when it is absent) and the seeds, changed the way users'
files differ — a date in Chinese numerals, a title on one line or three, a 文号 in half-width
brackets with a 签发人, documents reordered or joined, bulletins concatenated."""

from __future__ import annotations

import re
from collections import Counter

import pytest

from conftest import CORPUS, SEEDS, load_gold
from healthdigest.structure import lines as L
from healthdigest.structure import read_structure
from healthdigest.structure.documents import split_documents
from healthdigest.textutil import fold

OFFICIAL = ["D01", "D02", "D03", "D04", "D05", "D06"]
COMPILATION_SEED = "003_95dcd98fb450c0bd"


def corpus(prefix: str) -> tuple[str, dict]:
    if not CORPUS.is_dir():
        pytest.skip("the shared corpus is not beside the repository")
    gold = load_gold(next(CORPUS.glob(f"{prefix}_*.yaml")))
    return (CORPUS / gold["file"]).read_text(encoding="utf-8"), gold


def titles(text: str) -> list[str]:
    return [a.title or "" for a in read_structure(text).articles]


@pytest.mark.parametrize("prefix", OFFICIAL)
def test_corpus_official_documents_against_their_gold(prefix):
    text, gold = corpus(prefix)
    b = read_structure(text)
    assert [fold(a.title or "") for a in b.articles] == [fold(w["title"]) for w in gold["articles"]]
    for w, a in zip(gold["articles"], b.articles, strict=True):
        body = fold(a.text)
        assert body.startswith(fold(w["first"])[:12]) and body.endswith(fold(w["last"])[-12:]), w["title"]
    for key in ("issue", "date"):
        assert fold(str(getattr(b.metadata, key) or "")) == fold(str(gold["bulletin"].get(key) or "")), key


def test_signature_date_in_chinese_numerals():
    text, _ = corpus("D01")
    changed = re.sub(r"^(\s*)2025 年 1 月 26 日$", r"\1二〇二五年一月二十六日", text, count=1, flags=re.M)
    assert changed != text
    b = read_structure(changed)
    assert b.metadata.date == "2025-01-26"
    assert b.articles[0].paragraphs[-1].text.endswith("82212857。")


@pytest.mark.parametrize("wrap", ["one line", "three lines"])
def test_title_printed_on_one_line_or_wrapped_over_three(wrap):
    text, gold = corpus("D02")
    lines = text.split("\n")
    at = next(i for i, line in enumerate(lines) if "关于成立" in line)
    start, end = at - 1, at + 2  # the title's three printed lines
    title = "".join(lines[start:end])
    if wrap == "one line":
        new = [title]
    else:
        third = len(title) // 3
        new = [title[:third], title[third : 2 * third], title[2 * third :]]
    changed = "\n".join(lines[:start] + new + lines[end:])
    assert [fold(t) for t in titles(changed)] == [fold(gold["articles"][0]["title"])]


def test_document_number_in_half_width_brackets_with_signer():
    text, _ = corpus("D02")
    changed = text.replace("顺委办函〔2025〕25 号", "顺委办函[2025]25 号          签发人：某某某", 1)
    b = read_structure(changed)
    assert b.metadata.issue == "顺委办函[2025]25号"
    assert len(b.articles) == 1


def test_compilation_in_another_order_gives_the_same_documents_reversed():
    text, gold = corpus("D03")
    raw = text.split("\n")
    parts = split_documents(L.tag_lines(text))
    assert len(parts) == 4
    starts = [p[0].no - 1 for p in parts] + [len(raw)]
    chunks = ["\n".join(raw[a:b]) for a, b in zip(starts, starts[1:], strict=False)]
    reordered = "\n".join(reversed(chunks))
    want = [fold(w["title"]) for w in gold["articles"]]
    assert [fold(t) for t in titles(reordered)] == list(reversed(want))


def test_two_official_files_joined_into_one():
    d04, g04 = corpus("D04")
    d01, g01 = corpus("D01")
    b = read_structure(d04 + "\n" + d01)
    want = [fold(w["title"]) for w in g04["articles"] + g01["articles"]]
    assert [fold(a.title or "") for a in b.articles] == want
    # The documents disagree on 文号 and date: the file as a whole has neither.
    assert (b.metadata.issue, b.metadata.date) == (None, None)
    assert b.articles[-1].paragraphs[-1].text.endswith("82212857。")


def test_four_copies_of_a_compilation_give_four_times_its_articles():
    text = (SEEDS / f"{COMPILATION_SEED}.txt").read_text(encoding="utf-8")
    one = read_structure(text)
    four = read_structure("\n".join([text] * 4))
    assert [a.title for a in four.articles] == [a.title for a in one.articles] * 4
    assert len(four.articles) == 40
    reasons = Counter(d.reason for d in four.dropped)
    assert reasons == Counter({r: 4 * n for r, n in Counter(d.reason for d in one.dropped).items()})
    assert not [w for w in four.warnings if "outside every article" in w or "no article" in w]


def test_two_different_newsletters_in_one_file_keep_their_articles_and_no_shared_issue():
    a = (SEEDS / "000_6b9dbb8f10a053fd.txt").read_text(encoding="utf-8")
    b = (SEEDS / "001_fab50692d8e738b0.txt").read_text(encoding="utf-8")
    one, two = read_structure(a), read_structure(b)
    both = read_structure(a + "\n" + b)
    assert [x.title for x in both.articles] == [x.title for x in one.articles + two.articles]
    for key in ("issue", "date", "number"):
        mine, theirs = getattr(one.metadata, key), getattr(two.metadata, key)
        assert getattr(both.metadata, key) == (mine if mine == theirs else None), key


def test_a_title_repeated_inside_a_story_does_not_cut_the_file():
    text = (SEEDS / "000_6b9dbb8f10a053fd.txt").read_text(encoding="utf-8")
    first = next(line for line in text.split("\n") if line.strip())
    # The masthead's name quoted on a line of its own in the body, followed by text, not an issue.
    lines = text.split("\n")
    middle = len(lines) // 2
    changed = "\n".join(lines[:middle] + [first, "本刊将持续关注各地的做法与经验。"] + lines[middle:])
    assert len(split_documents(L.tag_lines(changed))) == 1


def test_hard_wrapped_paragraphs_are_joined_where_the_wrap_width_is_unclear():
    # D01's body is wrapped at ~28 characters and its appended forms hide the wrap width:
    # a paragraph still runs to its full stop or colon, a numbered heading stays apart.
    text, _ = corpus("D01")
    a = read_structure(text).articles[0]
    first = a.paragraphs[1].text
    assert first.startswith("为切实做好") and first.endswith("现将有关事项通知如下：")
    assert a.paragraphs[2].text == "一、监测区域" and a.paragraphs[2].kind == "subheading"
    assert all(p.text[-1] in "。：:；" for p in a.body_paragraphs[1:])


def test_bulletins_merged_into_one_pdf_with_form_feeds_are_cut_at_each_masthead():
    # pdftotext of several issues merged into one PDF: each masthead opens a page, so it also
    # looks like a running head; the documents are found before running heads are marked.
    text = (SEEDS / "000_6b9dbb8f10a053fd.txt").read_text(encoding="utf-8")
    one = read_structure(text)
    three = read_structure("\f".join([text] * 3))
    assert [a.title for a in three.articles] == [a.title for a in one.articles] * 3
    assert three.metadata.issue == one.metadata.issue


def test_plan_with_chapters_issued_by_a_notice_stays_one_article():
    text = (
        "某市卫生健康委员会文件\n某卫规〔2024〕2号\n\n"
        "某市卫生健康委员会关于印发\n某市医疗机构依法执业管理办法的通知\n\n"
        "各区卫生健康局，委属各单位：\n现将《某市医疗机构依法执业管理办法》印发给你们，请认真贯彻执行。\n\n"
        "某市卫生健康委员会\n2024年2月1日\n\n"
        "某市医疗机构依法执业管理办法\n\n"
        "第一章 总则\n第一条 为规范医疗机构依法执业行为，保障医疗质量和安全，制定本办法。\n"
        "第二条 本办法适用于本市行政区域内的各级各类医疗机构。\n"
        "第二章 执业管理\n第三条 医疗机构应当按照核准登记的诊疗科目开展诊疗活动。\n"
        "第三章 附则\n第四条 本办法自2024年3月1日起施行。\n"
    )
    b = read_structure(text)
    assert b.layout == "official"
    [a] = b.articles
    assert a.title == "某市卫生健康委员会关于印发某市医疗机构依法执业管理办法的通知"
    assert a.subheadings == ["某市医疗机构依法执业管理办法", "第一章 总则", "第二章 执业管理", "第三章 附则"]
    assert a.paragraphs[-1].text == "第四条 本办法自2024年3月1日起施行。"


def test_part_heads_stand_alone_and_wrapped_numbered_items_run_on():
    # 一、 opens a part on a line of its own even when it fills the line; a （三） item whose
    # text fills the line runs on into the next.
    text, _ = corpus("D04")
    b = read_structure(text)
    letter, inspection = b.articles[1], b.articles[2]
    assert "一、高度警惕有临床表现或14天内国外旅居史患者" in letter.subheadings
    assert any(p.text.startswith("（三）十五运会") and p.text.endswith("准备情况。") for p in inspection.paragraphs)


@pytest.mark.parametrize("prefix", ["D03", "D04"])
def test_compilations_read_from_their_pdf_originals(prefix):
    # Another extraction of the same files: wider lines, other wraps, headers run together.
    from healthdigest.reading import read_file

    _, gold = corpus(prefix)
    pdf = next(CORPUS.glob(f"{prefix}_*.pdf"))
    b = read_structure(read_file(pdf).text)
    assert [fold(a.title or "") for a in b.articles] == [fold(w["title"]) for w in gold["articles"]]
    for w, a in zip(gold["articles"], b.articles, strict=True):
        body = fold(a.text)
        assert body.startswith(fold(w["first"])[:12]) and body.endswith(fold(w["last"])[-12:]), w["title"]
